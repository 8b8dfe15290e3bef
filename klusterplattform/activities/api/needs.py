"""The needs-analysis API: a programme's needs in one round, with the same rules as the page (needs/access.py)."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut
from klusterplattform.registry.models import Programme

from ..needs import access, analysis
from ..needs.sheets import notice

router = Router(tags=["activities"])


class NeedsQuery(Schema):
    round: str | None = Field(
        None,
        max_length=80,
        pattern=r"^[-a-zA-Z0-9_]+$",
        description="The slug of one of the programme's assessment rounds; by default the latest round with "
        "validated self-assessments.",
    )


class RoundOut(Schema):
    slug: str
    name: str
    validated: int


class PositionOut(Schema):
    cluster: str = Field(description="The cluster's slug.")
    cluster_name: str
    value: float | None
    position: float | None


class NeedOut(Schema):
    code: str
    label: str
    area: str
    direction: str
    lineage: str
    rank: int | None = Field(description="1 is the greatest need; null for indicators that are not ranked.")
    judged: int
    below_median: int
    bottom_quartile: int
    below_median_share: float | None
    bottom_quartile_share: float | None
    programme_median: float | None
    peer_median: float | None
    gap: float | None = Field(description="Programme minus peers, turned so that negative is always worse.")
    clusters_below_median: list[PositionOut] | None = Field(description="Officers only; null for everyone else.")


class OwnPositionOut(PositionOut):
    code: str = Field(description="The indicator's code.")
    lineage: str


class FocusOut(Schema):
    code: str
    name: str
    need_score: float | None
    needs: list[str]
    themes: list[str]
    stated_mean: float | None
    stated_count: int


class StatedTextOut(Schema):
    cluster_name: str
    text: str


class NeedsOut(Schema):
    programme: str
    is_demo: bool
    round: RoundOut | None
    rounds: list[RoundOut]
    cluster_count: int
    peer_count: int
    aggregate_shown: bool = Field(description="False when fewer than 5 clusters have a benchmark (non-officers).")
    small_group: bool
    message: str
    ranking: list[NeedOut]
    neutral: list[NeedOut]
    areas: list[NeedOut]
    focus_areas: list[FocusOut]
    stated_responses: int
    stated_texts: list[StatedTextOut] | None = Field(description="Officers only; null for everyone else.")
    own_positions: list[OwnPositionOut] = Field(
        description="The caller's own clusters' positions per indicator (cluster managers), shown even when the "
        "aggregate is not."
    )


@router.get(
    "/programmes/{slug}/needs",
    auth=token_or_session,
    response={200: NeedsOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
    summary="Needs analysis of a programme",
)
@in_request_language
def get_needs(request, slug: str, query: Query[NeedsQuery]):
    """The programme's needs in one assessment round (see the page for the definitions and the ranking rule).

    404: no such programme, or the caller may not see it, or no such round in it. 403: the caller sees the programme
    but not its needs analysis. With fewer than 5 benchmarked clusters non-officers get `aggregate_shown: false` and
    no figures. Names of other clusters (`clusters_below_median`, `stated_texts`) are for officers only.
    """
    user = request.auth
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None:
        raise Http404
    if not access.may_view(user, programme):
        if access.sees_programme(user, programme):
            return Status(403, {"detail": _("You may not see this programme's needs analysis.")})
        raise Http404
    rounds = analysis.rounds_of(programme)
    round = analysis.choose_round(rounds, query.round)
    if query.round and round is None:
        raise Http404
    result = analysis.analyse(programme, round, access.audience(user, programme), rounds)
    return needs_data(result)


def _round(r) -> dict:
    return {"slug": r.slug, "name": r.name, "validated": getattr(r, "validated_count", 0)}


def _position(p) -> dict:
    return {"cluster": p.slug, "cluster_name": p.name, "value": p.value, "position": p.position}


def _need(need, result) -> dict:
    return {
        "code": need.code,
        "label": need.label,
        "area": need.area,
        "direction": need.direction,
        "lineage": need.lineage,
        "rank": need.rank,
        "judged": need.judged_count,
        "below_median": need.below_count,
        "bottom_quartile": need.bottom_count,
        "below_median_share": need.below_share,
        "bottom_quartile_share": need.bottom_share,
        "programme_median": need.programme_median,
        "peer_median": need.peer_median,
        "gap": need.gap,
        "clusters_below_median": [_position(p) for p in need.below_median] if result.audience.drill_down else None,
    }


def needs_data(result) -> dict:
    shown = result.aggregate_shown
    return {
        "programme": result.programme.slug,
        "is_demo": result.is_demo,
        "round": _round(result.round) if result.round else None,
        "rounds": [_round(r) for r in result.rounds],
        "cluster_count": result.cluster_count,
        "peer_count": result.peer_count,
        "aggregate_shown": shown,
        "small_group": result.small_group,
        "message": "" if shown and not result.small_group else notice(result),
        "ranking": [_need(n, result) for n in result.ranking] if shown else [],
        "neutral": [_need(n, result) for n in result.neutral] if shown else [],
        "areas": [_need(n, result) for n in result.areas] if shown else [],
        "focus_areas": [
            {
                "code": f.focus_area.code,
                "name": f.focus_area.name,
                "need_score": f.score,
                "needs": [n.code for n in f.needs],
                "themes": f.themes,
                "stated_mean": f.stated_mean,
                "stated_count": f.stated_count,
            }
            for f in result.focus
        ]
        if shown
        else [],
        "stated_responses": result.stated_count if shown else 0,
        "stated_texts": [{"cluster_name": t.cluster_name, "text": t.text} for t in result.stated_texts]
        if result.audience.drill_down
        else None,
        "own_positions": [
            {**_position(p), "code": need.code, "lineage": need.lineage}
            for need in result.indicators
            for p in need.own
            if p is not None
        ],
    }
