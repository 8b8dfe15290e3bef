"""The benchmark report of an assessment against one peer group: figures per indicator and area, strengths and
weaknesses, the comparison with the cluster's previous validated assessment, recommendations.

Queries do not grow with the indicators or with the number of reports: `build_reports` loads the indicators, the
answers (the assessments', their clusters' latest and previous validated ones), the clusters' group facts, the group
sizes and the chosen group's distributions once for all assessments, then does the maths in numpy.

The previous assessment's positions are taken against today's peers, so a change in position shows how the cluster
moved, not how the peers did.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from ..choices import Area, AssessmentStatus
from ..models import Assessment, Indicator
from . import loading, maths
from .groups import ClusterFacts, group_label, keys_for, load_facts, parse_key
from .recommendations import recommend

PROVISIONAL = {AssessmentStatus.SUBMITTED, AssessmentStatus.UNDER_VALIDATION}
EMPTY = np.empty(0, dtype=np.float64)


@dataclass
class IndicatorResult:
    indicator: Indicator
    value: float | None
    standing: maths.Standing
    previous_value: float | None = None
    previous_position: float | None = None

    @property
    def position(self) -> float | None:
        return self.standing.position

    @property
    def is_judged(self) -> bool:
        return self.standing.position is not None

    @property
    def value_change(self) -> float | None:
        return None if None in (self.value, self.previous_value) else self.value - self.previous_value

    @property
    def position_change(self) -> float | None:
        return None if None in (self.position, self.previous_position) else self.position - self.previous_position


@dataclass
class AreaResult:
    code: str
    label: str
    indicators: list[IndicatorResult]
    score: float | None = None
    previous_score: float | None = None

    @property
    def score_change(self) -> float | None:
        return None if None in (self.score, self.previous_score) else self.score - self.previous_score


@dataclass(frozen=True)
class GroupOption:
    key: str
    label: str
    peer_count: int  # organisations in the group, the cluster itself not counted

    @property
    def is_shown(self) -> bool:
        return self.peer_count >= maths.MIN_GROUP


@dataclass(frozen=True)
class PreviousAssessment:
    pk: int
    assessed_on: datetime.date | None
    round_name: str


@dataclass
class BenchmarkReport:
    assessment: Assessment
    group: str
    group_label: str = ""
    groups: list[GroupOption] = field(default_factory=list)
    available: bool = False  # the assessment has a benchmark at all (submitted or later, not returned)
    shown: bool = False  # ... and the peer group is large enough to show
    message: str = ""
    provisional: bool = False
    is_demo: bool = False
    source: str = ""
    peer_count: int = 0
    indicators: list[IndicatorResult] = field(default_factory=list)
    areas: list[AreaResult] = field(default_factory=list)
    overall: float | None = None
    previous_overall: float | None = None
    strengths: list[IndicatorResult] = field(default_factory=list)
    weaknesses: list[IndicatorResult] = field(default_factory=list)
    previous: PreviousAssessment | None = None
    recommendations: list = field(default_factory=list)

    @property
    def overall_change(self) -> float | None:
        return None if None in (self.overall, self.previous_overall) else self.overall - self.previous_overall

    @property
    def group_keys(self) -> list[str]:
        return [option.key for option in self.groups]


def build_report(assessment, group: str = "all") -> BenchmarkReport:
    """One assessment's report; ValueError for a malformed group key."""
    return build_reports([assessment], group)[0]


