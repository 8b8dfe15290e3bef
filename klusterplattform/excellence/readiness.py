"""Label readiness: the platform's own estimate of how close a cluster is to Bronze, Silver and Gold.

The criteria are data (ReadinessCriterion, defaults in readiness_defaults.json). Each is judged by a registry fact,
an indicator answer of the latest counted self-assessment (by lineage, so a newer catalogue version still works), or
the cluster's own declaration with evidence. Bronze and Silver are ready when every criterion is met; Gold when its
points (core/scoring) reach 80 % of the total (120 of the default 150) and the Silver minimum requirements, the
"Baseline" that DOMAIN.md 1.6 says Gold also needs, are all met. The whole readiness costs a fixed handful of queries.
"""

import math
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, Q, prefetch_related_objects
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from klusterplattform.core import scoring

from .choices import AnswerType, AssessmentStatus, Direction, ReadinessSource
from .completeness import completeness
from .labels import add_months
from .models import (
    Answer,
    Assessment,
    Evidence,
    ImprovementArea,
    LabelLevel,
    ReadinessCriterion,
    ReadinessDeclaration,
)

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
# Statuses whose answers readiness uses: the cluster has handed the assessment in.
COUNTED = (AssessmentStatus.SUBMITTED, AssessmentStatus.UNDER_VALIDATION, AssessmentStatus.VALIDATED)
GOLD_PASS_PERCENTAGE = 80
SILVER_WINDOW_MONTHS = (18, 24)
DEFAULT_IMPROVEMENT_AREAS = 3
# The Silver criteria that are steps of the Silver procedure; every other Silver criterion is a minimum requirement.
SILVER_PROCEDURE_FACTS = {"second_benchmarking", "improvement_areas"}


@dataclass
class CriterionResult:
    criterion: ReadinessCriterion
    status: str
    why: str = ""
    missing_evidence: str = ""  # what evidence is missing; empty when none is

    @property
    def is_met(self) -> bool:
        return self.status == MET


@dataclass
class LevelReadiness:
    level: str
    items: list[CriterionResult]
    score: scoring.Result | None = None  # Gold only
    required: list[CriterionResult] = field(default_factory=list)  # Gold: the minimum requirements it also needs

    @property
    def label(self) -> str:
        return LabelLevel(self.level).label

    @property
    def ready(self) -> bool:
        if self.score is not None:
            return bool(self.items) and self.score.passed
        return bool(self.items) and all(item.is_met for item in self.items)

    @property
    def unmet(self) -> list[CriterionResult]:
        return [item for item in self.items if not item.is_met]

    @property
    def required_unmet(self) -> list[CriterionResult]:
        return [item for item in self.required if not item.is_met]

    @property
    def missing_evidence(self) -> list[CriterionResult]:
        return [item for item in self.items if item.missing_evidence]


@dataclass
class Readiness:
    cluster: object
    day: object
    assessment: Assessment | None  # the latest counted self-assessment, whose answers were used
    bronze: LevelReadiness
    silver: LevelReadiness
    gold: LevelReadiness

    @property
    def levels(self) -> list[LevelReadiness]:
        return [self.bronze, self.silver, self.gold]


class _Facts:
    """Everything readiness reads about one cluster, loaded up front in a fixed number of queries."""

    def __init__(self, cluster, day):
        self.cluster, self.day = cluster, day
        self.assessments = list(
            Assessment.objects.filter(cluster=cluster, status__in=COUNTED)
            .filter(Q(assessed_on__lte=day) | Q(assessed_on__isnull=True))
            .select_related("round", "catalogue")
            .order_by(F("assessed_on").desc(nulls_last=True), "-pk")
        )
        self.latest = self.assessments[0] if self.assessments else None
        self.answers, self.indicators, self.evidence = {}, {}, set()
        if self.latest:
            prefetch_related_objects(
                [self.latest],
                Prefetch("answers", Answer.objects.select_related("indicator")),
                Prefetch("evidence", Evidence.objects.select_related("indicator")),
                "catalogue__indicators",
            )
            self.indicators = {i.lineage: i for i in self.latest.catalogue.indicators.all()}
            self.answers = {a.indicator.lineage: a for a in self.latest.answers.all()}
            self.evidence = {e.indicator.lineage for e in self.latest.evidence.all()}
        self.declarations = {d.criterion_id: d for d in ReadinessDeclaration.objects.filter(cluster=cluster)}
        self.areas = list(ImprovementArea.objects.filter(cluster=cluster))


