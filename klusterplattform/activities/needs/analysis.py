"""The needs analysis of a programme's assessment round: where the programme's clusters stand against the European
peer group, indicator by indicator and area by area, ranked into a list of needs and mapped to focus areas.

Definitions (the pages, exports, API and tests rely on them):

- The clusters are those with a validated self-assessment in the round (submitted and under-validation ones are
  left out, so the analysis does not move while assessors check answers). A demo programme's round uses the demo
  population, a real one never does.
- Each cluster is benchmarked against the peer group "all" of its population (excellence.benchmark.build_reports,
  the same report a cluster sees): its position per indicator is 0–100, higher is better whatever the indicator's
  direction, 50 the peers' middle. A cluster is *below the median* on an indicator when its position is under 50 and
  in the *bottom quartile* when it is under 25. A cluster without a position (no answer, too few peers) is not
  judged on that indicator; neutral indicators are shown but never judged or ranked.
- Per area a cluster's position is the mean of its positions on the area's indicators (the report's area score).
- The programme's value of an indicator is the median of its clusters' answers; the peers' median is the median of
  the whole stored peer distribution. The *gap* is programme minus peers, turned so that a negative gap is always
  worse (for "lower is better" it is peers minus programme). For an area the gap is the programme's median area
  position minus 50.
- Ranking rule of the needs: judged indicators ordered by the share of judged clusters in the bottom quartile
  (largest first), then the share below the median (largest first), then the gap (most negative first; no gap last),
  then the catalogue's order.
- A focus area covers the ranked needs whose lineage it lists (FocusAreaIndicator.lineage). Its need score is the
  mean share below the median over those indicators (0–100 %), None when it covers no judged indicator.
- Disclosure control: with fewer than MIN_GROUP (5) benchmarked clusters the aggregate figures are withheld from
  everyone but officers, who see them with a warning.
"""

from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Q

from klusterplattform.excellence.benchmark import build_reports, loading, maths
from klusterplattform.excellence.choices import Area, AssessmentStatus, Direction
from klusterplattform.excellence.models import Assessment, AssessmentRound

from ..models import FocusArea
from .access import Audience

GROUP = "all"
BELOW_MEDIAN = 50.0
BOTTOM_QUARTILE = 25.0


@dataclass(frozen=True)
class ClusterPosition:
    cluster_id: int
    name: str
    slug: str
    value: float | None
    position: float | None

    @property
    def below_median(self) -> bool:
        return self.position is not None and self.position < BELOW_MEDIAN

    @property
    def bottom_quartile(self) -> bool:
        return self.position is not None and self.position < BOTTOM_QUARTILE


@dataclass
class Need:
    """One indicator (or, with `indicator` None, one area) across the programme's clusters."""

    code: str
    label: str
    area: str
    direction: str
    lineage: str = ""
    indicator: object = None
    positions: list[ClusterPosition] = field(default_factory=list)
    programme_median: float | None = None
    peer_median: float | None = None
    gap: float | None = None
    rank: int | None = None
    own: list = field(default_factory=list)  # the audience's own clusters' positions (None where not judged)

    @property
    def judged(self) -> list[ClusterPosition]:
        return [p for p in self.positions if p.position is not None]

    @property
    def judged_count(self) -> int:
        return len(self.judged)

    @property
    def below_median(self) -> list[ClusterPosition]:
        return [p for p in self.positions if p.below_median]

    @property
    def bottom_quartile(self) -> list[ClusterPosition]:
        return [p for p in self.positions if p.bottom_quartile]

    @property
    def below_count(self) -> int:
        return len(self.below_median)

    @property
    def bottom_count(self) -> int:
        return len(self.bottom_quartile)

    @property
    def below_share(self) -> float | None:
        n = self.judged_count
        return 100.0 * self.below_count / n if n else None

    @property
    def bottom_share(self) -> float | None:
        n = self.judged_count
        return 100.0 * self.bottom_count / n if n else None

    @property
    def is_ranked(self) -> bool:
        return self.direction != Direction.NEUTRAL and self.judged_count > 0

    @property
    def area_label(self) -> str:
        return str(Area(self.area).label) if self.area in Area.values else self.area

    def position_of(self, cluster_id: int) -> ClusterPosition | None:
        return next((p for p in self.positions if p.cluster_id == cluster_id), None)


@dataclass
class FocusNeed:
    focus_area: FocusArea
    needs: list[Need]
    score: float | None
    stated_mean: float | None = None
    stated_count: int = 0

    @property
    def themes(self) -> list[str]:
        return self.focus_area.themes


@dataclass
class StatedText:
    cluster_name: str
    text: str


@dataclass
class NeedsAnalysis:
    programme: object
    round: AssessmentRound | None
    rounds: list = field(default_factory=list)
    audience: Audience = field(default_factory=Audience)
    clusters: list = field(default_factory=list)  # [(id, name, slug)] benchmarked, by name
    indicators: list[Need] = field(default_factory=list)  # every benchmarked indicator, catalogue order
    ranking: list[Need] = field(default_factory=list)
    areas: list[Need] = field(default_factory=list)
    focus: list[FocusNeed] = field(default_factory=list)
    stated_count: int = 0
    stated_texts: list[StatedText] = field(default_factory=list)
    peer_count: int = 0

    @property
    def cluster_count(self) -> int:
        return len(self.clusters)

    @property
    def small_group(self) -> bool:
        return self.cluster_count < maths.MIN_GROUP

    @property
    def aggregate_shown(self) -> bool:
        """Officers always; everyone else only when the group is large enough (disclosure control)."""
        return self.cluster_count > 0 and (self.audience.drill_down or not self.small_group)

    @property
    def own_clusters(self) -> list:
        return [c for c in self.clusters if c[0] in self.audience.own_cluster_ids]

    @property
    def neutral(self) -> list[Need]:
        return [n for n in self.indicators if n.direction == Direction.NEUTRAL]

    @property
    def is_demo(self) -> bool:
        return bool(self.programme.is_demo)