def build_reports(assessments, group: str = "all") -> list[BenchmarkReport]:
    """The reports of several assessments against the same kind of group, in a fixed number of queries."""
    parse_key(group)
    assessments = list(assessments)
    if not assessments:
        return []
    loading.attach_clusters(assessments)
    facts = load_facts(
        {a.cluster_id: a.cluster.country for a in assessments}, cluster_ids=loading.cluster_ids(assessments)
    )
    history = loading.validated_history(assessments)
    related = {a.pk: loading.related(a, history[(a.cluster_id, a.is_demo)]) for a in assessments}
    values = loading.values(
        {a.pk for a in assessments} | {pk for p, prev in related.values() for pk in (p, prev) if pk}
    )
    indicators = loading.indicators({a.catalogue_id for a in assessments})
    size_classes = loading.size_classes(assessments, PROVISIONAL)
    keys = {a.pk: keys_for(facts[a.cluster_id], size_classes[a.pk], a.assessed_on) for a in assessments}
    sizes = loading.sizes({(a.is_demo, key) for a in assessments for key in keys[a.pk]})
    distributions = loading.distributions({(a.is_demo, group) for a in assessments if group in keys[a.pk]})
    reports = []
    for assessment in assessments:
        population_pk, previous_pk = related[assessment.pk]
        own = history[(assessment.cluster_id, assessment.is_demo)]
        population_keys = set()
        if population_pk:
            peer = own[population_pk]
            population_keys = set(keys_for(facts[assessment.cluster_id], peer["size_class"], peer["assessed_on"]))
        report = BenchmarkReport(assessment=assessment, group=group, is_demo=assessment.is_demo)
        report.groups = [
            GroupOption(
                key,
                group_label(key, facts[assessment.cluster_id]),
                sizes.get((assessment.is_demo, key), 0) - (key in population_keys),
            )
            for key in keys[assessment.pk]
        ]
        _fill(
            report,
            facts[assessment.cluster_id],
            indicators[assessment.catalogue_id],
            values,
            distributions,
            own_pk=population_pk if group in population_keys else None,
            previous=own.get(previous_pk),
        )
        reports.append(report)
    return reports


def _fill(report, facts: ClusterFacts, indicators, values, distributions, own_pk, previous) -> None:
    assessment = report.assessment
    report.source = (
        _("a fictional demo population") if assessment.is_demo else _("validated self-assessments on Klusterplattform")
    )
    if assessment.status not in PROVISIONAL and assessment.status != AssessmentStatus.VALIDATED:
        report.message = _(
            "A benchmark is made when the self-assessment has been submitted. This one is a draft or has been "
            "returned for changes, so it has no benchmark yet."
        )
        return
    report.available = True
    report.provisional = assessment.status in PROVISIONAL
    option = next((o for o in report.groups if o.key == report.group), None)
    if option is None:
        report.message = _("The cluster does not belong to this peer group. Choose one of the groups listed.")
        return
    report.group_label, report.peer_count = option.label, option.peer_count
    if not option.is_shown:
        report.message = _(
            "This peer group has %(count)s other organisations. Groups with fewer than %(minimum)s are not shown, "
            "so that no single organisation's answers can be recognised. Choose a larger group."
        ) % {"count": option.peer_count, "minimum": maths.MIN_GROUP}
        return
    report.shown = True
    if previous:
        report.previous = PreviousAssessment(previous["pk"], previous["assessed_on"], previous["round_name"])
    mine, own_values = values.get(assessment.pk, {}), values.get(own_pk, {}) if own_pk else {}
    earlier = values.get(previous["pk"], {}) if previous else {}
    for indicator in indicators:
        stored = distributions.get((assessment.is_demo, report.group, indicator.lineage), EMPTY)
        peers = maths.without_own(stored, own_values.get(indicator.lineage)) if own_pk else stored
        value = mine.get(indicator.lineage)
        result = IndicatorResult(indicator, value, maths.standing(peers, value, indicator.direction))
        if previous:
            result.previous_value = earlier.get(indicator.lineage)
            result.previous_position = maths.standing(peers, result.previous_value, indicator.direction).position
        report.indicators.append(result)
    _summarise(report)
    report.recommendations = recommend(report)


def _summarise(report) -> None:
    by_area = defaultdict(list)
    for result in report.indicators:
        by_area[result.indicator.area].append(result)
    for area in Area:
        results = by_area.get(area.value)
        if results:
            report.areas.append(
                AreaResult(
                    area.value,
                    str(area.label),
                    results,
                    maths.mean(r.position for r in results),
                    maths.mean(r.previous_position for r in results) if report.previous else None,
                )
            )
    judged = [r for r in report.indicators if r.is_judged]
    report.overall = maths.mean(r.position for r in judged)
    if report.previous:
        report.previous_overall = maths.mean(r.previous_position for r in report.indicators)
    # Top and bottom three; with fewer than six judged indicators each side gets half, so none is both.
    count = min(3, len(judged) // 2)
    ranked = sorted(judged, key=lambda r: -r.position)  # stable: ties keep the catalogue's order
    report.strengths = ranked[:count]
    report.weaknesses = sorted(judged, key=lambda r: r.position)[:count]
