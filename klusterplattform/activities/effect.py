""" "Did it work?": the change in a focus area's indicators for clusters that took part in its activities, compared
with clusters of the same programme that did not.

Method, for a programme, two assessment rounds (from, to) and a focus area:
- Clusters compared: those with a validated assessment in both rounds (demo clusters only in a demo programme).
- Took part: at least one person of the cluster attended a published activity of the focus area that started between
  the first round's opening day and the second round's closing day; for an activity with no attendance marked,
  a confirmed registration counts.
- Per indicator mapped to the focus area (FocusAreaIndicator.lineage, matched to the catalogues by Indicator.lineage):
  each cluster's change is its value in the second round minus its value in the first (Answer.value), turned round
  for an indicator where lower is better, so that a positive change is always an improvement. Neutral indicators
  are skipped. A cluster without a value in either round is left out of that indicator.
- Per group: the number of clusters and the mean change; the difference is the mean of the group that took part
  minus the mean of the group that did not. With fewer than MIN_GROUP clusters in either group no figures are given
  (too few clusters to compare, and a small group would come close to naming clusters).

This is a comparison of groups, not proof of cause: clusters choose which activities they join, so those that took
part may differ from the others in ways that also change their indicators.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from klusterplattform.excellence.benchmark.maths import MIN_GROUP
from klusterplattform.excellence.choices import AssessmentStatus, Direction
from klusterplattform.excellence.models import Answer, Assessment, Indicator

from .choices import RegistrationStatus
from .models import Registration


@dataclass
class IndicatorEffect:
    lineage: str
    indicator: Indicator | None
    direction: str
    took_part_n: int
    others_n: int
    took_part_mean: float | None
    others_mean: float | None

    @property
    def comparable(self) -> bool:
        return self.took_part_n >= MIN_GROUP and self.others_n >= MIN_GROUP

    @property
    def difference(self) -> float | None:
        if not self.comparable:
            return None
        return self.took_part_mean - self.others_mean


@dataclass
class Effect:
    took_part: set
    others: set
    indicators: list
    skipped_neutral: list
    start: datetime.date
    end: datetime.date

    @property
    def min_group(self) -> int:
        return MIN_GROUP


def _window(round_from, round_to) -> tuple[datetime.datetime, datetime.datetime]:
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(round_from.opens_on, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(round_to.closes_on + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return start, end


def participants_of_focus(programme, focus_area, start, end, cluster_ids) -> set[int]:
    """Clusters among `cluster_ids` that took part in a published activity of the focus area in [start, end)."""
    rows = Registration.objects.filter(
        activity__programme=programme,
        activity__is_published=True,
        activity__focus_areas=focus_area,
        activity__starts_at__gte=start,
        activity__starts_at__lt=end,
        status=RegistrationStatus.CONFIRMED,
        cluster_id__in=cluster_ids,
    ).values_list("activity_id", "cluster_id", "attended")
    marked = {activity for activity, _cluster, attended in rows if attended is not None}
    return {cluster for activity, cluster, attended in rows if (attended if activity in marked else True)}


def _mean(values) -> float | None:
    return sum(values) / len(values) if values else None


def compare(programme, round_from, round_to, focus_area) -> Effect:
    lineages = list(focus_area.indicators.values_list("lineage", flat=True))
    answers = Answer.objects.filter(
        assessment__round__in=[round_from, round_to],
        assessment__status=AssessmentStatus.VALIDATED,
        indicator__lineage__in=lineages,
        value__isnull=False,
    )
    if not programme.is_demo:
        answers = answers.filter(assessment__cluster__is_demo=False)
    values: dict[tuple, float] = {}
    for round_id, cluster_id, lineage, value in answers.values_list(
        "assessment__round_id", "assessment__cluster_id", "indicator__lineage", "value"
    ):
        values[(round_id, cluster_id, lineage)] = value
    # Clusters validated in both rounds, even if they did not answer a mapped indicator.
    validated = Assessment.objects.filter(round__in=[round_from, round_to], status=AssessmentStatus.VALIDATED)
    if not programme.is_demo:
        validated = validated.filter(cluster__is_demo=False)
    per_round: dict[int, set] = {round_from.pk: set(), round_to.pk: set()}
    for round_id, cluster_id in validated.values_list("round_id", "cluster_id"):
        per_round[round_id].add(cluster_id)
    both = per_round[round_from.pk] & per_round[round_to.pk]

    start, end = _window(round_from, round_to)
    took_part = participants_of_focus(programme, focus_area, start, end, both)
    others = both - took_part

    # The direction of each lineage: from the newest catalogue indicator of that lineage.
    indicators = {}
    for indicator in Indicator.objects.filter(lineage__in=lineages).order_by("pk"):
        indicators[indicator.lineage] = indicator
    results, neutral = [], []
    for lineage in lineages:
        indicator = indicators.get(lineage)
        direction = indicator.direction if indicator else Direction.NEUTRAL
        if direction == Direction.NEUTRAL:
            neutral.append(indicator or lineage)
            continue
        sign = -1.0 if direction == Direction.LOWER else 1.0

        def changes(group, lineage=lineage, sign=sign):
            found = []
            for cluster in group:
                before = values.get((round_from.pk, cluster, lineage))
                after = values.get((round_to.pk, cluster, lineage))
                if before is not None and after is not None:
                    found.append(sign * (after - before))
            return found

        mine, theirs = changes(took_part), changes(others)
        results.append(
            IndicatorEffect(lineage, indicator, direction, len(mine), len(theirs), _mean(mine), _mean(theirs))
        )
    return Effect(took_part, others, results, neutral, round_from.opens_on, round_to.closes_on)