def assess_readiness(cluster, day=None) -> Readiness:
    day = day or timezone.localdate()
    facts = _Facts(cluster, day)
    by_level = {level.value: [] for level in LabelLevel}
    for criterion in ReadinessCriterion.objects.filter(is_active=True).order_by("position", "code"):
        by_level.setdefault(criterion.level, []).append(judge(criterion, facts))
    silver = LevelReadiness(LabelLevel.SILVER, by_level[LabelLevel.SILVER])
    minimum = [item for item in silver.items if item.criterion.fact not in SILVER_PROCEDURE_FACTS]
    return Readiness(
        cluster=cluster,
        day=day,
        assessment=facts.latest,
        bronze=LevelReadiness(LabelLevel.BRONZE, by_level[LabelLevel.BRONZE]),
        silver=silver,
        gold=_gold(by_level[LabelLevel.GOLD], minimum),
    )


def _gold(items: list[CriterionResult], minimum: list[CriterionResult]) -> LevelReadiness:
    criteria = [scoring.Criterion(item.criterion.code, weight=item.criterion.points) for item in items]
    scores = [scoring.Score(item.criterion.code, 1.0 if item.is_met else 0.0) for item in items]
    # The minimum requirements are gates of weight 0: they earn nothing but block a pass when unmet.
    criteria += [scoring.Criterion(f"min:{i.criterion.code}", weight=0, required=True) for i in minimum]
    scores += [scoring.Score(f"min:{i.criterion.code}", 1.0 if i.is_met else 0.0) for i in minimum]
    total_points = sum(item.criterion.points for item in items)
    pass_mark = math.ceil(total_points * GOLD_PASS_PERCENTAGE / 100)
    result = scoring.evaluate(criteria, scores, pass_mark=pass_mark)
    return LevelReadiness(LabelLevel.GOLD, items, score=result, required=minimum)


def judge(criterion: ReadinessCriterion, facts: _Facts) -> CriterionResult:
    if criterion.source == ReadinessSource.REGISTRY:
        rule = FACTS.get(criterion.fact)
        if rule is None:
            return CriterionResult(criterion, UNKNOWN, _("The platform does not know this registry fact."))
        return rule(criterion, facts)
    if criterion.source == ReadinessSource.INDICATOR:
        return _indicator(criterion, facts)
    return _declaration(criterion, facts)


def _number(value: float) -> str:
    return formats.number_format(int(value) if float(value).is_integer() else round(value, 2), use_l10n=True)


def _indicator(criterion, facts) -> CriterionResult:
    lineage = criterion.indicator_lineage
    indicator = facts.indicators.get(lineage)
    code = indicator.code if indicator else lineage.rpartition(":")[2]
    missing = ""
    if criterion.requires_evidence and lineage not in facts.evidence:
        missing = _("Evidence attached to %(code)s in the self-assessment.") % {"code": code}
    if facts.latest is None:
        return CriterionResult(criterion, UNKNOWN, _("No submitted self-assessment yet."), missing)
    if indicator is None:
        why = _("The self-assessment's catalogue has no indicator %(code)s.") % {"code": code}
        return CriterionResult(criterion, UNKNOWN, why, missing)
    answer = facts.answers.get(lineage)
    value = answer.value if answer else None
    if value is None:
        return CriterionResult(criterion, UNKNOWN, _("%(code)s is not answered.") % {"code": code}, missing)
    threshold = criterion.threshold
    lower = indicator.direction == Direction.LOWER
    met = threshold is None or (value <= threshold if lower else value >= threshold)
    return CriterionResult(criterion, MET if met else NOT_MET, _why(indicator, value, threshold, lower), missing)


def _why(indicator, value, threshold, lower) -> str:
    code = indicator.code
    if indicator.answer_type == AnswerType.YES_NO:
        return _("%(code)s: yes") % {"code": code} if value else _("%(code)s: no") % {"code": code}
    if indicator.answer_type == AnswerType.CHOICE:
        shown, needed = _option(indicator, value), _option(indicator, threshold)
    else:
        unit = " %" if indicator.answer_type == AnswerType.SHARE else ""
        shown = _number(value) + unit
        needed = _number(threshold) + unit if threshold is not None else ""
    if threshold is None:
        return f"{code}: {shown}"
    params = {"code": code, "value": shown, "threshold": needed}
    if indicator.answer_type == AnswerType.CHOICE:
        return _("%(code)s: “%(value)s”, at least “%(threshold)s”") % params
    if lower:
        return _("%(code)s: %(value)s of at most %(threshold)s") % params
    return _("%(code)s: %(value)s of at least %(threshold)s") % params


