"""Registrations for activities: the state machine of a seat, and the one place that decides who gets one.

States (`RegistrationStatus`) and transitions:

    (new) ──register──▶ confirmed            while the activity has seats left (or no capacity)
    (new) ──register──▶ waiting              when it is full; the queue is ordered by queued_at, then pk
    waiting ──promote──▶ confirmed           when a seat frees (a cancellation, a raised capacity); promoted_at is
                                             set, which is what the "you got a seat" e-mail is sent from
    confirmed | waiting ──cancel──▶ cancelled

Registering needs `activity.register` on the cluster, and the cluster must take part in the activity's programme
(`permissions.can_register`); it closes at the registration deadline (or the start, when there is none). A batch of
people is all or nothing: one bad row (an e-mail already registered, a malformed address) and nobody is written.

Concurrency. Two cluster managers asking for the last seat at the same moment must not both get it, on SQLite and
on PostgreSQL. Every change of seats therefore runs in one transaction that first locks the activity's row and only
then counts the confirmed seats:

- PostgreSQL: `SELECT … FOR UPDATE` on the activity row. A second transaction waits on that lock until the first
  commits, then counts again (READ COMMITTED takes a fresh snapshot per statement) and sees the seat taken.
- SQLite: `select_for_update()` is a no-op, but SQLite has a single writer. The settings open every transaction with
  BEGIN IMMEDIATE (core/env.py), and `_lock` also makes a no-op write to the activity row, so the transaction holds
  the write lock before it counts even where a transaction was begun DEFERRED (a savepoint in an outer read
  transaction). The second writer waits (the connection's `timeout`, 20 s) and counts after the first committed.

Serialising per activity costs nothing that matters: a registration is a few rows, written in milliseconds.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.permissions import check

from .choices import RegistrationStatus
from .models import Activity, Registration
from .models.registrations import ACTIVE
from .permissions import can_register

CONFIRMED, WAITING, CANCELLED = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED

NOT_ALLOWED = _("You may not register people of this cluster organisation for this activity.")
MAY_NOT_CANCEL = _("You may not cancel this registration.")


@dataclass(frozen=True)
class Seats:
    capacity: int | None
    confirmed: int
    waiting: int

    @property
    def left(self) -> int | None:
        """Seats still free; None when the activity has no limit."""
        return None if self.capacity is None else max(0, self.capacity - self.confirmed)


def seats(activity) -> Seats:
    counts = activity.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=CONFIRMED)), waiting=Count("pk", filter=Q(status=WAITING))
    )
    return Seats(activity.capacity, counts["confirmed"], counts["waiting"])


def _lock(activity_pk: int) -> Activity:
    """The activity, re-read with its row locked for the rest of the transaction (see the module docstring)."""
    if connection.vendor == "sqlite":
        Activity.objects.filter(pk=activity_pk).update(updated_at=F("updated_at"))
    return Activity.objects.select_for_update(of=("self",)).select_related("programme").get(pk=activity_pk)


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _clean_people(people) -> list[tuple[str, str]]:
    """(name, e-mail) pairs stripped and checked; every problem at once, numbered by the person's place in the list."""
    cleaned, errors, seen = [], [], set()
    for number, (name, email) in enumerate(people, start=1):
        name, email = (name or "").replace("\x00", "").strip(), normalise_email(email)
        if not name or not email:
            errors.append(_("Person %(number)s: enter both a name and an e-mail address.") % {"number": number})
            continue
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                _("Person %(number)s: %(email)s is not an e-mail address.") % {"number": number, "email": email}
            )
            continue
        if email in seen:
            errors.append(_("Person %(number)s: %(email)s is listed twice.") % {"number": number, "email": email})
        seen.add(email)
        cleaned.append((name[:200], email))
    if errors:
        raise ValidationError(errors)
    if not cleaned:
        raise ValidationError(_("Enter at least one person's name and e-mail address."))
    return cleaned


