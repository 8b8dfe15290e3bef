"""The application workflow as data: which transition leads from which states to which, and who may make it.

    draft ─submit→ submitted ─check→ eligibility_check ─admit→ in_review ─select→ selected
                                          │                        ├─reserve→ reserve
                                          └─reject_ineligible→ rejected ←reject─┘
    draft | submitted | eligibility_check | in_review ─withdraw→ withdrawn

`transition()` checks the table and the permission, runs the transition's conditions (hooks registered with
`before`), changes the status, records an ApplicationEvent (who, when, from, to, comment) and runs the effects
(hooks registered with `after`, e.g. a selection making the cluster a participant of the programme), all in one
transaction. Pages, bulk actions and the API call only this.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .choices import ApplicationStatus as S


@dataclass(frozen=True)
class Transition:
    code: str
    label: object
    sources: tuple[str, ...]
    target: str
    action: str  # the permission (calls/permissions.py) the user needs on the application
    needs_comment: bool = False


TRANSITIONS = {
    t.code: t
    for t in (
        Transition("submit", _("Submit"), (S.DRAFT,), S.SUBMITTED, "application.edit"),
        Transition(
            "withdraw",
            _("Withdraw"),
            (S.DRAFT, S.SUBMITTED, S.ELIGIBILITY_CHECK, S.IN_REVIEW),
            S.WITHDRAWN,
            "application.edit",
        ),
        Transition(
            "check", _("Start the eligibility check"), (S.SUBMITTED,), S.ELIGIBILITY_CHECK, "application.manage"
        ),
        Transition("admit", _("Eligible: send to review"), (S.ELIGIBILITY_CHECK,), S.IN_REVIEW, "application.manage"),
        Transition(
            "reject_ineligible",
            _("Not eligible: reject"),
            (S.ELIGIBILITY_CHECK,),
            S.REJECTED,
            "application.manage",
            needs_comment=True,
        ),
        Transition("select", _("Select"), (S.IN_REVIEW,), S.SELECTED, "application.manage", needs_comment=True),
        Transition(
            "reserve", _("Put on the reserve list"), (S.IN_REVIEW,), S.RESERVE, "application.manage", needs_comment=True
        ),
        Transition("reject", _("Reject"), (S.IN_REVIEW,), S.REJECTED, "application.manage", needs_comment=True),
    )
}

DECISIONS = ("select", "reserve", "reject", "reject_ineligible")


class TransitionRefused(ValidationError):
    """Not allowed from the current state, or its conditions are not met (a 409/400 in the API, not a 403)."""


_BEFORE: dict[str, list[Callable]] = defaultdict(list)
_AFTER: dict[str, list[Callable]] = defaultdict(list)


def before(*codes: str):
    """Register a condition: fn(application, user, comment) raising TransitionRefused when it is not met."""

    def register(fn):
        for code in codes:
            if fn not in _BEFORE[code]:
                _BEFORE[code].append(fn)
        return fn

    return register


def after(*codes: str):
    """Register an effect: fn(application, user, comment), run in the transition's transaction."""

    def register(fn):
        for code in codes:
            if fn not in _AFTER[code]:
                _AFTER[code].append(fn)
        return fn

    return register


def _permitted(user, step: Transition, application):
    from .permissions import can, may_edit

    if step.action == "application.edit":
        return may_edit(user, application)
    return can(user, step.action, application)


def available(application, user) -> list[Transition]:
    """The transitions this user may make on this application now (for buttons and the API's `actions`)."""
    return [t for t in TRANSITIONS.values() if application.status in t.sources and _permitted(user, t, application)]


@transaction.atomic
def transition(application, user, code: str, comment: str = ""):
    """Make transition `code`; raises PermissionDenied or TransitionRefused (with a message for the user)."""
    from django.utils import timezone

    from .models import ApplicationEvent

    if code not in TRANSITIONS:
        raise TransitionRefused(_("Unknown action."))
    step = TRANSITIONS[code]
    allowed, reason = _permitted(user, step, application)
    if not allowed:
        raise PermissionDenied(reason)
    # Lock the row so that two people acting at once cannot both move it.
    type(application).objects.select_for_update().filter(pk=application.pk).first()
    application.refresh_from_db()
    if application.status not in step.sources:
        raise TransitionRefused(
            _("This application is %(status)s; “%(action)s” is not possible now.")
            % {"status": application.get_status_display().lower(), "action": step.label}
        )
    comment = (comment or "").strip()
    if step.needs_comment and not comment:
        raise TransitionRefused(_("Write a justification: it is recorded with the decision."))
    for condition in _BEFORE[code]:
        condition(application, user, comment)
    previous = application.status
    application.status = step.target
    now = timezone.now()
    if code == "submit":
        application.submitted_at = now
    if code in DECISIONS:
        application.decided_at = now
        application.justification = comment
    application.save()
    ApplicationEvent.objects.create(
        application=application,
        transition=code,
        from_status=previous,
        to_status=step.target,
        actor=user if getattr(user, "is_authenticated", False) else None,
        comment=comment,
    )
    for effect in _AFTER[code]:
        effect(application, user, comment)
    return application
