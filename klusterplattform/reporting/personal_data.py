"""What the evaluation surveys hold about a person, for the personal-data lookup and export (registry/people.py):
the surveys their account was invited to and whether they have answered. Their answers are anonymous (no link to
the person), so they are neither listed nor erasable by person."""

from django.utils.translation import gettext_lazy as _

from .models import SurveyInvitation


def invitations_of(user) -> list:
    rows = SurveyInvitation.objects.filter(user=user).select_related("survey")
    return [
        {
            "survey": invitation.survey_id,
            "survey_title": invitation.survey.title_sv,
            "invited": invitation.invited_at.isoformat(),
            "answered": invitation.responded_on.isoformat() if invitation.responded_on else None,
        }
        for invitation in rows.order_by("pk")
    ]


ACCOUNT_SECTIONS = {
    "survey_invitations": (
        _("Evaluation surveys this account was invited to, and the day it answered (the answers are anonymous)."),
        invitations_of,
    ),
}
