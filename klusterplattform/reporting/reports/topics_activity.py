"""The evaluation export's topics about what the clusters did: activities, participation, feedback (aggregated),
needs analysis priorities, self-assessments, applications to the programme's calls and funding intentions.

Counts and means only where people are involved: registrations are counted, never listed by name; feedback is
averaged per question, and its free-text comments are left out (a comment can tell who wrote it).
"""

from collections import defaultdict
from statistics import mean

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext_lazy as _

from klusterplattform.activities.choices import RegistrationStatus
from klusterplattform.activities.models import Activity, FeedbackResponse, Registration, StatedPriority
from klusterplattform.calls.choices import ApplicationStatus
from klusterplattform.calls.models import Application
from klusterplattform.excellence.models import Assessment
from klusterplattform.funding.models import FundingInterest

from .sources import COMPUTED, RECORD
from .topics import CODE, COUNT, DATE, TEXT, Field, Topic

CONFIRMED = Q(registrations__status=RegistrationStatus.CONFIRMED)
CLUSTER = Field(_("Cluster"), _("The cluster organisation's registry code"), CODE, RECORD, lambda r: r["cluster__slug"])


def _day(moment):
    return moment.date() if moment else None


def activities(scope, cluster_list) -> Topic:
    rows = (
        Activity.objects.filter(programme=scope.programme, starts_at__date__lte=scope.as_of)
        .annotate(
            registered=Count(
                "registrations", distinct=True, filter=CONFIRMED & Q(registrations__cluster__in=cluster_list)
            ),
            attended=Count(
                "registrations",
                distinct=True,
                filter=CONFIRMED & Q(registrations__cluster__in=cluster_list, registrations__attended=True),
            ),
            clusters=Count(
                "registrations__cluster", distinct=True, filter=CONFIRMED & Q(registrations__cluster__in=cluster_list)
            ),
            responses=Count("feedback", distinct=True),
        )
        .order_by("starts_at", "pk")
    )
    fields = [
        Field(_("Activity"), _("The activity's number in the platform"), CODE, RECORD, lambda a: a.pk),
        Field(_("Title"), _("The activity's title"), TEXT, RECORD, lambda a: a.title),
        Field(_("Type"), _("The kind of activity (workshop, trade_fair, ...)"), CODE, RECORD, lambda a: a.type),
        Field(_("Starts"), _("The day the activity starts"), DATE, RECORD, lambda a: _day(a.starts_at)),
        Field(
            _("Registered people"),
            _("Confirmed registrations from the clusters in scope"),
            COUNT,
            COMPUTED,
            lambda a: a.registered,
        ),
        Field(_("Attended"), _("Of those, marked as attended"), COUNT, COMPUTED, lambda a: a.attended),
        Field(
            _("Clusters taking part"),
            _("Clusters with at least one confirmed registration"),
            COUNT,
            COMPUTED,
            lambda a: a.clusters,
        ),
        Field(
            _("Feedback responses"), _("Anonymous feedback responses received"), COUNT, COMPUTED, lambda a: a.responses
        ),
    ]
    return Topic("activities", _("Activities"), fields, list(rows))


def participation(scope, cluster_list) -> Topic:
    rows = (
        Registration.objects.filter(
            activity__programme=scope.programme,
            activity__starts_at__date__lte=scope.as_of,
            cluster__in=cluster_list,
            status=RegistrationStatus.CONFIRMED,
        )
        .values("activity_id", "cluster__slug")
        .annotate(registered=Count("pk"), attended=Count("pk", filter=Q(attended=True)))
        .order_by("cluster__slug", "activity_id")
    )
    fields = [
        CLUSTER,
        Field(_("Activity"), _("The activity's number in the platform"), CODE, RECORD, lambda r: r["activity_id"]),
        Field(
            _("Registered people"),
            _("Confirmed registrations from the cluster"),
            COUNT,
            COMPUTED,
            lambda r: r["registered"],
        ),
        Field(_("Attended"), _("Of those, marked as attended"), COUNT, COMPUTED, lambda r: r["attended"]),
    ]
    return Topic("participation", _("Participation"), fields, list(rows))


