"""The activities section: the programme's activities per year, participation per cluster and per focus area, and
the feedback scores.

Who *took part* is the activities app's own rule (activities/participation.py: attendance where it is marked,
confirmed registrations where it is not); this module only limits it to the scope: activities that started on or
before the as-of day, and the clusters in scope (their regions, the programme's demo flag). A year is the calendar
year in Swedish time, the same as the participation page, so an activity at 00:30 on 1 January in Stockholm counts
for the new year even when it was New Year's Eve where it took place.

Feedback: the mean of the "overall" question (1–5) over the anonymous responses given on or before the as-of day,
with the number of responses; the activities app shows its results without a minimum group, and so does this.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from klusterplattform.activities import participation
from klusterplattform.activities.choices import RegistrationStatus
from klusterplattform.activities.feedback import SCALE_QUESTIONS
from klusterplattform.activities.models import FeedbackResponse, Registration
from klusterplattform.core.charts import bar_chart
from klusterplattform.core.exports import Column
from klusterplattform.core.questionnaire import summarise
from klusterplattform.registry.models import ClusterOrganisation

OVERALL = SCALE_QUESTIONS[0]  # "How satisfied are you with the activity overall?"


def day_end(day: datetime.date) -> datetime.datetime:
    """The first moment after `day` in Swedish time: records before it happened "on or before" the day."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


def scoped_clusters(scope) -> dict[int, ClusterOrganisation]:
    """{pk: cluster} of the clusters in scope whose demo flag is the programme's (a real programme never counts a
    demo cluster, the demo programme only demo ones), by name; one query, kept on the scope for the request."""
    key = "sections:clusters"
    if key not in scope._cache:
        clusters = ClusterOrganisation.objects.filter(
            pk__in=scope.cluster_ids, is_demo=scope.programme.is_demo
        ).order_by("sort_name", "pk")
        scope._cache[key] = {cluster.pk: cluster for cluster in clusters.only("pk", "name", "slug", "sort_name")}
    return scope._cache[key]


@dataclass(frozen=True)
class YearRow:
    year: int
    activities: int
    clusters: int  # clusters in scope that took part in at least one of the year's activities
    responses: int
    mean: float | None  # mean overall feedback score, 1–5


@dataclass(frozen=True)
class ClusterRow:
    cluster: ClusterOrganisation
    registered: int  # activities with a confirmed registration
    attended: int  # activities where attendance was marked
    took_part: int  # the participation rule


@dataclass(frozen=True)
class FocusRow:
    focus_area: object
    activities: int
    clusters: int  # N of the section's `cluster_count`


@dataclass(frozen=True)
class ActivityRow:
    activity: object
    basis: str  # participation.ATTENDED, UNMARKED or UPCOMING
    clusters: int
    responses: int
    mean: float | None


@dataclass(frozen=True)
class Section:
    scope: object
    is_demo: bool
    cluster_count: int
    reached: int  # clusters in scope that took part in any activity
    years: list = field(default_factory=list)
    clusters: list = field(default_factory=list)
    focus_areas: list = field(default_factory=list)
    activities: list = field(default_factory=list)

    @property
    def chart(self):
        return bar_chart(
            [(str(row.year), row.activities) for row in self.years],
            title=gettext("Activities per year"),
            desc=gettext(
                "The number of the programme's activities per year. The table beside the chart has the figures."
            ),
            maximum=max([row.activities for row in self.years] + [1]),
        )

    @property
    def reached_share(self) -> float | None:
        return 100.0 * self.reached / self.cluster_count if self.cluster_count else None


def _year(activity) -> int:
    return timezone.localtime(activity.starts_at).year


def participation_rows(scope) -> list:
    """The participation report's activity rows up to the as-of day, with `cluster_ids` limited to the scope."""
    key = "sections:participation"
    if key not in scope._cache:
        ids = set(scoped_clusters(scope))
        end = day_end(scope.as_of)
        report = participation.build(scope.programme, ids, period="year", now=end)
        rows = [row for row in report.activity_rows if row.activity.starts_at < end]
        scope._cache[key] = [
            participation.ActivityRow(row.activity, row.basis, row.cluster_ids & ids, row.people) for row in rows
        ]
    return scope._cache[key]


def activities_by_cluster(scope) -> dict[int, list]:
    """{cluster pk: the activities it took part in, oldest first} for the clusters in scope (the regional view's
    too)."""
    taken = defaultdict(list)
    for row in participation_rows(scope):
        for cluster_id in row.cluster_ids:
            taken[cluster_id].append(row.activity)
    return taken


