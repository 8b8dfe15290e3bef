"""Participation statistics of a programme: who took part in its activities, per activity, cluster, focus area and
period.

A cluster *took part* in an activity when at least one of its people attended it. Attendance is marked by the
officers after the activity; for an activity that has ended with no attendance marked, and for one still to come,
confirmed registrations are counted instead and the row says so ("registered, attendance not marked" or
"registered, still to come"). Only published activities count. In a real programme demo clusters never count; a
demo programme has only demo clusters.

Who sees what: the per-cluster rows are limited to the clusters the user reaches with participation.view (cluster
managers their own, regional officers their region's, officers all); every other figure is a total over the
programme, which names no cluster.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Scope
from klusterplattform.registry.models import ClusterOrganisation

from .choices import RegistrationStatus
from .models import Activity, FocusArea, Registration
from .permissions import participating_cluster_ids

ATTENDED, UNMARKED, UPCOMING = "attended", "unmarked", "upcoming"
PERIODS = ("year", "half", "quarter")


@dataclass
class ActivityRow:
    activity: Activity
    basis: str  # ATTENDED, UNMARKED or UPCOMING
    cluster_ids: set = field(default_factory=set)
    people: int = 0

    @property
    def clusters(self) -> int:
        return len(self.cluster_ids)


@dataclass
class ClusterRow:
    cluster: ClusterOrganisation
    activities: int = 0
    people: int = 0
    by_focus: dict = field(default_factory=dict)  # focus area pk -> activities taken part in

    def focus_counts(self, focus_areas) -> list[int]:
        return [self.by_focus.get(area.pk, 0) for area in focus_areas]


class CountsClusters:
    """A row that collects the ids of the clusters it reached and shows how many."""

    cluster_ids: set

    @property
    def clusters(self) -> int:
        return len(self.cluster_ids)


@dataclass
class FocusRow(CountsClusters):
    focus_area: FocusArea
    activities: int = 0
    cluster_ids: set = field(default_factory=set)


@dataclass
class PeriodRow(CountsClusters):
    label: str
    key: tuple
    activities: int = 0
    cluster_ids: set = field(default_factory=set)


@dataclass
class Report:
    programme: object
    participants: int
    activity_rows: list
    cluster_rows: list
    focus_areas: list
    focus_rows: list
    period_rows: list
    period: str
    reached: int = 0
    people: int = 0


def period_of(day: datetime.date, period: str) -> tuple[tuple, str]:
    if period == "year":
        return (day.year,), str(day.year)
    if period == "quarter":
        quarter = (day.month - 1) // 3 + 1
        return (day.year, quarter), f"{day.year} Q{quarter}"
    half = 1 if day.month <= 6 else 2
    return (day.year, half), f"{day.year} H{half}"


def reach(user, programme) -> tuple[bool, set[int]]:
    """(may use the page at all, ids of the programme's clusters whose own rows the user may see)."""
    participants = participating_cluster_ids(programme)
    scopes = engine.allowed_scopes(user, "participation.view")
    if not scopes:
        return False, set()
    if any(scope == Scope.ALL for _held, scope in scopes):
        return True, set(participants)
    condition = engine.filter_for(
        user,
        "participation.view",
        {
            Scope.OWN_CLUSTER: lambda ids: Q(pk__in=ids),
            Scope.OWN_REGION: lambda ids: Q(regions__in=ids),
        },
    )
    ids = set(ClusterOrganisation.objects.filter(condition, pk__in=participants).values_list("pk", flat=True))
    return bool(ids), ids


def build(programme, row_cluster_ids: set[int], period: str = "half", now=None) -> Report:
    """The programme's statistics; `row_cluster_ids` are the clusters whose own rows may be shown."""
    now = now or timezone.now()
    period = period if period in PERIODS else "half"
    clusters = ClusterOrganisation.objects.filter(pk__in=participating_cluster_ids(programme))
    if not programme.is_demo:
        clusters = clusters.filter(is_demo=False)
    clusters = {cluster.pk: cluster for cluster in clusters.order_by("sort_name", "pk")}
    activities = list(
        Activity.objects.filter(programme=programme, is_published=True)
        .prefetch_related("focus_areas")
        .order_by("starts_at", "pk")
    )
    registrations = Registration.objects.filter(
        activity__in=[activity.pk for activity in activities],
        status=RegistrationStatus.CONFIRMED,
        cluster_id__in=list(clusters),
    ).values_list("activity_id", "cluster_id", "attended")
    by_activity = defaultdict(list)
    for activity_id, cluster_id, attended in registrations:
        by_activity[activity_id].append((cluster_id, attended))

    focus_areas = list(FocusArea.objects.for_programme(programme))
    known = {area.pk for area in focus_areas}
    for activity in activities:
        for area in activity.focus_areas.all():
            if area.pk not in known:
                focus_areas.append(area)
                known.add(area.pk)
    focus_rows = {area.pk: FocusRow(area) for area in focus_areas}
    cluster_rows = {pk: ClusterRow(cluster) for pk, cluster in clusters.items()}
    periods: dict[tuple, PeriodRow] = {}
    activity_rows = []
    all_people = 0
    reached = set()
    for activity in activities:
        entries = by_activity.get(activity.pk, [])
        marked = any(attended is not None for _cluster, attended in entries)
        if activity.has_ended(now) and marked:
            basis = ATTENDED
            counted = [cluster for cluster, attended in entries if attended]
        else:
            basis = UNMARKED if activity.has_ended(now) else UPCOMING
            counted = [cluster for cluster, _attended in entries]
        row = ActivityRow(activity, basis, set(counted), len(counted))
        activity_rows.append(row)
        all_people += row.people
        reached |= row.cluster_ids
        areas = [area.pk for area in activity.focus_areas.all()]
        for area in areas:
            focus_rows[area].activities += 1
            focus_rows[area].cluster_ids |= row.cluster_ids
        key, label = period_of(timezone.localtime(activity.starts_at).date(), period)
        period_row = periods.setdefault(key, PeriodRow(label, key))
        period_row.activities += 1
        period_row.cluster_ids |= row.cluster_ids
        per_cluster_people = defaultdict(int)
        for cluster in counted:
            per_cluster_people[cluster] += 1
        for cluster, people in per_cluster_people.items():
            cluster_row = cluster_rows[cluster]
            cluster_row.activities += 1
            cluster_row.people += people
            for area in areas:
                cluster_row.by_focus[area] = cluster_row.by_focus.get(area, 0) + 1
    return Report(
        programme=programme,
        participants=len(clusters),
        activity_rows=activity_rows,
        cluster_rows=[row for pk, row in cluster_rows.items() if pk in row_cluster_ids],
        focus_areas=focus_areas,
        focus_rows=list(focus_rows.values()),
        period_rows=[periods[key] for key in sorted(periods)],
        period=period,
        reached=len(reached),
        people=all_people,
    )
