"""What the calls module holds about a person, for the personal-data lookup, export and erasure (registry/people.py).

Invitations to edit an application hold an e-mail address whether or not it has an account, so they are found by
address and erased (deleted: the application itself belongs to the cluster). Reviews, conflict-of-interest
declarations and endorsements are the person's professional acts in a public procedure: they are listed with the
account and kept when the account is anonymised, as the audit trail's records of who did what are.
"""

from django.utils.translation import gettext_lazy as _

from klusterplattform.accounts import audit
from klusterplattform.registry.people import AddressSection

from .models import ApplicationEditor, Endorsement, ReviewAssignment


def _iso(value):
    return value.isoformat() if value else None


def invitations_to(email: str) -> list:
    rows = ApplicationEditor.objects.filter(email__iexact=email).select_related("application__call")
    return [
        {
            "application": e.application_id,
            "call": e.application.call.slug,
            "email": e.email,
            "accepted": bool(e.user_id),
        }
        for e in rows.order_by("pk")
    ]


def erase_invitations(email: str) -> tuple[int, int]:
    erased = redacted = 0
    for editor in ApplicationEditor.objects.filter(email__iexact=email):
        pk = editor.pk
        editor.delete()
        redacted += audit.redact_object(ApplicationEditor(pk=pk))
        erased += 1
    return erased, redacted


def reviews_by(user) -> list:
    rows = ReviewAssignment.objects.filter(reviewer=user).select_related("application__call", "review")
    records = []
    for assignment in rows.order_by("pk"):
        review = getattr(assignment, "review", None)
        records.append(
            {
                "application": assignment.application_id,
                "call": assignment.application.call.slug,
                "conflict_declared": _iso(assignment.conflict_declared_at),
                "conflict_reason": assignment.conflict_reason,
                "scores": review.scores if review else None,
                "comments": review.comments if review else None,
                "submitted": _iso(review.submitted_at) if review else None,
            }
        )
    return records


def endorsements_by(user) -> list:
    rows = Endorsement.objects.filter(decided_by=user).select_related("application__call", "region")
    return [
        {
            "application": e.application_id,
            "call": e.application.call.slug,
            "region": e.region.code,
            "status": e.status,
            "reason": e.reason,
            "answered": _iso(e.decided_at),
        }
        for e in rows.order_by("pk")
    ]


ADDRESS_SECTIONS = {
    "application_invitations": AddressSection(
        _("Invitations to this address to edit a call application."), invitations_to, erase_invitations
    ),
}

ACCOUNT_SECTIONS = {
    "application_reviews": (_("Reviews and conflict-of-interest declarations of call applications."), reviews_by),
    "regional_endorsements": (_("Answers given for a region on applications to calls."), endorsements_by),
}
