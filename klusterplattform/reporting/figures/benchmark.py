"""The benchmark section: where the programme's clusters stand against their European peers, area by area, and how
the needs the clusters state themselves changed between the rounds of the needs analysis.

Position (the platform's computed estimate, not an official label): each cluster in scope with a validated
self-assessment is benchmarked with its latest one assessed on or before the as-of day (and validated by then),
against the peer group "all" of its population (excellence.benchmark.build_reports, the report the cluster sees
itself, and the one the needs analysis uses). Its area position is 0–100, higher is better, 50 is the peers'
middle. The programme's figure per area is the median of its clusters' area positions, with the lower and upper
quartile (numpy's linear interpolation, as in excellence.benchmark.maths) and how many clusters are above the
peers' middle. Where the peers come from (the demo population or validated self-assessments on the platform) and how
many they are is stated with the figures; a cluster whose peer group is too small to show (maths.MIN_GROUP) is not
counted.

Needs trend: per round of the programme that opened on or before the as-of day, per focus area, the share of the
clusters in scope that answered the round and gave the focus area a priority of 4 or 5 (on the 1–5 scale of
activities.needs.stated).
"""

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from klusterplattform.activities.models import FocusArea, StatedNeeds, StatedPriority
from klusterplattform.core.charts import bar_chart
from klusterplattform.core.exports import Column
from klusterplattform.excellence.benchmark import build_reports
from klusterplattform.excellence.choices import Area, AssessmentStatus
from klusterplattform.excellence.models import Assessment, AssessmentRound

from .activities import day_end, scoped_clusters

GROUP = "all"
PRIORITISED = 4  # a stated priority of 4 or 5 of 5 counts as prioritising the focus area
ABOVE_MIDDLE = 50.0


@dataclass(frozen=True)
class AreaRow:
    code: str
    label: str  # lazily translated
    clusters: int
    median: float | None
    q1: float | None
    q3: float | None
    above: int  # clusters whose area position is above the peers' middle (50)


@dataclass(frozen=True)
class TrendRow:
    focus_area: object
    shares: tuple  # per round in `Section.rounds`: (prioritised, answered) pairs

    def share(self, index: int) -> float | None:
        prioritised, answered = self.shares[index]
        return 100.0 * prioritised / answered if answered else None

    @property
    def cells(self) -> list:
        return [(count, answered, self.share(i)) for i, (count, answered) in enumerate(self.shares)]

    @property
    def change(self) -> float | None:
        """Percentage points between the last two rounds."""
        if len(self.shares) < 2 or None in (self.share(-1), self.share(-2)):
            return None
        return self.share(-1) - self.share(-2)


@dataclass(frozen=True)
class Section:
    scope: object
    is_demo: bool
    cluster_count: int
    benchmarked: int  # clusters with a validated assessment whose peer group is shown
    peer_count: int | None  # organisations in the peer group (the largest seen; each cluster's excludes itself)
    source: str  # a lazily translated phrase
    areas: list = field(default_factory=list)
    overall: AreaRow | None = None
    rounds: list = field(default_factory=list)  # AssessmentRound, oldest first
    trend: list = field(default_factory=list)

    @property
    def chart(self):
        return bar_chart(
            [(str(row.label), row.median) for row in self.areas],
            title=gettext("The programme's median position per area"),
            desc=gettext(
                "Median position of the programme's clusters per benchmarking area, from 0 to 100; the dashed line "
                "at 50 is the middle of the peers. The table beside the chart has the figures."
            ),
            reference=ABOVE_MIDDLE,
        )


def latest_validated(scope) -> list:
    """Each cluster's latest validated assessment assessed on or before the as-of day (one query)."""
    end = day_end(scope.as_of)
    rows = (
        Assessment.objects.filter(
            cluster_id__in=list(scoped_clusters(scope)),
            status=AssessmentStatus.VALIDATED,
            is_demo=scope.programme.is_demo,
            assessed_on__lte=scope.as_of,
        )
        .filter(Q(validated_at__isnull=True) | Q(validated_at__lt=end))
        .select_related("cluster")
        .order_by("cluster_id", F("assessed_on").desc(), F("validated_at").desc(nulls_last=True), "-pk")
    )
    latest = {}
    for assessment in rows:
        latest.setdefault(assessment.cluster_id, assessment)
    return list(latest.values())