def _feedback(scope, activity_ids) -> dict[int, list[dict]]:
    answers = defaultdict(list)
    rows = FeedbackResponse.objects.filter(activity_id__in=activity_ids, submitted_on__lte=scope.as_of)
    for activity_id, response in rows.values_list("activity_id", "answers"):
        answers[activity_id].append(response)
    return answers


def _score(responses: list[dict]) -> tuple[int, float | None]:
    summary = summarise([OVERALL], responses)[0]
    return summary.answered, summary.mean


def build(scope) -> Section:
    clusters = scoped_clusters(scope)
    rows = participation_rows(scope)
    activity_ids = [row.activity.pk for row in rows]
    feedback = _feedback(scope, activity_ids)
    # Counted in the database: at 5,000 clusters the rows would be tens of thousands of registrations.
    confirmed = (
        Registration.objects.filter(
            activity_id__in=activity_ids, status=RegistrationStatus.CONFIRMED, cluster_id__in=list(clusters)
        )
        .values("cluster_id")
        .annotate(
            registered=Count("activity_id", distinct=True),
            attended=Count("activity_id", distinct=True, filter=Q(attended=True)),
        )
        .order_by()
    )
    registered = {row["cluster_id"]: row["registered"] for row in confirmed}
    attended = {row["cluster_id"]: row["attended"] for row in confirmed}
    took_part = activities_by_cluster(scope)

    by_year = defaultdict(lambda: {"activities": 0, "clusters": set(), "responses": []})
    focus = {}
    activity_rows = []
    for row in rows:
        year = by_year[_year(row.activity)]
        year["activities"] += 1
        year["clusters"] |= row.cluster_ids
        year["responses"] += feedback.get(row.activity.pk, [])
        for area in row.activity.focus_areas.all():
            entry = focus.setdefault(area.pk, {"area": area, "activities": 0, "clusters": set()})
            entry["activities"] += 1
            entry["clusters"] |= row.cluster_ids
        responses, mean = _score(feedback.get(row.activity.pk, []))
        activity_rows.append(ActivityRow(row.activity, row.basis, len(row.cluster_ids), responses, mean))
    years = [
        YearRow(number, entry["activities"], len(entry["clusters"]), *_score(entry["responses"]))
        for number, entry in sorted(by_year.items())
    ]
    focus_rows = sorted(
        (FocusRow(entry["area"], entry["activities"], len(entry["clusters"])) for entry in focus.values()),
        key=lambda row: (row.focus_area.position, row.focus_area.code),
    )
    return Section(
        scope=scope,
        is_demo=scope.programme.is_demo,
        cluster_count=len(clusters),
        reached=len({pk for row in rows for pk in row.cluster_ids}),
        years=years,
        clusters=[
            ClusterRow(cluster, registered.get(pk, 0), attended.get(pk, 0), len(took_part.get(pk, [])))
            for pk, cluster in clusters.items()
        ],
        focus_areas=focus_rows,
        activities=activity_rows,
    )


def _mean(value):
    return None if value is None else round(value, 2)


def sheets(section: Section) -> list:
    total = section.cluster_count
    return [
        (
            _("Activities per year"),
            [
                Column(_("Year"), lambda r: r.year),
                Column(_("Activities"), lambda r: r.activities),
                Column(_("Clusters that took part"), lambda r: r.clusters),
                Column(_("Feedback responses"), lambda r: r.responses),
                Column(_("Mean overall score (1–5)"), lambda r: _mean(r.mean)),
            ],
            section.years,
        ),
        (
            _("Participation per cluster"),
            [
                Column(_("Cluster"), lambda r: r.cluster.name),
                Column(_("Activities registered (confirmed)"), lambda r: r.registered),
                Column(_("Activities attended"), lambda r: r.attended),
                Column(_("Activities taken part in"), lambda r: r.took_part),
            ],
            section.clusters,
        ),
        (
            _("Participation per focus area"),
            [
                Column(_("Focus area"), lambda r: r.focus_area.name),
                Column(_("Activities"), lambda r: r.activities),
                Column(_("Clusters that took part"), lambda r: r.clusters),
                Column(_("Clusters in scope"), lambda r: total),
            ],
            section.focus_areas,
        ),
        (
            _("Feedback per activity"),
            [
                Column(_("Activity"), lambda r: r.activity.title),
                Column(_("Starts"), lambda r: timezone.localtime(r.activity.starts_at).date()),
                Column(_("Clusters that took part"), lambda r: r.clusters),
                Column(_("Feedback responses"), lambda r: r.responses),
                Column(_("Mean overall score (1–5)"), lambda r: _mean(r.mean)),
            ],
            section.activities,
        ),
    ]
