"""Evidence files: download (whoever may see the assessment) and removal with a confirmation step (its managers,
while the assessment can be changed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from klusterplattform.core.uploads import stored_file_response

from .. import evidence as evidence_files
from .common import MAY_NOT_EDIT, assessment_for, edit_refusal, refuse


@login_required
def evidence_download(request, pk, evidence_id):
    assessment = assessment_for(request, pk)
    item = get_object_or_404(assessment.evidence.all(), pk=evidence_id)
    return stored_file_response(item.file, item.name)


@login_required
def evidence_delete(request, pk, evidence_id):
    assessment = assessment_for(request, pk)
    item = get_object_or_404(assessment.evidence.select_related("indicator"), pk=evidence_id)
    refused = edit_refusal(request, assessment)
    if refused:
        return refused
    back = redirect("excellence:assessment_area", pk=assessment.pk, area=item.indicator.area)
    if request.method == "POST":
        try:
            evidence_files.remove(item, request.user)
        except PermissionDenied:
            return refuse(request, assessment, MAY_NOT_EDIT)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return back
        messages.success(request, _("The file %(name)s is removed.") % {"name": item.name})
        return back
    return render(request, "excellence/assessment_evidence_delete.html", {"assessment": assessment, "evidence": item})
