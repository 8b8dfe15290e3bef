"""A cluster's fact sheet: one A4 page of facts about one cluster, for a meeting or a region's files.

Members appear only as counts by type (member names are personal data when they are sole traders). The label is
the official record from the awarding body; the benchmark is the platform's computed estimate, and the sheet says so.
Activities are those of the current year, counted from the cluster's confirmed registrations.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count

from klusterplattform.activities.choices import RegistrationStatus
from klusterplattform.activities.models import Registration
from klusterplattform.calls.choices import ApplicationStatus
from klusterplattform.calls.models import Application
from klusterplattform.excellence.benchmark import build_report
from klusterplattform.excellence.choices import AssessmentStatus
from klusterplattform.excellence.models import Assessment, Label
from klusterplattform.registry.choices import MembershipKind, OrganisationType, ParticipationStatus
from klusterplattform.registry.models import Membership

MAX_LISTED = 6  # activities and applications listed by name; the rest are counted, so the sheet stays one page
BENCHMARKED = (AssessmentStatus.SUBMITTED, AssessmentStatus.UNDER_VALIDATION, AssessmentStatus.VALIDATED)


@dataclass(frozen=True)
class TypeCount:
    code: str
    label: str
    count: int


@dataclass
class FactSheet:
    cluster: object
    day: datetime.date
    regions: list
    ecosystems: list
    programmes: list
    label: object | None  # the official label in force on `day`, if any
    benchmark: object | None  # the latest benchmark report (computed), if any
    members_by_type: list[TypeCount]
    members: int  # dedicated members
    participants: int  # all participating organisations (members included)
    smes: int
    activities: list = field(default_factory=list)
    activity_count: int = 0
    applications: list = field(default_factory=list)
    application_count: int = 0

    @property
    def sme_share(self) -> int | None:
        """The SMEs' share of all participating organisations, in whole per cent."""
        return round(100 * self.smes / self.participants) if self.participants else None


def build(cluster, day: datetime.date) -> FactSheet:
    memberships = Membership.objects.active_on(day).filter(cluster=cluster)
    by_type = dict(memberships.values_list("organisation__type").annotate(n=Count("organisation", distinct=True)))
    by_kind = dict(memberships.values_list("kind").annotate(n=Count("organisation", distinct=True)))
    participants = sum(by_type.values())
    return FactSheet(
        cluster=cluster,
        day=day,
        regions=list(cluster.regions.order_by("code")),
        ecosystems=list(cluster.ecosystems.order_by("position", "code")),
        programmes=[
            participation.programme
            for participation in cluster.participations.exclude(status=ParticipationStatus.WITHDRAWN)
            .select_related("programme")
            .order_by("-programme__starts_on", "programme__slug")
        ],
        label=Label.objects.valid_on(day).filter(cluster=cluster).order_by("-valid_until").first(),
        benchmark=_latest_benchmark(cluster),
        members_by_type=[
            TypeCount(code, label, by_type.get(code, 0))
            for code, label in OrganisationType.choices
            if by_type.get(code)
        ],
        members=by_kind.get(MembershipKind.MEMBER, 0),
        participants=participants,
        smes=by_type.get(OrganisationType.SME, 0),
        **_activities(cluster, day),
        **_applications(cluster),
    )


def _latest_benchmark(cluster):
    assessment = (
        Assessment.objects.filter(cluster=cluster, status__in=BENCHMARKED)
        .select_related("round", "cluster")
        .order_by("-assessed_on", "-submitted_at", "-pk")
        .first()
    )
    return build_report(assessment) if assessment else None


def _activities(cluster, day) -> dict:
    registrations = Registration.objects.filter(
        cluster=cluster, status=RegistrationStatus.CONFIRMED, activity__starts_at__year=day.year
    )
    activities = sorted(
        {registration.activity for registration in registrations.select_related("activity")},
        key=lambda activity: (activity.starts_at, activity.pk),
    )
    return {"activities": activities[:MAX_LISTED], "activity_count": len(activities)}


def _applications(cluster) -> dict:
    applications = list(
        Application.objects.filter(cluster=cluster)
        .exclude(status=ApplicationStatus.DRAFT)
        .select_related("call")
        .order_by("-submitted_at", "-pk")
    )
    return {"applications": applications[:MAX_LISTED], "application_count": len(applications)}
