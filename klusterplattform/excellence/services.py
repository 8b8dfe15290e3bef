"""Writes of the excellence module that touch several objects: the hooks of each workflow transition.

workflow.transition() calls before_<code> (checks; may refuse) and after_<code> (consequences) around the status
change, inside one transaction.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.core.permissions import has_role
from klusterplattform.core.roles import Role

from .choices import cluster_size
from .completeness import completeness
from .models import AssessmentVersion
from .workflow import TransitionRefused


def before_submit(assessment, user, **details):
    summary = completeness(assessment)
    if not summary.is_complete:
        raise TransitionRefused(
            _("Answer every required indicator before submitting: %(missing)s still open (%(codes)s).")
            % {"missing": summary.missing, "codes": ", ".join(summary.missing_codes)}
        )
    assessment.submitted_at = timezone.now()
    assessment.assessed_on = timezone.localdate()
    assessment.return_comment = ""


def after_submit(assessment, user, **details):
    return None


def before_assign(assessment, user, assessor=None, **details):
    if isinstance(assessor, int | str):
        assessor = get_user_model().objects.filter(pk=assessor).first()
    if assessor is None or not assessor.is_active or not has_role(assessor, Role.ASSESSOR):
        raise TransitionRefused(_("Choose an active user who holds the assessor role."))
    assessment.assessor = assessor


def after_assign(assessment, user, **details):
    return None


def before_validate(assessment, user, **details):
    from klusterplattform.registry.stats import member_counts

    counts = member_counts([assessment.cluster_id], assessment.assessed_on)[assessment.cluster_id]
    assessment.size_class = cluster_size(counts["total"])
    assessment.validated_at = timezone.now()
    assessment.version += 1


def after_validate(assessment, user, **details):
    from . import peers

    AssessmentVersion.objects.create(
        assessment=assessment,
        number=assessment.version,
        validated_at=assessment.validated_at,
        validated_by=user,
        answers=frozen_answers(assessment),
    )
    peers.refresh_for(assessment)


def before_return(assessment, user, comment="", **details):
    comment = (comment or "").strip()
    if not comment:
        raise TransitionRefused(_("Say what the cluster should change: a comment is required when returning."))
    assessment.return_comment = comment


def after_return(assessment, user, **details):
    return None


def frozen_answers(assessment) -> dict:
    return {
        answer.indicator.code: {
            "value": answer.value,
            "number": None if answer.number is None else str(answer.number),
            "text": answer.text,
            "choices": answer.choices,
            "yes_no": answer.yes_no,
            "prefilled": answer.is_prefilled,
        }
        for answer in assessment.answers.select_related("indicator")
    }


def start_assessment(user, round, cluster):
    """The cluster's self-assessment in the round, started (and pre-filled from the registry) if it has none yet:
    (assessment, created). A cluster has one assessment per round, so a second start returns the first.
    Raises PermissionDenied without assessment.start on the cluster."""
    from django.core.exceptions import PermissionDenied
    from django.db import transaction

    from .models import Assessment
    from .permissions import can

    allowed, reason = can(user, "assessment.start", cluster)
    if not allowed:
        raise PermissionDenied(reason)
    with transaction.atomic():
        # get_or_create re-reads after an IntegrityError, so two people starting at once get the same assessment.
        assessment, created = Assessment.objects.get_or_create(
            round=round, cluster=cluster, defaults={"catalogue": round.catalogue, "is_demo": round.is_demo}
        )
        if created:
            try:
                from .prefill import prefill_answers
            except ImportError:  # pre-filling ships separately; without it the answers simply start empty
                prefill_answers = None
            if prefill_answers is not None:
                prefill_answers(assessment)
    return assessment, created
