"""Workflow transitions as pages (a confirmation or a small form on GET, the transition on POST) and assessors'
comments per indicator."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from klusterplattform.core.permissions import check

from .. import workflow
from ..choices import AssessmentStatus
from ..completeness import completeness
from ..forms_assessments import AssignForm, CommentForm, ConfirmForm, ReturnForm
from ..models import IndicatorComment
from .common import assessment_for, refuse

FORMS = {"submit": ConfirmForm, "assign": AssignForm, "validate": ConfirmForm, "return": ReturnForm}
DONE = {
    "submit": gettext_lazy("The self-assessment is submitted. Programme staff will assign an assessor."),
    "assign": gettext_lazy("%(assessor)s is now the assessor of this self-assessment."),
    "validate": gettext_lazy("The self-assessment is validated and frozen as version %(version)s."),
    "return": gettext_lazy("The self-assessment is returned to the cluster with your comment."),
}


def _details(code, form) -> dict:
    if code == "assign":
        return {"assessor": form.cleaned_data["assessor"]}
    if code == "return":
        return {"comment": form.cleaned_data["comment"]}
    return {}


def _done_message(code, assessment) -> str:
    assessor = assessment.assessor
    return str(DONE[code]) % {
        "assessor": (assessor.full_name or assessor.email) if assessor else "",
        "version": assessment.version,
    }


@login_required
def assessment_transition(request, pk, action):
    assessment = assessment_for(request, pk)
    step = workflow.TRANSITIONS[action]
    allowed, _reason = check(request.user, step.action, assessment)
    if not allowed:
        return refuse(
            request,
            assessment,
            _("Your roles do not allow “%(action)s” on this self-assessment.") % {"action": step.label},
        )
    if assessment.status not in step.sources:
        messages.error(
            request,
            _("This self-assessment is %(status)s; “%(action)s” is not possible now.")
            % {"status": assessment.get_status_display().lower(), "action": step.label},
        )
        return redirect(assessment.get_absolute_url())
    form = FORMS[action](request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.transition(assessment, request.user, action, **_details(action, form))
        except PermissionDenied:
            return refuse(request, assessment, _("Your roles do not allow this on this self-assessment."))
        except workflow.TransitionRefused as refusal:
            messages.error(request, refusal.messages[0])
            if action in ("assign", "return"):
                form.add_error(None, refusal.messages[0])
            else:
                return redirect(assessment.get_absolute_url())
        else:
            messages.success(request, _done_message(action, assessment))
            return redirect(assessment.get_absolute_url())
    context = {
        "assessment": assessment,
        "step": step,
        "action": action,
        "form": form,
        "progress": completeness(assessment) if action == "submit" else None,
    }
    return render(request, "excellence/assessment_transition.html", context)


@require_POST
@login_required
def assessment_comment(request, pk):
    assessment = assessment_for(request, pk)
    if not check(request.user, "assessment.validate", assessment):
        return refuse(request, assessment, _("Only the assigned assessor comments on this self-assessment."))
    if assessment.status != AssessmentStatus.UNDER_VALIDATION:
        messages.error(request, _("Comments are added while the self-assessment is under validation."))
        return redirect(assessment.get_absolute_url())
    form = CommentForm(list(assessment.catalogue.indicators.all()), request.POST)
    if form.is_valid():
        indicator = form.by_code[form.cleaned_data["indicator"]]
        IndicatorComment.objects.create(
            assessment=assessment, indicator=indicator, author=request.user, text=form.cleaned_data["text"].strip()
        )
        messages.success(request, _("Your comment on %(code)s is saved.") % {"code": indicator.code})
    else:
        messages.error(request, _("Choose an indicator and write a comment."))
    return redirect(assessment.get_absolute_url() + "#comments")