def rounds_of(programme) -> list[AssessmentRound]:
    """The programme's rounds, latest first, each with `validated_count` (validated assessments of its population)."""
    return list(
        AssessmentRound.objects.filter(programme=programme).annotate(
            validated_count=Count(
                "assessments",
                filter=Q(assessments__status=AssessmentStatus.VALIDATED, assessments__is_demo=programme.is_demo),
            )
        )
    )


def choose_round(rounds, slug: str | None):
    """The round named by `slug`, else the latest with validated assessments; None when there is none."""
    if slug:
        return next((r for r in rounds if r.slug == slug), None)
    return next((r for r in rounds if r.validated_count), None)


def analyse(programme, round, audience: Audience, rounds=None) -> NeedsAnalysis:
    """The whole analysis in a fixed number of queries, whatever the number of clusters."""
    analysis = NeedsAnalysis(programme=programme, round=round, rounds=rounds or [], audience=audience)
    if round is None:
        return analysis
    assessments = list(
        Assessment.objects.filter(round=round, status=AssessmentStatus.VALIDATED, is_demo=programme.is_demo)
        .select_related("cluster")
        .order_by("cluster__sort_name", "pk")
    )
    reports = [r for r in build_reports(assessments, GROUP) if r.shown]
    analysis.clusters = [
        (r.assessment.cluster_id, r.assessment.cluster.name, r.assessment.cluster.slug) for r in reports
    ]
    analysis.peer_count = max((r.peer_count for r in reports), default=0)
    indicators = list(loading.indicators({round.catalogue_id})[round.catalogue_id])
    stored = loading.distributions({(bool(programme.is_demo), GROUP)})
    by_lineage = {}
    for indicator in indicators:
        need = Need(
            code=indicator.code,
            label=indicator.question,
            area=indicator.area,
            direction=indicator.direction,
            lineage=indicator.lineage,
            indicator=indicator,
        )
        peers = stored.get((bool(programme.is_demo), GROUP, indicator.lineage))
        if peers is not None and peers.size >= maths.MIN_PEERS:
            need.peer_median = maths.quartiles(peers)[1]
        by_lineage[indicator.lineage] = need
        analysis.indicators.append(need)
    areas = {}
    for report in reports:
        cluster = report.assessment.cluster
        for result in report.indicators:
            need = by_lineage.get(result.indicator.lineage)
            if need is not None:
                need.positions.append(
                    ClusterPosition(cluster.pk, cluster.name, cluster.slug, result.value, result.position)
                )
        for area in report.areas:
            need = areas.setdefault(
                area.code, Need(code=area.code, label=area.label, area=area.code, direction="higher")
            )
            need.positions.append(ClusterPosition(cluster.pk, cluster.name, cluster.slug, area.score, area.score))
    for need in analysis.indicators:
        need.programme_median = _median(p.value for p in need.positions)
        need.gap = _gap(need.programme_median, need.peer_median, need.direction)
    analysis.areas = [areas[code] for code in Area.values if code in areas]
    for need in analysis.areas:
        need.programme_median = _median(p.position for p in need.positions)
        need.peer_median = BELOW_MEDIAN
        need.gap = None if need.programme_median is None else need.programme_median - BELOW_MEDIAN
    analysis.ranking = rank([n for n in analysis.indicators if n.is_ranked])
    own = [c[0] for c in analysis.own_clusters]
    for need in analysis.indicators + analysis.areas:
        need.own = [need.position_of(cluster_id) for cluster_id in own]
    _map_focus_areas(analysis)
    return analysis


def rank(needs: list[Need]) -> list[Need]:
    """The ranking rule of the module docstring; sets `rank` (1 = the greatest need)."""
    ordered = sorted(
        enumerate(needs),
        key=lambda item: (
            -item[1].bottom_share,
            -item[1].below_share,
            item[1].gap if item[1].gap is not None else float("inf"),
            item[0],
        ),
    )
    result = [need for _index, need in ordered]
    for number, need in enumerate(result, start=1):
        need.rank = number
    return result


def _median(values) -> float | None:
    present = [v for v in values if v is not None]
    return float(np.median(present)) if present else None


def _gap(programme: float | None, peers: float | None, direction: str) -> float | None:
    if programme is None or peers is None or direction == Direction.NEUTRAL:
        return None
    return programme - peers if direction == Direction.HIGHER else peers - programme


def _map_focus_areas(analysis: NeedsAnalysis) -> None:
    from .stated import stated_summary

    focus_areas = list(FocusArea.objects.for_programme(analysis.programme).prefetch_related("indicators"))
    ranked = {need.lineage: need for need in analysis.ranking}
    summary = stated_summary(
        analysis.round, focus_areas, with_texts=analysis.audience.drill_down, is_demo=analysis.is_demo
    )
    analysis.stated_count, analysis.stated_texts = summary.responses, summary.texts
    for focus_area in focus_areas:
        lineages = [mapping.lineage for mapping in focus_area.indicators.all()]
        needs = sorted((ranked[lineage] for lineage in lineages if lineage in ranked), key=lambda n: n.rank)
        score = maths.mean(n.below_share for n in needs)
        mean, count = summary.by_focus_area.get(focus_area.pk, (None, 0))
        analysis.focus.append(FocusNeed(focus_area, needs, score, mean, count))


__all__ = ["FocusNeed", "Need", "NeedsAnalysis", "analyse", "choose_round", "rank", "rounds_of"]
