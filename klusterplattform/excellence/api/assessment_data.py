"""Loading assessments for the API and putting them into the shapes of assessment_schemas (plain dicts, built in the
request language)."""

from django.http import Http404

from ..completeness import completeness
from ..models import Assessment
from ..workflow import available
from .assessment_schemas import MAX_ID


def person(user) -> dict | None:
    return None if user is None else {"id": user.pk, "name": user.full_name or user.email}


def list_item(assessment) -> dict:
    return {
        "id": assessment.pk,
        "round": assessment.round.slug,
        "round_name": assessment.round.name,
        "programme": assessment.round.programme.slug,
        "cluster": assessment.cluster.slug,
        "cluster_name": assessment.cluster.name,
        "status": assessment.status,
        "status_label": str(assessment.get_status_display()),
        "assessor": person(assessment.assessor),
        "assessed_on": assessment.assessed_on,
        "version": assessment.version,
        "is_demo": assessment.is_demo,
        "updated_at": assessment.updated_at,
    }


def listed(queryset):
    return queryset.select_related("round__programme", "cluster", "assessor")


def visible_assessment(user, assessment_id: int, *, details: bool = True) -> Assessment:
    """The assessment if the user may see it, with what the detail needs loaded in a fixed number of queries; else
    Http404 (unknown and invisible look the same)."""
    if assessment_id > MAX_ID:
        raise Http404
    queryset = listed(Assessment.objects.visible_to(user)).select_related("catalogue")
    # Regions: every permission check on the assessment reads them.
    queryset = queryset.prefetch_related("cluster__regions")
    if details:
        queryset = queryset.prefetch_related(
            "catalogue__indicators", "answers", "evidence", "comments__indicator", "comments__author"
        )
    assessment = queryset.filter(pk=assessment_id).first()
    if assessment is None:
        raise Http404
    return assessment


def comment_data(comment) -> dict:
    return {
        "id": comment.pk,
        "indicator": comment.indicator.code,
        "author": person(comment.author),
        "text": comment.text,
        "created_at": comment.created_at,
    }


def _answer_data(indicator, answer, files) -> dict:
    return {
        "area": indicator.area,
        "answer_type": indicator.answer_type,
        "question": indicator.question,
        "answered": False,
        "number": None if answer is None or answer.number is None else float(answer.number),
        "yes_no": None if answer is None else answer.yes_no,
        "choices": [] if answer is None else list(answer.choices or []),
        "text": "" if answer is None else answer.text,
        "value": None if answer is None else answer.value,
        "prefilled": False if answer is None else answer.is_prefilled,
        "evidence": [e.name for e in files if e.indicator_id == indicator.pk],
    }


def detail(assessment, user) -> dict:
    """The whole assessment as GET /assessments/{id} shows it (loaded by visible_assessment)."""
    from ..answers import is_answered

    summary = completeness(assessment)
    answers = {a.indicator_id: a for a in assessment.answers.all()}
    files = list(assessment.evidence.all())
    by_code = {}
    for indicator in assessment.catalogue.indicators.all():
        answer = answers.get(indicator.pk)
        by_code[indicator.code] = _answer_data(indicator, answer, files)
        if answer is not None:
            answer._evidence = files  # spare is_answered a query per evidence indicator
        by_code[indicator.code]["answered"] = is_answered(indicator, answer)
    return {
        **list_item(assessment),
        "catalogue": assessment.catalogue.code,
        "submitted_at": assessment.submitted_at,
        "validated_at": assessment.validated_at,
        "return_comment": assessment.return_comment,
        "is_editable": assessment.is_editable,
        "completeness": {
            "percent": summary.percent,
            "missing": summary.missing,
            "is_complete": summary.is_complete,
            "areas": [
                {
                    "area": area.area,
                    "label": str(area.label),
                    "answered": area.answered,
                    "required": area.required,
                    "total": area.total,
                    "percent": area.percent,
                }
                for area in summary.areas
            ],
        },
        "answers": by_code,
        "comments": [comment_data(c) for c in assessment.comments.all()],
        "actions": [{"code": t.code, "label": str(t.label)} for t in available(assessment, user)],
    }
