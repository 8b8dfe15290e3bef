"""The evaluation-survey pages.

Officers (survey.manage) write question sets, create survey rounds, send them and follow who has answered; the
anonymised results are survey.results. Answering (`/enkater/<pk>/`) is for invited users only: for anyone else the
survey does not exist (404). A page tells the invited user when the survey is not open or already answered."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from klusterplattform.core import exports
from klusterplattform.registry.models import Programme

from . import surveys
from .forms_surveys import QuestionSetForm, SendForm, SurveyForm
from .models import QuestionSet, Survey
from .views_kpis import require

SECTION = "surveys"


def _survey(request, pk: int) -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("programme", "question_set"), pk=pk)
    if not Programme.objects.visible_to(request.user).filter(pk=survey.programme_id).exists():
        raise Http404
    return survey


def listed_surveys():
    """Every survey round, newest first: the list page and its export share this one query."""
    return Survey.objects.select_related("programme", "question_set").order_by("-opens_on", "pk")


def listed_question_sets():
    """Every question set with the number of survey rounds made from it: the list page and its export."""
    return QuestionSet.objects.annotate(survey_count=Count("surveys")).order_by("name_sv", "pk")


@login_required
def survey_list(request):
    require(request.user, "survey.manage")
    context = {"surveys": listed_surveys(), "question_sets": QuestionSet.objects.all(), "section": SECTION}
    return render(request, "reporting/survey_list.html", context)


def survey_columns(request) -> list[exports.Column]:
    def link(name, survey):
        return request.build_absolute_uri(reverse(name, args=[survey.pk]))

    return [
        exports.Column(gettext_lazy("Survey"), lambda s: s.title),
        exports.Column(gettext_lazy("Programme"), lambda s: s.programme.name),
        exports.Column(gettext_lazy("Demo data"), lambda s: exports.yes_no(s.programme.is_demo)),
        exports.Column(gettext_lazy("Audience"), lambda s: s.get_audience_display()),
        exports.Column(gettext_lazy("Opens"), lambda s: s.opens_on),
        exports.Column(gettext_lazy("Closes"), lambda s: s.closes_on),
        exports.Column(gettext_lazy("Question set"), lambda s: s.question_set.name),
        exports.Column(gettext_lazy("Responses"), lambda s: link("reporting:survey_tracking", s)),
        exports.Column(gettext_lazy("Results"), lambda s: link("reporting:survey_results", s)),
    ]


@login_required
def survey_list_export(request, file_format: str):
    """The survey rounds as the list shows them (officers; 404 for others, like the page)."""
    require(request.user, "survey.manage")
    return exports.list_export(file_format, "enkater", survey_columns(request), listed_surveys())


@login_required
def survey_create(request):
    require(request.user, "survey.manage")
    form = SurveyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        survey = form.save(commit=False)
        survey.created_by = request.user
        survey.save()
        messages.success(request, _("The survey was created. Send it to its audience when you are ready."))
        return redirect("reporting:survey_tracking", pk=survey.pk)
    return render(request, "reporting/survey_form.html", {"form": form, "section": SECTION})


@login_required
def survey_tracking(request, pk: int):
    """Who has been invited and who has answered; never what anyone answered."""
    require(request.user, "survey.manage")
    survey = _survey(request, pk)
    context = {
        "survey": survey,
        "tracking": surveys.tracking(survey),
        "audience": len(surveys.audience_user_ids(survey)),
        "send_form": SendForm(),
        "section": SECTION,
    }
    return render(request, "reporting/survey_tracking.html", context)


@require_POST
@login_required
def survey_send(request, pk: int):
    require(request.user, "survey.manage")
    survey = _survey(request, pk)
    form = SendForm(request.POST)
    new = surveys.send(survey)
    sent = surveys.mail_invitations(survey, new) if form.is_valid() and form.cleaned_data["email"] else 0
    messages.success(
        request,
        _("%(new)s new invitations, %(sent)s e-mails sent. Everyone already invited keeps their invitation.")
        % {"new": len(new), "sent": sent},
    )
    return redirect("reporting:survey_tracking", pk=survey.pk)


@require_POST
@login_required
def survey_remind(request, pk: int):
    require(request.user, "survey.manage")
    survey = _survey(request, pk)
    sent = surveys.remind(survey)
    messages.success(request, _("%(sent)s reminders sent.") % {"sent": sent})
    return redirect("reporting:survey_tracking", pk=survey.pk)


@login_required
def survey_answer(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    invitation = surveys.invitation_for(survey, request.user)
    if invitation is None:
        raise Http404
    context = {"survey": survey, "section": SECTION}
    if invitation.responded_on is not None:
        return render(request, "reporting/survey_done.html", {**context, "already": True})
    if not surveys.is_open(survey):
        return render(request, "reporting/survey_closed.html", context)
    form = surveys.answer_form(survey, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            surveys.submit(survey, request.user, surveys.forms_engine.answers_from(form))
        except surveys.AlreadyAnswered:
            return render(request, "reporting/survey_done.html", {**context, "already": True})
        except surveys.NotOpen:
            return render(request, "reporting/survey_closed.html", context)
        return render(request, "reporting/survey_done.html", {**context, "already": False})
    return render(request, "reporting/survey_answer.html", {**context, "form": form})


@login_required
def survey_results(request, pk: int):
    require(request.user, "survey.results")
    survey = _survey(request, pk)
    context = {"survey": survey, "results": surveys.results(survey), "section": SECTION}
    return render(request, "reporting/survey_results.html", context)


RESULT_COLUMNS = [
    exports.Column("question", lambda row: row.question),
    exports.Column("label", lambda row: row.label),
    exports.Column("kind", lambda row: row.kind),
    exports.Column("answer", lambda row: row.answer),
    exports.Column("count", lambda row: row.count),
    exports.Column("mean", lambda row: row.mean),
]


@login_required
def survey_results_export(request, pk: int, file_format: str):
    require(request.user, "survey.results")
    survey = _survey(request, pk)
    if file_format not in exports.FORMATS:
        raise Http404
    rows = surveys.anonymised_results(survey)
    return exports.list_export(file_format, f"enkat-{survey.pk}-resultat", RESULT_COLUMNS, rows)


@login_required
def question_set_list(request):
    require(request.user, "survey.manage")
    context = {"question_sets": listed_question_sets(), "section": SECTION}
    return render(request, "reporting/question_set_list.html", context)


def _question_count(question_set) -> int:
    return sum(len(section.get("fields", [])) for section in question_set.definition.get("sections", []))


def question_set_columns(request) -> list[exports.Column]:
    return [
        exports.Column(gettext_lazy("Question set"), lambda q: q.name),
        exports.Column(gettext_lazy("Name (Swedish)"), lambda q: q.name_sv),
        exports.Column(gettext_lazy("Name (English)"), lambda q: q.name_en),
        exports.Column(gettext_lazy("Questions"), _question_count),
        exports.Column(gettext_lazy("Surveys"), lambda q: q.survey_count),
        exports.Column(gettext_lazy("Changed"), lambda q: timezone.localdate(q.updated_at)),
        exports.Column(
            gettext_lazy("Page"),
            lambda q: request.build_absolute_uri(reverse("reporting:question_set_edit", args=[q.pk])),
        ),
    ]


@login_required
def question_set_list_export(request, file_format: str):
    """The question sets as their list shows them, with how many questions and survey rounds each has (officers)."""
    require(request.user, "survey.manage")
    return exports.list_export(file_format, "enkatfragor", question_set_columns(request), listed_question_sets())


@login_required
def question_set_edit(request, pk: int | None = None):
    require(request.user, "survey.manage")
    question_set = get_object_or_404(QuestionSet, pk=pk) if pk else None
    form = QuestionSetForm(request.POST or None, instance=question_set)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The question set was saved. Surveys already created keep their questions."))
        return redirect("reporting:question_sets")
    context = {"form": form, "question_set": question_set, "section": SECTION}
    return render(request, "reporting/question_set_form.html", context)


@login_required
def my_surveys(request):
    """The evaluation surveys the user is invited to answer, open ones first: where an invited cluster manager or
    regional officer finds a survey without the e-mail (only their own invitations; what they answered is not kept
    with their name, so the page says only whether they have answered)."""
    invitations = surveys.invitations_of(request.user)
    return render(request, "reporting/my_surveys.html", {"invitations": invitations, "section": SECTION})
