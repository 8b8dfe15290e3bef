"""The self-assessment workflow as data: which transition leads from which states to which, and who may make it.

    draft ─submit→ submitted ─assign→ under_validation ─validate→ validated (frozen, versioned)
      ↑                                    │
      └──────── returned ←──return─────────┘   (returned ─submit→ submitted)

`transition()` checks the table and the permission, changes the status and saves; the audit trail records who made
it and when (Assessment is tracked in apps.py). Pages and the API call only this.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .choices import AssessmentStatus as S


@dataclass(frozen=True)
class Transition:
    code: str
    label: object
    sources: tuple[str, ...]
    target: str
    action: str  # the permission (excellence/permissions.py) the user needs on the assessment


TRANSITIONS = {
    t.code: t
    for t in (
        Transition("submit", _("Submit"), (S.DRAFT, S.RETURNED), S.SUBMITTED, "assessment.edit"),
        Transition(
            "assign",
            _("Assign an assessor"),
            (S.SUBMITTED, S.UNDER_VALIDATION),
            S.UNDER_VALIDATION,
            "assessment.assign",
        ),
        Transition("validate", _("Validate"), (S.UNDER_VALIDATION,), S.VALIDATED, "assessment.validate"),
        Transition("return", _("Return with comments"), (S.UNDER_VALIDATION,), S.RETURNED, "assessment.validate"),
    )
}


class TransitionRefused(ValidationError):
    """The transition is not allowed from the current state, or its conditions are not met (a 409/400, not a 403)."""


def available(assessment, user) -> list[Transition]:
    """The transitions this user may make on this assessment now (for buttons and the API's `actions`)."""
    from .permissions import can

    return [
        t for t in TRANSITIONS.values() if assessment.status in t.sources and can(user, t.action, assessment).allowed
    ]


@transaction.atomic
def transition(assessment, user, code: str, **details):
    """Make transition `code`; raises PermissionDenied, TransitionRefused. `details`: assessor=, comment=."""
    from . import services
    from .permissions import can

    if code not in TRANSITIONS:
        raise TransitionRefused(_("Unknown action."))
    step = TRANSITIONS[code]
    allowed, reason = can(user, step.action, assessment)
    if not allowed:
        raise PermissionDenied(reason)
    # Lock the row so two people clicking at once cannot both move it.
    type(assessment).objects.select_for_update().filter(pk=assessment.pk).first()
    assessment.refresh_from_db()  # the state as it is under the lock, not as the caller loaded it
    if assessment.status not in step.sources:
        raise TransitionRefused(
            _("This self-assessment is %(status)s; “%(action)s” is not possible now.")
            % {"status": assessment.get_status_display().lower(), "action": step.label}
        )
    getattr(services, f"before_{code}")(assessment, user, **details)
    assessment.status = step.target
    assessment.save()
    getattr(services, f"after_{code}")(assessment, user, **details)
    return assessment
