"""A small hand-made programme for the report tests, with the figures counted by hand (as of AS_OF = 2025-06-30).

Programme "rapportprogram" (real). Regions: north "25", south "12".
- alfa (north, selected 2019-01-01): o1 SME member since 2020; o2 large company participant since 2021; o3 SME
  member 2020 → left 2025-01-01 (gone on AS_OF); o4 research participant from 2025-12-01 (not yet on AS_OF).
  Labels: silver 2024-03-01 → 2026-03-01 (in force on AS_OF); gold awarded recently (in force today, not on AS_OF).
- formel, named =HYPERLINK(...) (south, selected 2019-01-01): o4 research member since 2019; o1 participant since
  2022. Label: bronze 2020-01-01 → 2022-01-01 (expired).
- sen (north, selected 2025-09-01: not in the programme on AS_OF), demo (north, demo cluster: never counted in the
  real programme), utträdd (south, withdrawn).
On AS_OF: 2 clusters; 3 organisations (o1, o2, o4); 2 dedicated members (o1, o4); memberships by type: alfa
large_company 1/0, sme 1/1; formel research 1/1, sme 1/0 (participants/members). North only: 1 cluster, 2
organisations, 1 member.
Activities: "Hannover Messe" 2025-03-10 (alfa 2 confirmed, 1 attended; formel 1 confirmed + 1 cancelled; demo 1
confirmed), feedback q1: 4 and 5 (mean 4.5), q2: 3; an activity on 2025-09-01 (after AS_OF); one this year that
alfa takes part in (the fact sheet's "this year"). Applications: alfa selected (submitted 2024-02-01), formel a
draft (never counted). Funding: alfa and formel intend to apply for FUND-1; alfa only bookmarks FUND-2.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from klusterplattform.activities.models import FeedbackResponse, Registration
from klusterplattform.activities.tests.activities_world import make_activity
from klusterplattform.calls.models import Application
from klusterplattform.calls.tests.calls_world import make_call
from klusterplattform.funding.models import FundingInterest
from klusterplattform.funding.tests.funding_world import make_funding_call
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.models import ProgrammeParticipation
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    LabelFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
    UserFactory,
)

AS_OF = datetime.date(2025, 6, 30)
FORMULA_NAME = '=HYPERLINK("http://evil.test","x")'


@dataclass
class World:
    programme: object
    north: object
    south: object
    alfa: object
    formel: object
    users: dict


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _join(programme, cluster, selected_on, status="active"):
    ProgrammeParticipation.objects.create(programme=programme, cluster=cluster, selected_on=selected_on, status=status)


def build_world() -> World:
    north = RegionFactory(code="25", name_sv="Norrbottens län", name_en="Norrbotten County")
    south = RegionFactory(code="12", name_sv="Skåne län", name_en="Skåne County")
    digital = EcosystemFactory(code="digital", name_sv="Digitalt", name_en="Digital")
    programme = ProgrammeFactory(slug="rapportprogram", name_sv="Rapportprogrammet", name_en="The report programme")
    alfa = ClusterFactory(name="Alfakluster", slug="alfa", regions=[north], ecosystems=[digital])
    formel = ClusterFactory(name=FORMULA_NAME, slug="formel", regions=[south])
    late = ClusterFactory(name="Senkluster", slug="sen", regions=[north])
    demo = ClusterFactory(name="Demokluster", slug="demo", regions=[north], is_demo=True)
    gone = ClusterFactory(name="Utträdd", slug="uttradd", regions=[south])
    first = datetime.date(2019, 1, 1)
    for cluster in (alfa, formel, demo):
        _join(programme, cluster, first)
    _join(programme, late, datetime.date(2025, 9, 1))
    _join(programme, gone, first, status="withdrawn")

    o1 = OrganisationFactory(type="sme", region=north)
    o2 = OrganisationFactory(type="large_company", region=north)
    o3 = OrganisationFactory(type="sme", region=north)
    o4 = OrganisationFactory(type="research", region=south)
    o5 = OrganisationFactory(type="sme", is_demo=True)
    day = datetime.date
    MembershipFactory(cluster=alfa, organisation=o1, kind="member", joined=day(2020, 1, 1))
    MembershipFactory(cluster=alfa, organisation=o2, kind="participant", joined=day(2021, 1, 1))
    MembershipFactory(cluster=alfa, organisation=o3, kind="member", joined=day(2020, 1, 1), left=day(2025, 1, 1))
    MembershipFactory(cluster=alfa, organisation=o4, kind="participant", joined=day(2025, 12, 1))
    MembershipFactory(cluster=formel, organisation=o4, kind="member", joined=day(2019, 5, 1))
    MembershipFactory(cluster=formel, organisation=o1, kind="participant", joined=day(2022, 1, 1))
    MembershipFactory(cluster=demo, organisation=o5, kind="member", joined=day(2020, 1, 1))
    MembershipFactory(cluster=late, organisation=o3, kind="member", joined=day(2020, 1, 1))

    LabelFactory(cluster=alfa, level="silver", awarded_on=day(2024, 3, 1), valid_until=day(2026, 3, 1))
    LabelFactory(cluster=alfa, level="gold")  # in force today (the fact sheet), awarded after AS_OF
    LabelFactory(cluster=formel, level="bronze", awarded_on=day(2020, 1, 1), valid_until=day(2022, 1, 1))

    _activities(programme, alfa, formel, demo)
    _applications(programme, alfa, formel)
    fund1, fund2 = make_funding_call("FUND-1"), make_funding_call("FUND-2")
    FundingInterest.objects.create(call=fund1, cluster=alfa, intends_to_apply=True)
    FundingInterest.objects.create(call=fund1, cluster=formel, intends_to_apply=True)
    FundingInterest.objects.create(call=fund2, cluster=alfa, bookmarked=True)
    return World(programme, north, south, alfa, formel, _users())


def _activities(programme, alfa, formel, demo):
    fair = make_activity(programme, type="trade_fair", title_sv="Hannover Messe", title_en="Hannover Messe")
    fair.starts_at, fair.ends_at = _at(datetime.date(2025, 3, 10)), _at(datetime.date(2025, 3, 10), 16)
    fair.save()
    later = make_activity(programme, title_sv="Senare workshop", title_en="Later workshop")
    later.starts_at, later.ends_at = _at(datetime.date(2025, 9, 1)), _at(datetime.date(2025, 9, 1), 16)
    later.save()
    now = timezone.localtime()
    this_year = make_activity(programme, title_sv="Årets seminarium", title_en="This year's seminar")
    this_year.starts_at, this_year.ends_at = now.replace(month=1, day=2, hour=10), now.replace(month=1, day=2, hour=12)
    this_year.save()
    for activity, cluster, status, attended in [
        (fair, alfa, "confirmed", True),
        (fair, alfa, "confirmed", None),
        (fair, formel, "confirmed", None),
        (fair, formel, "cancelled", None),
        (fair, demo, "confirmed", None),
        (later, alfa, "confirmed", None),
        (this_year, alfa, "confirmed", None),
    ]:
        number = Registration.objects.count() + 1
        Registration.objects.create(
            activity=activity,
            cluster=cluster,
            name=f"Person {number}",
            email=f"person{number}@example.org",
            status=status,
            attended=attended,
            queued_at=activity.starts_at - datetime.timedelta(days=20),
        )
    FeedbackResponse.objects.create(activity=fair, answers={"q1": 4, "q2": 3}, submitted_on=datetime.date(2025, 3, 12))
    FeedbackResponse.objects.create(activity=fair, answers={"q1": 5}, submitted_on=datetime.date(2025, 3, 13))


def _applications(programme, alfa, formel):
    call = make_call(programme)
    form = call.form_versions.get()
    Application.objects.create(
        call=call, cluster=alfa, form_version=form, status="selected", submitted_at=_at(datetime.date(2024, 2, 1))
    )
    Application.objects.create(call=call, cluster=formel, form_version=form, status="draft")


def _users() -> dict:
    users = {}
    for name, role, scope in [
        ("officer", "officer", {}),
        ("regional_north", "regional_officer", {"regions": ["25"]}),
        ("regional_south", "regional_officer", {"regions": ["12"]}),
        ("manager_alfa", "cluster_manager", {"clusters": ["alfa"]}),
        ("manager_formel", "cluster_manager", {"clusters": ["formel"]}),
    ]:
        users[name] = UserFactory(email=f"report-{name}@example.org")
        grant_role(users[name], role, **scope)
    users["outsider"] = UserFactory(email="report-outsider@example.org")
    return users


def add_clusters(programme, count: int, region) -> None:
    """More clusters with a member and a label each, for pinning query counts."""
    for number in range(count):
        cluster = ClusterFactory(name=f"Extra {number}", slug=f"extra-{number}", regions=[region])
        _join(programme, cluster, datetime.date(2019, 1, 1))
        MembershipFactory(cluster=cluster, organisation=OrganisationFactory(type="sme", region=region))
        LabelFactory(
            cluster=cluster, level="bronze", awarded_on=datetime.date(2024, 1, 1), valid_until=datetime.date(2026, 1, 1)
        )
