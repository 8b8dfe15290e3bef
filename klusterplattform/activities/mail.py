"""The e-mails of the activities module, sent by `klusterplattform send_activity_mail` from cron (every 15 minutes).

What goes, and when (`now` is the time of the run):
- reminder: to each confirmed registration of a published activity that starts within the next
  KP_ACTIVITY_REMINDER_HOURS hours (48) and has not started;
- promoted: to each confirmed registration moved up from the waiting list (`promoted_at`) before the activity starts;
- feedback: after a published activity has ended (for FEEDBACK_DAYS days), to its confirmed registrations that have
  not answered; once attendance is marked for anyone, only to those marked as attended;
- news: a published news item (for NEWS_DAYS days after publication) to the users who subscribed to the
  programme's news before it was published and may read it (news.view: participants-only items reach only the
  programme's participants and officers).
Demo programmes send nothing unless asked to (`include_demo`).

Idempotency: every message is one Delivery row, unique per (kind, reference, recipient). The row is claimed (inserted)
before the message is sent, so two overlapping runs cannot both send it; if sending raises, the claim is deleted and
the error reported, so the next run tries again. A run that dies between claim and send loses that one message
(at most once, never twice).

Users have no language preference, so every message is written in Swedish with the English text below it.
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from klusterplattform.core.permissions import check

from . import calendar
from .choices import DeliveryKind, RegistrationStatus
from .feedback import invited_registrations
from .models import Activity, Delivery, NewsItem, NewsSubscription, Registration

FEEDBACK_DAYS = 14
NEWS_DAYS = 14
LANGUAGES = ("sv", "en")
SEPARATOR = "\n\n" + "-" * 40 + "\nIn English\n" + "-" * 40 + "\n\n"


def reminder_hours() -> int:
    return int(getattr(settings, "KP_ACTIVITY_REMINDER_HOURS", 48))


@dataclass
class Outgoing:
    """One message that may go: who, about what, and how to write it (only called when it is sent)."""

    kind: str
    reference: str
    recipient: str
    template: str
    context: Callable[[], dict]
    zone: datetime.tzinfo | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.reference, self.recipient)

    def render(self) -> tuple[str, str]:
        subjects, bodies = [], []
        for language in LANGUAGES:
            with translation.override(language), timezone.override(self.zone or timezone.get_default_timezone()):
                context = self.context()
                subjects.append(" ".join(render_to_string(f"{self.template}_subject.txt", context).split()))
                bodies.append(render_to_string(f"{self.template}_body.txt", context).strip())
        subject = subjects[0] if subjects[0] == subjects[1] else f"{subjects[0]} / {subjects[1]}"
        return subject, SEPARATOR.join(bodies) + "\n"


@dataclass
class Tally:
    sent: int = 0
    failed: int = 0
    errors: list = field(default_factory=list)


def link(path: str) -> str:
    return calendar.base_url() + path


def _registration_links(registration) -> dict:
    activity = registration.activity
    return {
        "activity_url": link(calendar.activity_path(activity)),
        "ics_url": link(reverse("activities:registration_ics", args=[registration.token])),
        "feedback_url": link(reverse("activities:feedback", args=[registration.token])),
    }


def _registration_mail(kind: str, template: str, registration) -> Outgoing:
    activity = registration.activity
    return Outgoing(
        kind=kind,
        reference=f"registration:{registration.pk}",
        recipient=registration.email,
        template=template,
        context=lambda: {"registration": registration, "activity": activity, **_registration_links(registration)},
        zone=activity.zone,
    )


def _registrations(include_demo: bool):
    queryset = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED, activity__is_published=True
    ).select_related("activity__programme")
    return queryset if include_demo else queryset.filter(activity__programme__is_demo=False)


def reminders(now, include_demo=False) -> Iterator[Outgoing]:
    window_end = now + datetime.timedelta(hours=reminder_hours())
    registrations = _registrations(include_demo).filter(
        activity__starts_at__gt=now, activity__starts_at__lte=window_end
    )
    for registration in registrations.order_by("activity__starts_at", "pk"):
        yield _registration_mail(DeliveryKind.REMINDER, "activities/emails/reminder", registration)


def promotions(now, include_demo=False) -> Iterator[Outgoing]:
    registrations = _registrations(include_demo).filter(promoted_at__isnull=False, activity__starts_at__gt=now)
    for registration in registrations.order_by("promoted_at", "pk"):
        yield _registration_mail(DeliveryKind.PROMOTED, "activities/emails/promoted", registration)


def feedback_invitations(now, include_demo=False) -> Iterator[Outgoing]:
    activities = Activity.objects.filter(
        is_published=True, ends_at__lte=now, ends_at__gt=now - datetime.timedelta(days=FEEDBACK_DAYS)
    ).select_related("programme")
    if not include_demo:
        activities = activities.filter(programme__is_demo=False)
    for activity in activities.order_by("ends_at", "pk"):
        for registration in invited_registrations(activity).filter(feedback_given_at__isnull=True).order_by("pk"):
            registration.activity = activity
            yield _registration_mail(DeliveryKind.FEEDBACK, "activities/emails/feedback", registration)


def news_url(item) -> str:
    try:
        return link(item.get_absolute_url())
    except NoReverseMatch:  # the news pages are not installed: the programme's page
        return link(item.programme.get_absolute_url())


def news(now, include_demo=False) -> Iterator[Outgoing]:
    items = NewsItem.objects.filter(
        published_at__lte=now, published_at__gt=now - datetime.timedelta(days=NEWS_DAYS)
    ).select_related("programme")
    if not include_demo:
        items = items.filter(programme__is_demo=False)
    for item in items.order_by("published_at", "pk"):
        subscriptions = (
            NewsSubscription.objects.filter(programme=item.programme, created_at__lte=item.published_at)
            .filter(user__is_active=True)
            .select_related("user")
            .prefetch_related("user__role_grants")
            .order_by("pk")
        )
        for subscription in subscriptions:
            user = subscription.user
            if not user.email or not check(user, "news.view", item):
                continue
            yield Outgoing(
                kind=DeliveryKind.NEWS,
                reference=f"news:{item.pk}",
                recipient=user.email,
                template="activities/emails/news",
                context=lambda item=item: {"item": item, "programme": item.programme, "item_url": news_url(item)},
            )


SOURCES = {
    DeliveryKind.REMINDER: reminders,
    DeliveryKind.PROMOTED: promotions,
    DeliveryKind.FEEDBACK: feedback_invitations,
    DeliveryKind.NEWS: news,
}


def pending(kind: str, now, include_demo=False) -> list[Outgoing]:
    """The messages of one kind that are due and not yet delivered."""
    due = list(SOURCES[kind](now, include_demo))
    references = {outgoing.reference for outgoing in due}
    done = set(
        Delivery.objects.filter(kind=kind, reference__in=references).values_list("kind", "reference", "recipient")
    )
    seen, result = set(), []
    for outgoing in due:
        if outgoing.key not in done and outgoing.key not in seen:
            seen.add(outgoing.key)
            result.append(outgoing)
    return result


def claim(outgoing: Outgoing) -> bool:
    """Insert the Delivery row; False when another run already has it."""
    try:
        with transaction.atomic():
            Delivery.objects.create(kind=outgoing.kind, reference=outgoing.reference, recipient=outgoing.recipient)
    except IntegrityError:
        return False
    return True


def release(outgoing: Outgoing) -> None:
    Delivery.objects.filter(kind=outgoing.kind, reference=outgoing.reference, recipient=outgoing.recipient).delete()


def deliver(outgoing: Outgoing) -> bool:
    """Claim, then send; a failed send gives the claim back and raises. False when it was already claimed."""
    if not claim(outgoing):
        return False
    try:
        subject, body = outgoing.render()
        EmailMessage(subject, body, None, [outgoing.recipient]).send()
    except Exception:
        release(outgoing)
        raise
    return True


def run(now=None, *, dry_run=False, include_demo=False, kinds=None, report=None) -> dict[str, Tally]:
    """Send what is due; with dry_run only list it (`report(line)` gets one line per message)."""
    now = now or timezone.now()
    tallies = {}
    for kind in kinds or SOURCES:
        tally = tallies[kind] = Tally()
        for outgoing in pending(kind, now, include_demo):
            if dry_run:
                if report:
                    report(f"{kind} {outgoing.reference} → {outgoing.recipient}")
                tally.sent += 1
                continue
            try:
                if deliver(outgoing):
                    tally.sent += 1
            except Exception as error:  # noqa: BLE001 - one failed message must not stop the others
                tally.failed += 1
                tally.errors.append(f"{kind} {outgoing.reference} → {outgoing.recipient}: {error}")
    return tallies