def cluster_reports(scope) -> dict:
    """{cluster pk: BenchmarkReport} of the clusters in scope with a shown benchmark (the regional view uses it)."""
    key = "sections:benchmark"
    if key not in scope._cache:
        reports = build_reports(latest_validated(scope), GROUP)
        scope._cache[key] = {report.assessment.cluster_id: report for report in reports if report.shown}
    return scope._cache[key]


def _row(code, label, positions) -> AreaRow:
    values = np.array([p for p in positions if p is not None], dtype=np.float64)
    if not values.size:
        return AreaRow(code, label, 0, None, None, None, 0)
    q1, median, q3 = (float(v) for v in np.percentile(values, [25, 50, 75]))
    return AreaRow(code, label, int(values.size), median, q1, q3, int((values > ABOVE_MIDDLE).sum()))


def _trend(scope) -> tuple[list, list]:
    clusters = list(scoped_clusters(scope))
    rounds = list(
        AssessmentRound.objects.filter(programme=scope.programme, opens_on__lte=scope.as_of).order_by("opens_on", "pk")
    )
    if not rounds:
        return [], []
    answered = defaultdict(int)
    for round_id in StatedNeeds.objects.filter(round__in=rounds, cluster_id__in=clusters).values_list(
        "round_id", flat=True
    ):
        answered[round_id] += 1
    prioritised = defaultdict(int)
    rows = StatedPriority.objects.filter(
        stated__round__in=rounds, stated__cluster_id__in=clusters, priority__gte=PRIORITISED
    ).values_list("focus_area_id", "stated__round_id")
    for focus_id, round_id in rows:
        prioritised[(focus_id, round_id)] += 1
    areas = FocusArea.objects.for_programme(scope.programme).order_by("position", "code")
    trend = [TrendRow(area, tuple((prioritised[(area.pk, r.pk)], answered[r.pk]) for r in rounds)) for area in areas]
    return rounds, trend


def build(scope) -> Section:
    clusters = scoped_clusters(scope)
    reports = list(cluster_reports(scope).values())
    positions = defaultdict(list)
    for report in reports:
        for area in report.areas:
            positions[area.code].append(area.score)
    areas = [_row(area.value, area.label, positions[area.value]) for area in Area if area.value in positions]
    rounds, trend = _trend(scope)
    is_demo = scope.programme.is_demo
    return Section(
        scope=scope,
        is_demo=is_demo,
        cluster_count=len(clusters),
        benchmarked=len(reports),
        peer_count=max((report.peer_count for report in reports), default=None),
        source=_("a fictional demo population") if is_demo else _("validated self-assessments on Klusterplattform"),
        areas=areas,
        overall=_row("overall", _("All areas"), [report.overall for report in reports]) if reports else None,
        rounds=rounds,
        trend=trend,
    )


def _number(value):
    return None if value is None else round(value, 1)


def sheets(section: Section) -> list:
    area_rows = section.areas + ([section.overall] if section.overall else [])
    round_columns = []
    for index, round in enumerate(section.rounds):
        round_columns += [
            Column(f"{round.name} – " + str(_("prioritised")), lambda r, i=index: r.shares[i][0]),
            Column(f"{round.name} – " + str(_("answered")), lambda r, i=index: r.shares[i][1]),
            Column(f"{round.name} – " + str(_("share (%)")), lambda r, i=index: _number(r.share(i))),
        ]
    return [
        (
            _("Benchmark per area"),
            [
                Column(_("Area"), lambda r: r.label),
                Column(_("Clusters benchmarked"), lambda r: r.clusters),
                Column(_("Median position (0–100, peers' middle 50)"), lambda r: _number(r.median)),
                Column(_("Lower quartile"), lambda r: _number(r.q1)),
                Column(_("Upper quartile"), lambda r: _number(r.q3)),
                Column(_("Clusters above the peers' middle"), lambda r: r.above),
                Column(_("Peers"), lambda r: section.peer_count),
                Column(_("Peers from"), lambda r: section.source),
            ],
            area_rows,
        ),
        (
            _("Needs trend"),
            [Column(_("Focus area"), lambda r: r.focus_area.name), *round_columns],
            section.trend,
        ),
    ]
