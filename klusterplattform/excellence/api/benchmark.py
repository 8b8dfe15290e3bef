"""The excellence API: an assessment's benchmark against a peer group (the same report as the page)."""

import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut

from ..benchmark import build_report
from ..benchmark.groups import parse_key
from ..models import Assessment

router = Router(tags=["excellence"])


class BenchmarkQuery(Schema):
    peer_group: str = Field(
        "all",
        max_length=120,
        description='A peer group of the cluster: "all", "ecosystem:<code>", "sector:<code>", "country:<ISO2>", '
        '"size:<class>", "programme:<slug>" or "label:<level>"; `groups` in the answer lists those that apply.',
    )


class GroupOut(Schema):
    key: str
    label: str
    peer_count: int
    shown: bool


class AreaOut(Schema):
    code: str
    label: str
    score: float | None
    previous_score: float | None


class IndicatorOut(Schema):
    code: str
    lineage: str
    area: str
    question: str
    direction: str
    value: float | None
    n: int
    median: float | None
    q1: float | None
    q3: float | None
    percentile: float | None
    position: float | None
    previous_value: float | None
    previous_position: float | None


class PreviousOut(Schema):
    id: int
    assessed_on: datetime.date | None
    round: str


class RecommendationOut(Schema):
    area: str
    text: str
    indicators: list[str]


class BenchmarkOut(Schema):
    assessment: int
    cluster: str
    cluster_name: str
    status: str
    provisional: bool
    is_demo: bool
    source: str
    peer_group: str
    peer_group_label: str
    peer_count: int
    shown: bool = Field(description="False when the group is too small to show (fewer than 5 other organisations).")
    message: str
    groups: list[GroupOut]
    overall: float | None
    previous_overall: float | None
    areas: list[AreaOut]
    indicators: list[IndicatorOut]
    strengths: list[str]
    weaknesses: list[str]
    previous: PreviousOut | None
    recommendations: list[RecommendationOut]


@router.get(
    "/assessments/{assessment_id}/benchmark",
    auth=token_or_session,
    response={200: BenchmarkOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: FieldErrorsOut},
    summary="Benchmark of a self-assessment",
)
@in_request_language
def get_benchmark(request, assessment_id: int, query: Query[BenchmarkQuery]):
    """The assessment's benchmark against `peer_group` (see the page for the definitions).

    404: the assessment does not exist or the caller may not see it. 409: it is a draft or was returned, so it has
    no benchmark. 422: `peer_group` is not one of the cluster's groups. A group too small to show answers 200 with
    `shown: false`, a message and no figures. Submitted assessments are benchmarked `provisional: true`.
    """
    assessment = (
        Assessment.objects.visible_to(request.auth).select_related("cluster", "round").filter(pk=assessment_id).first()
    )
    if assessment is None:
        raise Http404
    try:
        parse_key(query.peer_group)
    except ValueError:
        return Status(422, _bad_group(query.peer_group))
    report = build_report(assessment, query.peer_group)
    if not report.available:
        return Status(409, {"detail": report.message})
    if query.peer_group not in report.group_keys:
        return Status(422, _bad_group(query.peer_group, report.group_keys))
    return report_data(report)


def _bad_group(key: str, valid=()) -> dict:
    message = _("Not a peer group of this cluster.")
    if valid:
        message += " " + _("Choose one of: %(groups)s.") % {"groups": ", ".join(valid)}
    return {"detail": [{"loc": ["query", "peer_group"], "msg": message, "type": "value_error"}]}


def report_data(report) -> dict:
    assessment = report.assessment
    return {
        "assessment": assessment.pk,
        "cluster": assessment.cluster.slug,
        "cluster_name": assessment.cluster.name,
        "status": assessment.status,
        "provisional": report.provisional,
        "is_demo": report.is_demo,
        "source": report.source,
        "peer_group": report.group,
        "peer_group_label": report.group_label,
        "peer_count": report.peer_count,
        "shown": report.shown,
        "message": report.message,
        "groups": [
            {"key": o.key, "label": o.label, "peer_count": o.peer_count, "shown": o.is_shown} for o in report.groups
        ],
        "overall": report.overall,
        "previous_overall": report.previous_overall,
        "areas": [
            {"code": a.code, "label": a.label, "score": a.score, "previous_score": a.previous_score}
            for a in report.areas
        ],
        "indicators": [_indicator(r) for r in report.indicators],
        "strengths": [r.indicator.code for r in report.strengths],
        "weaknesses": [r.indicator.code for r in report.weaknesses],
        "previous": None
        if report.previous is None
        else {
            "id": report.previous.pk,
            "assessed_on": report.previous.assessed_on,
            "round": report.previous.round_name,
        },
        "recommendations": [
            {"area": r.area, "text": r.text, "indicators": [i.indicator.code for i in r.indicators]}
            for r in report.recommendations
        ],
    }


def _indicator(result) -> dict:
    standing = result.standing
    return {
        "code": result.indicator.code,
        "lineage": result.indicator.lineage,
        "area": result.indicator.area,
        "question": result.indicator.question,
        "direction": result.indicator.direction,
        "value": result.value,
        "n": standing.n,
        "median": standing.median,
        "q1": standing.q1,
        "q3": standing.q3,
        "percentile": standing.rank,
        "position": standing.position,
        "previous_value": result.previous_value,
        "previous_position": result.previous_position,
    }