def feedback(scope, cluster_list) -> Topic:
    """Per activity and question: how many answered and the mean score (1–5). Comments are left out."""
    scores = defaultdict(list)
    answers = FeedbackResponse.objects.filter(activity__programme=scope.programme, submitted_on__lte=scope.as_of)
    for activity_id, given in answers.values_list("activity_id", "answers"):
        for question, score in (given or {}).items():
            if isinstance(score, int | float):
                scores[(activity_id, question)].append(score)
    rows = [(key, values) for key, values in sorted(scores.items())]
    fields = [
        Field(_("Activity"), _("The activity's number in the platform"), CODE, RECORD, lambda r: r[0][0]),
        Field(_("Question"), _("The feedback question's code"), CODE, RECORD, lambda r: r[0][1]),
        Field(_("Answers"), _("Responses that answered the question"), COUNT, COMPUTED, lambda r: len(r[1])),
        Field(_("Mean score"), _("The mean of the answers"), _("score 1–5"), COMPUTED, lambda r: round(mean(r[1]), 2)),
    ]
    return Topic("feedback", _("Feedback"), fields, rows)


def needs(scope, cluster_list) -> Topic:
    rows = (
        StatedPriority.objects.filter(stated__cluster__in=cluster_list, stated__round__programme=scope.programme)
        .values("stated__round_id", "focus_area__code")
        .annotate(clusters=Count("stated__cluster", distinct=True), mean=Avg("priority"))
        .order_by("stated__round_id", "focus_area__code")
    )
    fields = [
        Field(
            _("Round"),
            _("The assessment round's number in the platform"),
            CODE,
            RECORD,
            lambda r: r["stated__round_id"],
        ),
        Field(_("Focus area"), _("The focus area's code"), CODE, RECORD, lambda r: r["focus_area__code"]),
        Field(
            _("Clusters"), _("Clusters that stated a priority for the area"), COUNT, COMPUTED, lambda r: r["clusters"]
        ),
        Field(
            _("Mean priority"),
            _("The mean stated priority"),
            _("priority 1–5"),
            COMPUTED,
            lambda r: round(r["mean"], 2) if r["mean"] is not None else None,
        ),
    ]
    return Topic("needs", _("Needs priorities"), fields, list(rows))


def assessments(scope, cluster_list) -> Topic:
    rows = (
        Assessment.objects.filter(cluster__in=cluster_list, round__programme=scope.programme)
        .values("round_id", "status", "assessed_on", "size_class", "cluster__slug")
        .order_by("cluster__slug", "round_id")
    )
    fields = [
        CLUSTER,
        Field(_("Round"), _("The assessment round's number in the platform"), CODE, RECORD, lambda r: r["round_id"]),
        Field(
            _("Status"),
            _("draft, submitted, under_validation, validated or returned"),
            CODE,
            RECORD,
            lambda r: r["status"],
        ),
        Field(_("Assessed on"), _("The day the self-assessment describes"), DATE, RECORD, lambda r: r["assessed_on"]),
        Field(
            _("Size class"), _("The cluster's size class in the benchmark"), CODE, COMPUTED, lambda r: r["size_class"]
        ),
    ]
    return Topic("assessments", _("Self-assessments"), fields, list(rows))


def applications(scope, cluster_list) -> Topic:
    rows = (
        Application.objects.filter(call__programme=scope.programme, cluster__in=cluster_list)
        .exclude(status=ApplicationStatus.DRAFT)
        .values("call_id", "status", "submitted_at", "decided_at", "cluster__slug")
        .order_by("call_id", "cluster__slug")
    )
    fields = [
        Field(_("Call"), _("The programme call's number in the platform"), CODE, RECORD, lambda r: r["call_id"]),
        CLUSTER,
        Field(
            _("Status"),
            _("submitted, eligibility_check, in_review, selected, reserve, rejected or withdrawn"),
            CODE,
            RECORD,
            lambda r: r["status"],
        ),
        Field(
            _("Submitted"), _("The day the application was submitted"), DATE, RECORD, lambda r: _day(r["submitted_at"])
        ),
        Field(_("Decided"), _("The day of the decision"), DATE, RECORD, lambda r: _day(r["decided_at"])),
    ]
    return Topic("applications", _("Applications"), fields, list(rows))


def funding(scope, cluster_list) -> Topic:
    rows = (
        FundingInterest.objects.filter(cluster__in=cluster_list, intends_to_apply=True)
        .values("call__identifier", "call__title")
        .annotate(clusters=Count("cluster", distinct=True))
        .order_by("call__identifier")
    )
    fields = [
        Field(_("Funding call"), _("The funding call's identifier"), CODE, RECORD, lambda r: r["call__identifier"]),
        Field(_("Title"), _("The funding call's title"), TEXT, RECORD, lambda r: r["call__title"]),
        Field(
            _("Clusters intending to apply"),
            _("Clusters that said they intend to apply"),
            COUNT,
            COMPUTED,
            lambda r: r["clusters"],
        ),
    ]
    return Topic("funding", _("Funding intentions"), fields, list(rows))
