"""Pages of the feedback survey: answering through the participant's personal link (no account needed) and the
officers' export of the anonymous responses."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.core.exports import FORMATS, Column, export_response
from klusterplattform.core.permissions import check

from . import feedback
from .forms_feedback import feedback_form
from .models import Activity, FeedbackResponse, Registration


def visible_activity(user, pk) -> Activity:
    """The activity if the user may see it (activity.view), else 404, as if it did not exist."""
    activity = get_object_or_404(Activity.objects.select_related("programme"), pk=pk)
    if not check(user, "activity.view", activity):
        raise Http404
    return activity


def refusal_message(code: str) -> str:
    return {
        feedback.ALREADY_ANSWERED: _("You have already answered. Thank you for your feedback!"),
        feedback.NOT_CONFIRMED: _(
            "Only confirmed participants can give feedback, and this registration is cancelled or still on the "
            "waiting list."
        ),
        feedback.NOT_STARTED: _("The feedback survey opens when the activity starts. Come back afterwards."),
    }[code]


def feedback_answer(request, token):
    registration = get_object_or_404(Registration.objects.select_related("activity__programme"), token=token)
    activity = registration.activity
    context = {"activity": activity, "questions": feedback.QUESTIONS}
    reason = feedback.refusal(registration, timezone.now())
    if reason:
        return render(request, "activities/feedback_closed.html", {**context, "message": refusal_message(reason)})
    form = feedback_form(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            feedback.submit(registration, form.cleaned_data)
        except feedback.FeedbackRefused as refused:
            return render(
                request, "activities/feedback_closed.html", {**context, "message": refusal_message(refused.code)}
            )
        return render(request, "activities/feedback_thanks.html", context)
    return render(request, "activities/feedback_form.html", {**context, "form": form})


def export_columns() -> list[Column]:
    columns = [Column(_("Response"), lambda row: row[0])]
    for question in feedback.SCALE_QUESTIONS:
        columns.append(Column(question.label, lambda row, code=question.code: row[1].answers.get(code)))
    comment = next(question for question in feedback.QUESTIONS if question.code == feedback.COMMENT)
    columns.append(Column(comment.label, lambda row: row[1].comment))
    return columns


def _sort_key(response):
    """A stable order that says nothing about who answered first: by the answers, then the comment."""
    answers = tuple(
        -1 if response.answers.get(q.code) is None else response.answers[q.code] for q in feedback.SCALE_QUESTIONS
    )
    return (answers, response.comment)


@login_required
def feedback_export(request, pk, file_format):
    """The anonymous responses of one activity, one row each (no names, no dates), for officers."""
    if file_format not in FORMATS:
        raise Http404
    activity = visible_activity(request.user, pk)
    if not check(request.user, "activity.feedback_results", activity):
        raise PermissionDenied(_("Only programme officers see the feedback results of an activity."))
    responses = sorted(FeedbackResponse.objects.filter(activity=activity), key=_sort_key)
    rows = list(enumerate(responses, start=1))
    return export_response(file_format, f"aterkoppling-{activity.pk}", export_columns(), rows)