def _option(indicator, score) -> str:
    """A choice's option by its score ("monthly"), so the page speaks the questionnaire's language."""
    for option in indicator.options:
        if score is not None and option.get("score") == score:
            return indicator.option_label(option["code"])
    return _number(score) if score is not None else ""


def _declaration(criterion, facts) -> CriterionResult:
    declaration = facts.declarations.get(criterion.pk)
    missing = ""
    if criterion.requires_evidence and (declaration is None or not declaration.evidence):
        missing = _("An evidence file for the declaration.")
    if declaration is None:
        return CriterionResult(criterion, UNKNOWN, _("Not declared yet."), missing)
    if not declaration.is_met:
        return CriterionResult(criterion, NOT_MET, _("Declared as not met."), missing)
    explanation = Truncator(declaration.explanation).chars(160)
    why = _("Declared as met: %(explanation)s") % {"explanation": explanation}
    return CriterionResult(criterion, MET, why, missing)


def _eccp_listed(criterion, facts) -> CriterionResult:
    url = facts.cluster.eccp_profile_url
    if url:
        return CriterionResult(criterion, MET, _("ECCP profile: %(url)s") % {"url": url})
    return CriterionResult(criterion, NOT_MET, _("The registry has no link to the cluster's ECCP profile."))


def _complete_assessment(criterion, facts) -> CriterionResult:
    latest = facts.latest
    if latest is None:
        return CriterionResult(criterion, NOT_MET, _("No self-assessment has been submitted yet."))
    params = {"round": latest.round.name, "status": latest.get_status_display().lower()}
    progress = completeness(latest)
    if progress.is_complete:
        why = _("The self-assessment of %(round)s is %(status)s and complete.") % params
        return CriterionResult(criterion, MET, why)
    params["missing"] = progress.missing
    why = _("%(missing)s required indicators are not answered in the self-assessment of %(round)s.") % params
    return CriterionResult(criterion, NOT_MET, why)


def is_second_benchmarking(first, second) -> bool:
    """Whether `second` falls 18–24 months (whole calendar months, both ends included) after `first`."""
    shortest, longest = SILVER_WINDOW_MONTHS
    return add_months(first, shortest) <= second <= add_months(first, longest)


def _second_benchmarking(criterion, facts) -> CriterionResult:
    dates = [a.assessed_on for a in facts.assessments if a.status == AssessmentStatus.VALIDATED and a.assessed_on]
    if not dates:
        return CriterionResult(criterion, NOT_MET, _("No validated benchmarking yet."))
    latest, earlier = dates[0], dates[1:]
    shortest, longest = SILVER_WINDOW_MONTHS
    if not earlier:
        params = {"first": latest, "start": add_months(latest, shortest), "end": add_months(latest, longest)}
        why = _("One validated benchmarking (%(first)s); the second is due between %(start)s and %(end)s.") % params
        return CriterionResult(criterion, NOT_MET, why)
    first = next((day for day in earlier if is_second_benchmarking(day, latest)), None)
    if first:
        why = _("Validated benchmarkings on %(first)s and %(second)s.") % {"first": first, "second": latest}
        return CriterionResult(criterion, MET, why)
    params = {"second": latest, "previous": earlier[0]}
    why = _(
        "The latest validated benchmarking (%(second)s) is not 18–24 months after an earlier one (the previous: "
        "%(previous)s)."
    )
    return CriterionResult(criterion, NOT_MET, why % params)


def _improvement_areas(criterion, facts) -> CriterionResult:
    needed = int(criterion.threshold or DEFAULT_IMPROVEMENT_AREAS)
    done = sum(1 for area in facts.areas if area.what_changed.strip() and area.effect.strip())
    params = {"done": done, "needed": needed}
    why = _("%(done)s of %(needed)s improvement areas documented.") % params
    return CriterionResult(criterion, MET if done >= needed else NOT_MET, why)


# The registry facts a criterion can name (ReadinessCriterion.fact).
FACTS = {
    "eccp_listed": _eccp_listed,
    "complete_assessment": _complete_assessment,
    "second_benchmarking": _second_benchmarking,
    "improvement_areas": _improvement_areas,
}