def register(activity, cluster, people, *, by, now=None) -> list[Registration]:
    """Register `people` [(name, e-mail), …] of `cluster` for `activity`: confirmed seats while there are any, the
    waiting list after. PermissionDenied when `by` may not; ValidationError (nothing written) for closed
    registration, a malformed or already registered e-mail."""
    decision = can_register(by, activity, cluster)
    if not decision:
        raise PermissionDenied(NOT_ALLOWED)
    people = _clean_people(people)
    with transaction.atomic():
        activity = _lock(activity.pk)
        now = now or timezone.now()
        if not activity.registration_open(now):
            raise ValidationError(_("Registration for this activity has closed."), code="closed")
        emails = [email for _name, email in people]
        taken = sorted(
            activity.registrations.filter(status__in=ACTIVE, email__in=emails).values_list("email", flat=True)
        )
        if taken:
            raise ValidationError(
                _("Already registered for this activity: %(emails)s.") % {"emails": ", ".join(taken)}, code="duplicate"
            )
        _promote(activity, now)  # nobody may pass the queue, even if seats were freed without a promotion
        left = seats(activity).left
        created = []
        for name, email in people:
            status = CONFIRMED if left is None or left > 0 else WAITING
            if left is not None and left > 0:
                left -= 1
            registration = Registration(
                activity=activity,
                cluster=cluster,
                name=name,
                email=email,
                status=status,
                queued_at=now,
                registered_by=by,
            )
            registration.save()
            created.append(registration)
    return created


def may_cancel(user, registration) -> bool:
    return bool(check(user, "activity.register", registration))


def cancel(registration, *, by, now=None) -> list[Registration]:
    """Cancel a registration; a freed seat goes to the first on the waiting list. Returns those promoted."""
    if not may_cancel(by, registration):
        raise PermissionDenied(MAY_NOT_CANCEL)
    with transaction.atomic():
        activity = _lock(registration.activity_id)
        now = now or timezone.now()
        registration = Registration.objects.get(pk=registration.pk)  # re-read under the lock
        if registration.status == CANCELLED:
            raise ValidationError(_("This registration is already cancelled."), code="cancelled")
        if now >= activity.starts_at:
            raise ValidationError(_("The activity has started; registrations can no longer be cancelled."))
        registration.status = CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        return _promote(activity, now)


def _promote(activity, now) -> list[Registration]:
    """Fill free seats from the head of the waiting list (call with the activity locked). Not once it has started."""
    if now >= activity.starts_at:
        return []
    left = seats(activity).left
    if left == 0:
        return []
    queue = activity.registrations.filter(status=WAITING).order_by("queued_at", "pk")
    promoted = list(queue if left is None else queue[:left])
    for registration in promoted:
        registration.status = CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
    return promoted


def save_activity(activity, *, by, now=None, save_related=None) -> list[Registration]:
    """Save an activity changed by a form or the API. A capacity below the seats already confirmed is refused
    (ValidationError on "capacity"); a raised capacity promotes from the waiting list. Returns those promoted."""
    if not check(by, "activity.manage", activity if activity.pk else None):
        raise PermissionDenied
    with transaction.atomic():
        if activity.pk is None:
            activity.created_by = by
            activity.save()
            if save_related:
                save_related()
            return []
        _lock(activity.pk)
        confirmed = activity.registrations.filter(status=CONFIRMED).count()
        if activity.capacity is not None and activity.capacity < confirmed:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(confirmed)s people already hold a confirmed seat; the capacity cannot be lower. "
                        "Cancel registrations first if the activity must be smaller."
                    )
                    % {"confirmed": confirmed}
                }
            )
        activity.save()
        if save_related:
            save_related()
        return _promote(activity, now or timezone.now())


def set_attendance(activity, attended_ids, *, by) -> int:
    """Mark who attended: the registrations in `attended_ids` attended, the other confirmed ones did not."""
    if not check(by, "activity.manage", activity):
        raise PermissionDenied
    attended_ids = set(attended_ids)
    changed = 0
    with transaction.atomic():
        for registration in activity.registrations.filter(status=CONFIRMED):
            value = registration.pk in attended_ids
            if registration.attended != value:
                registration.attended = value
                registration.save(update_fields=["attended"])
                changed += 1
    return changed
