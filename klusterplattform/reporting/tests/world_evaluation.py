"""A small hand-made world for the KPI metrics, with hand counts at the ends of 2023 and 2024.

Programme P (real). Clusters: C1 selected 2023-01-01, C2 selected 2024-03-01, C3 withdrawn, C4 a demo cluster in
P, C5 outside P. Organisations and memberships (left is exclusive):
  O1 sme       member of C1 from 2022-01-01; participant of C2 from 2024-05-01
  O2 large     member of C1 2023-02-01 – 2024-06-30
  O3 sme       participant of C1 from 2023-12-31 (counts on that day)
  O4 research  member of C2 from 2022-01-01
  O5 sme       member of C1 from 2025-01-01 (after both days)
  O6 sme       member of C3 (withdrawn: never counts)
  O7 sme, demo member of C1 (demo: never counts for P)
  O8 public    member of C5 (outside P)
  O9 sme       member of C1 2020-01-01 – 2023-12-31 (gone on 2023-12-31)
  O10 education participant of C2 from 2024-01-01
Hand counts                                2023   2024
  clusters                                  1      2     (C1; C1 C2)
  organisations                             3      4     (O1 O2 O3; O1 O3 O4 O10)
  members                                   2      2     (O1 O2; O1 O4)
  sme_share                                66.7   50.0   (2/3; 2/4)
  label_bronze_or_higher                    1      2     (C1 bronze; C1 silver, C2 bronze)
  label_silver_or_higher                    0      1
  activities (published, P)                 1      2
  feedback_score (overall)                 4.50   3.00
  applications submitted                    1      2
  eu_funding_intentions                     1      2
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from klusterplattform.activities.models import Activity, FeedbackResponse
from klusterplattform.calls.models import Application
from klusterplattform.calls.tests.calls_world import make_call
from klusterplattform.excellence.models import Label
from klusterplattform.funding.models import FundingInterest
from klusterplattform.funding.tests.funding_world import make_funding_call
from klusterplattform.registry.models import ProgrammeParticipation
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
)

D = datetime.date

EXPECTED = {
    "clusters": (Decimal(1), Decimal(2)),
    "organisations": (Decimal(3), Decimal(4)),
    "members": (Decimal(2), Decimal(2)),
    "sme_share": (Decimal("66.7"), Decimal("50.0")),
    "label_bronze_or_higher": (Decimal(1), Decimal(2)),
    "label_silver_or_higher": (Decimal(0), Decimal(1)),
    "activities": (Decimal(1), Decimal(2)),
    "feedback_score": (Decimal("4.50"), Decimal("3.00")),
    "applications": (Decimal(1), Decimal(2)),
    "eu_funding_intentions": (Decimal(1), Decimal(2)),
}


@dataclass
class World:
    programme: object
    clusters: dict
    organisations: dict


def moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _activity(programme, day, published=True, scores=(), hour=10):
    activity = Activity.objects.create(
        programme=programme,
        type="workshop",
        title_sv="Verkstad",
        title_en="Workshop",
        starts_at=moment(day, hour),
        ends_at=moment(day, hour) + datetime.timedelta(hours=2),
        is_published=published,
    )
    for score in scores:
        FeedbackResponse.objects.create(activity=activity, answers={"overall": score}, submitted_on=day)
    return activity


def build_world(prefix: str = "ev") -> World:
    north, south = RegionFactory(code=f"{prefix}1"), RegionFactory(code=f"{prefix}2")
    programme = ProgrammeFactory(slug=f"{prefix}-programme")
    clusters = {
        "C1": ClusterFactory(slug=f"{prefix}-c1", regions=[north]),
        "C2": ClusterFactory(slug=f"{prefix}-c2", regions=[south]),
        "C3": ClusterFactory(slug=f"{prefix}-c3", regions=[north]),
        "C4": ClusterFactory(slug=f"{prefix}-c4", regions=[north], is_demo=True),
        "C5": ClusterFactory(slug=f"{prefix}-c5", regions=[north]),
    }
    for name, selected, status in [
        ("C1", D(2023, 1, 1), "active"),
        ("C2", D(2024, 3, 1), "active"),
        ("C3", D(2023, 6, 1), "withdrawn"),
        ("C4", D(2023, 1, 1), "active"),
    ]:
        ProgrammeParticipation.objects.create(
            programme=programme, cluster=clusters[name], selected_on=selected, status=status
        )
    types = {
        "O1": "sme",
        "O2": "large_company",
        "O3": "sme",
        "O4": "research",
        "O5": "sme",
        "O6": "sme",
        "O7": "sme",
        "O8": "public_body",
        "O9": "sme",
        "O10": "education",
    }
    organisations = {
        name: OrganisationFactory(type=kind, key=f"ID:{prefix}-{name}", is_demo=(name == "O7"))
        for name, kind in types.items()
    }
    for org, cluster, kind, joined, left in [
        ("O1", "C1", "member", D(2022, 1, 1), None),
        ("O1", "C2", "participant", D(2024, 5, 1), None),
        ("O2", "C1", "member", D(2023, 2, 1), D(2024, 6, 30)),
        ("O3", "C1", "participant", D(2023, 12, 31), None),
        ("O4", "C2", "member", D(2022, 1, 1), None),
        ("O5", "C1", "member", D(2025, 1, 1), None),
        ("O6", "C3", "member", D(2020, 1, 1), None),
        ("O7", "C1", "member", D(2020, 1, 1), None),
        ("O8", "C5", "member", D(2020, 1, 1), None),
        ("O9", "C1", "member", D(2020, 1, 1), D(2023, 12, 31)),
        ("O10", "C2", "participant", D(2024, 1, 1), None),
    ]:
        MembershipFactory(
            organisation=organisations[org], cluster=clusters[cluster], kind=kind, joined=joined, left=left
        )
    for cluster, level, awarded, until, demo in [
        ("C1", "bronze", D(2022, 6, 1), D(2024, 5, 31), False),
        ("C1", "silver", D(2024, 6, 1), D(2026, 5, 31), False),
        ("C2", "bronze", D(2023, 3, 1), D(2025, 2, 28), False),
        ("C4", "gold", D(2022, 1, 1), D(2027, 1, 1), True),
        ("C5", "silver", D(2022, 1, 1), D(2027, 1, 1), False),
    ]:
        Label.objects.create(
            cluster=clusters[cluster],
            level=level,
            awarded_on=awarded,
            valid_from=awarded,
            valid_until=until,
            is_demo=demo,
        )
    _activity(programme, D(2023, 5, 10), scores=(4, 5))
    _activity(programme, D(2023, 11, 1), published=False, scores=(1,))
    _activity(programme, D(2024, 2, 1), scores=(3,))
    _activity(programme, D(2024, 12, 31), hour=20)
    _activity(ProgrammeFactory(slug=f"{prefix}-other"), D(2024, 3, 1), scores=(1,))
    call = make_call(programme)
    form = call.form_versions.get()
    for cluster, submitted in [
        ("C1", D(2023, 4, 1)),
        ("C2", D(2024, 4, 1)),
        ("C5", D(2024, 9, 1)),
        ("C4", D(2024, 4, 1)),
        ("C3", None),
    ]:
        Application.objects.create(
            call=call,
            cluster=clusters[cluster],
            form_version=form,
            status="submitted" if submitted else "draft",
            submitted_at=moment(submitted) if submitted else None,
        )
    first, second = make_funding_call(), make_funding_call()
    for cluster, funding_call, intends, created in [
        ("C1", first, True, D(2023, 6, 1)),
        ("C1", second, True, D(2024, 1, 1)),
        ("C2", first, True, D(2024, 6, 1)),
        ("C2", second, False, D(2023, 6, 1)),
        ("C5", first, True, D(2023, 6, 1)),
    ]:
        interest = FundingInterest.objects.create(
            call=funding_call, cluster=clusters[cluster], intends_to_apply=intends, bookmarked=True
        )
        FundingInterest.objects.filter(pk=interest.pk).update(created_at=moment(created))
    return World(programme, clusters, organisations)


def personas(world: World) -> dict:
    """Signed-in users by persona: an officer, a regional officer of C1's region, C1's cluster manager, an outsider."""
    from klusterplattform.registry.grants import grant_role
    from klusterplattform.registry.tests.factories import UserFactory

    users = {}
    c1 = world.clusters["C1"]
    for name, role, scope in [
        ("officer", "officer", {}),
        ("regional", "regional_officer", {"regions": [c1.regions.get().code]}),
        ("manager", "cluster_manager", {"clusters": [c1.slug]}),
        ("outsider", None, {}),
    ]:
        users[name] = UserFactory(email=f"{world.programme.slug}-{name}@example.org")
        if role:
            grant_role(users[name], role, **scope)
    return users
