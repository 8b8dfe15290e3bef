"""What every self-assessment page needs: the assessment the user may see (else 404) and the refusal page (403)."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from ..models import Assessment
from ..permissions import can

MAY_NOT_EDIT = _(
    "Only the cluster organisation's own managers fill in its self-assessment. Programme staff and assessors read "
    "it and comment on it."
)
FROZEN = _(
    "This self-assessment is %(status)s and cannot be changed now. A validated self-assessment is frozen; one that "
    "is submitted or under validation can be changed again only if the assessor returns it."
)


def assessment_for(request, pk, queryset=None) -> Assessment:
    """The assessment when the user may see it; a 404 otherwise (it does not exist for them)."""
    assessments = queryset if queryset is not None else Assessment.objects.all()
    visible = assessments.visible_to(request.user).select_related(
        "round__programme", "cluster", "catalogue", "assessor"
    )
    # Regions prefetched: every permission check on the assessment reads them.
    return get_object_or_404(visible.prefetch_related("cluster__regions"), pk=pk)


def refuse(request, assessment, explanation, status=403):
    return render(
        request,
        "excellence/assessment_refused.html",
        {"assessment": assessment, "explanation": explanation},
        status=status,
    )


def edit_refusal(request, assessment):
    """The refusal page when the user may not change the assessment's answers now, else None."""
    if not can(request.user, "assessment.edit", assessment):
        return refuse(request, assessment, MAY_NOT_EDIT)
    if not assessment.is_editable:
        return refuse(request, assessment, FROZEN % {"status": assessment.get_status_display().lower()})
    return None
