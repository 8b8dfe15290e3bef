"""The list of self-assessments and one assessment's page (status, completeness, answers, comments, versions)."""

from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from klusterplattform.core.permissions import check
from klusterplattform.registry.views.paging import paginate

from .. import workflow
from ..choices import AnswerType, Area
from ..choices import AssessmentStatus as S
from ..completeness import completeness
from ..forms_assessments import AssessmentFilterForm, CommentForm, shown_number
from ..models import Assessment, AssessmentRound
from .common import assessment_for

BENCHMARKED_STATES = (S.SUBMITTED, S.UNDER_VALIDATION, S.VALIDATED)


def listed_assessments(request):
    """The list's filter form and the assessments the user may see: the page and its export
    (views_list_exports.py) share this one query."""
    visible = Assessment.objects.visible_to(request.user)
    rounds = AssessmentRound.objects.filter(pk__in=visible.values("round_id"))
    filters = AssessmentFilterForm(request.GET, rounds=rounds)
    return filters, filters.apply(visible.select_related("round__programme", "cluster", "assessor"))


@login_required
def assessment_list(request):
    filters, assessments = listed_assessments(request)
    context = {
        "filters": filters,
        "page": paginate(request, assessments),
        "filtered": any(request.GET.get(name) for name in ("round", "status", "cluster")),
    }
    return render(request, "excellence/assessment_list.html", context)


def shown_answer(indicator, answer) -> str:
    """The answer as text for reading (evidence files are listed separately)."""
    if answer is None:
        return ""
    kind = indicator.answer_type
    if kind in (AnswerType.NUMBER, AnswerType.SHARE):
        if answer.number is None:
            return ""
        unit = "%" if kind == AnswerType.SHARE and not indicator.unit else indicator.unit
        return f"{shown_number(answer.number)} {unit}".strip()
    if kind == AnswerType.YES_NO:
        return "" if answer.yes_no is None else (_("Yes") if answer.yes_no else _("No"))
    if kind in (AnswerType.CHOICE, AnswerType.MULTIPLE):
        return ", ".join(indicator.option_label(code) for code in answer.choices or [])
    return answer.text


def answer_sections(assessment, indicators):
    """[(area code, area label, [row])] in the areas' order; a row holds the indicator, its answer as text, whether
    it was pre-filled, its files and its comments (four queries, whatever the size of the catalogue)."""
    answers = {a.indicator_id: a for a in assessment.answers.all()}
    files, comments = defaultdict(list), defaultdict(list)
    for item in assessment.evidence.all():
        files[item.indicator_id].append(item)
    for comment in assessment.comments.select_related("author"):
        comments[comment.indicator_id].append(comment)
    by_area = defaultdict(list)
    for indicator in indicators:
        answer = answers.get(indicator.pk)
        by_area[indicator.area].append(
            {
                "indicator": indicator,
                "text": shown_answer(indicator, answer),
                "prefilled": bool(answer and answer.is_prefilled),
                "files": files[indicator.pk],
                "comments": comments[indicator.pk],
            }
        )
    return [(area.value, area.label, by_area[area.value]) for area in Area if by_area[area.value]]


@login_required
def assessment_detail(request, pk):
    assessment = assessment_for(request, pk)
    user = request.user
    indicators = list(assessment.catalogue.indicators.all())
    may_comment = assessment.status == S.UNDER_VALIDATION and check(user, "assessment.validate", assessment).allowed
    context = {
        "assessment": assessment,
        "progress": completeness(assessment),
        "sections": answer_sections(assessment, indicators),
        "versions": list(assessment.versions.select_related("validated_by")),
        "transitions": workflow.available(assessment, user),
        "may_edit": assessment.is_editable and check(user, "assessment.edit", assessment).allowed,
        "comment_form": CommentForm(indicators) if may_comment else None,
        "show_benchmark": assessment.status in BENCHMARKED_STATES,
        "show_history": check(user, "audit.view").allowed,
    }
    return render(request, "excellence/assessment_detail.html", context)
