"""Decisions on applications: their effects (a selection makes the cluster a participant of the programme), bulk
decisions (all or nothing), and the counts of a call's outcome. The decision e-mails are in notifications.py.

Every decision goes through workflow.transition (permission, state, justification, ApplicationEvent, audit); this
module only adds what follows from it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.models import ProgrammeParticipation

from . import workflow
from .choices import ApplicationStatus

# The officer's choice → the workflow's transition code.
CHOICES = {
    ApplicationStatus.SELECTED: "select",
    ApplicationStatus.RESERVE: "reserve",
    ApplicationStatus.REJECTED: "reject",
}
OUTCOME_STATUSES = (
    ApplicationStatus.SELECTED,
    ApplicationStatus.RESERVE,
    ApplicationStatus.REJECTED,
    ApplicationStatus.WITHDRAWN,
)


@workflow.after("select")
def join_programme(application, user, comment):
    """The selected cluster becomes a participant of the call's programme, selected on the decision's date in the
    call's time zone. A participation that was withdrawn is taken up again; an existing one is otherwise kept as it
    is. ProgrammeParticipation is tracked by the audit trail (registry/apps.py), so the change is recorded there."""
    call = application.call
    decided_on = application.decided_at.astimezone(call.zone).date()
    participation, created = ProgrammeParticipation.objects.select_for_update().get_or_create(
        programme_id=call.programme_id,
        cluster_id=application.cluster_id,
        defaults={"status": ParticipationStatus.SELECTED, "selected_on": decided_on},
    )
    if not created and participation.status == ParticipationStatus.WITHDRAWN:
        participation.status = ParticipationStatus.SELECTED
        participation.selected_on = decided_on
        participation.save()
    return participation


def outcome_counts(call) -> dict[str, int]:
    """How many of the call's applications are selected, on the reserve list, rejected and withdrawn (all four keys,
    zero when none)."""
    counts = dict.fromkeys((str(status) for status in OUTCOME_STATUSES), 0)
    rows = call.applications.filter(status__in=OUTCOME_STATUSES).values("status").annotate(n=Count("pk"))
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts


@dataclass
class Row:
    """One line of a bulk decision: the application, the chosen status ("" = leave it) and the justification."""

    application: object
    status: str = ""
    justification: str = ""


class _Refused(Exception):
    """Raised inside the bulk transaction when a row was refused, so that every row is rolled back."""


def decide(application, user, status: str, justification: str):
    """Decide one application: status is selected, reserve or rejected."""
    if status not in CHOICES:
        raise workflow.TransitionRefused(_("Choose a decision: selected, reserve or rejected."))
    return workflow.transition(application, user, CHOICES[status], justification)


def decide_many(user, rows: list[Row]) -> tuple[int, dict[int, str]]:
    """Decide every row with a status, all or nothing: if any row is refused nothing is decided. Returns (number
    decided, {application pk: why it was refused})."""
    errors: dict[int, str] = {}
    decided = 0
    try:
        with transaction.atomic():
            for row in rows:
                if not row.status:
                    continue
                try:
                    with transaction.atomic():
                        decide(row.application, user, row.status, row.justification)
                except PermissionDenied as refused:
                    errors[row.application.pk] = str(refused) or "permission denied"
                except workflow.TransitionRefused as refused:
                    errors[row.application.pk] = " ".join(str(m) for m in refused.messages)
                else:
                    decided += 1
            if errors:
                raise _Refused
    except _Refused:
        for row in rows:  # the objects in memory were changed before the rollback
            row.application.refresh_from_db()
        return 0, errors
    return decided, errors
