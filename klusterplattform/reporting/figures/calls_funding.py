"""The calls and funding section: the programme's own calls with their applications by status, and the funding
calls the clusters in scope intend to apply for.

Applications: every application to the programme's calls that opened on or before the as-of day, counted by its
status at the end of that day. The status at a day is the last recorded transition (calls.ApplicationEvent) up to
then; an application with no transition by then was still a draft; one with no recorded transitions at all (loaded
demo data) counts with its current status. Drafts are not counted: they are not applications yet. The applicants
need not be in the programme (a call is how clusters join it), so a regional reader's figures are the applications
of clusters in their regions, and only clusters with the programme's demo flag count.

Intentions: the clusters in scope that have said "we intend to apply" (funding.FundingInterest.intends_to_apply,
recorded on or before the as-of day), grouped by funding call, with the first deadline after the as-of day.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from klusterplattform.calls.choices import ApplicationStatus
from klusterplattform.calls.models import Application, ApplicationEvent, Call
from klusterplattform.core.charts import bar_chart
from klusterplattform.core.exports import Column
from klusterplattform.funding.models import FundingCall, FundingDeadline, FundingInterest

from .activities import day_end, scoped_clusters

COUNTED = [status for status in ApplicationStatus if status != ApplicationStatus.DRAFT]


@dataclass(frozen=True)
class CallRow:
    call: Call
    counts: dict  # status code -> applications

    @property
    def received(self) -> int:
        return sum(self.counts.values())

    def cells(self) -> list[int]:
        return [self.counts.get(status.value, 0) for status in COUNTED]


@dataclass(frozen=True)
class IntentionRow:
    call: FundingCall
    clusters: list  # ClusterOrganisation, by name
    deadline: object  # the first FundingDeadline after the as-of day, or None

    @property
    def cluster_count(self) -> int:
        return len(self.clusters)


@dataclass(frozen=True)
class Section:
    scope: object
    is_demo: bool
    statuses: list = field(default_factory=lambda: list(COUNTED))
    calls: list = field(default_factory=list)
    intentions: list = field(default_factory=list)

    @property
    def chart(self):
        return bar_chart(
            [(row.call.title, row.received) for row in self.calls],
            title=gettext("Applications per call"),
            desc=gettext("The applications received per call. The table beside the chart has them by status."),
            maximum=max([row.received for row in self.calls] + [1]),
        )

    @property
    def totals(self) -> list[int]:
        return [sum(row.cells()[i] for row in self.calls) for i in range(len(self.statuses))]


def _status_on(scope, applications) -> dict[int, str]:
    """{application pk: status at the end of the as-of day} (see the module's docstring)."""
    end = day_end(scope.as_of)
    status = dict(applications)
    seen, before = set(), {}
    events = ApplicationEvent.objects.filter(application_id__in=list(status)).order_by("at", "pk")
    for application_id, to_status, at in events.values_list("application_id", "to_status", "at"):
        seen.add(application_id)
        if at < end:
            before[application_id] = to_status
    return {pk: before.get(pk, ApplicationStatus.DRAFT) if pk in seen else current for pk, current in status.items()}


def _calls(scope) -> list[CallRow]:
    end = day_end(scope.as_of)
    calls = list(Call.objects.filter(programme=scope.programme, opens_at__lt=end).order_by("opens_at", "slug"))
    applications = Application.objects.filter(
        call__in=calls, cluster__is_demo=scope.programme.is_demo, created_at__lt=end
    )
    if scope.region_ids is not None:
        applications = applications.filter(cluster__regions__in=scope.region_ids).distinct()
    rows = list(applications.order_by().values_list("pk", "call_id", "status"))
    on_day = _status_on(scope, [(pk, status) for pk, _call, status in rows])
    counts = defaultdict(lambda: defaultdict(int))
    for pk, call_id, _status in rows:
        if on_day[pk] != ApplicationStatus.DRAFT:
            counts[call_id][on_day[pk]] += 1
    return [CallRow(call, dict(counts[call.pk])) for call in calls]


def _intentions(scope) -> list[IntentionRow]:
    clusters = scoped_clusters(scope)
    end = day_end(scope.as_of)
    interests = FundingInterest.objects.filter(
        intends_to_apply=True,
        cluster_id__in=list(clusters),
        call__is_demo=scope.programme.is_demo,
        created_at__lt=end,
    ).values_list("call_id", "cluster_id")
    by_call = defaultdict(set)
    for call_id, cluster_id in interests:
        by_call[call_id].add(cluster_id)
    calls = FundingCall.objects.filter(pk__in=list(by_call)).prefetch_related(
        Prefetch("deadlines", queryset=FundingDeadline.objects.order_by("at", "stage"))
    )
    rows = [
        IntentionRow(
            call,
            [cluster for pk, cluster in clusters.items() if pk in by_call[call.pk]],
            next((deadline for deadline in call.deadlines.all() if deadline.at >= end), None),
        )
        for call in calls
    ]
    # Nearest deadline first; calls with every deadline passed last.
    return sorted(rows, key=lambda row: (row.deadline is None, row.deadline.at if row.deadline else 0, row.call.pk))


def build(scope) -> Section:
    return Section(scope=scope, is_demo=scope.programme.is_demo, calls=_calls(scope), intentions=_intentions(scope))


def sheets(section: Section) -> list:
    status_columns = [
        Column(status.label, lambda r, i=index: r.cells()[i]) for index, status in enumerate(section.statuses)
    ]
    return [
        (
            _("Applications per call"),
            [
                Column(_("Call"), lambda r: r.call.title),
                Column(_("Opens"), lambda r: timezone.localtime(r.call.opens_at).date()),
                Column(_("Closes"), lambda r: timezone.localtime(r.call.closes_at).date()),
                Column(_("Applications received"), lambda r: r.received),
                *status_columns,
            ],
            section.calls,
        ),
        (
            _("Intentions to apply"),
            [
                Column(_("Funding call"), lambda r: r.call.identifier),
                Column(_("Title"), lambda r: r.call.title),
                Column(_("Funding programme"), lambda r: r.call.programme),
                Column(_("Clusters intending to apply"), lambda r: r.cluster_count),
                Column(_("Clusters"), lambda r: ", ".join(c.name for c in r.clusters)),
                Column(_("Next deadline"), lambda r: timezone.localtime(r.deadline.at).date() if r.deadline else None),
            ],
            section.intentions,
        ),
    ]
