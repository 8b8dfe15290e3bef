"""A hand-made programme for the benchmark, activities, calls/funding sections and the regional view, small enough
that every figure is counted by hand in the tests.

Regions: south "12" (clusters A and B) and north "24" (cluster C). Programme P (real) has A, B and C from 2018 and
L, selected on 2027-01-01 (after the usual as-of day 2026-12-31). Outside clusters: `outside` (north, not in the
programme), `demo` (a demo cluster that takes part in P: never counted), six `peers` (validated assessments only).

    world = build_world()
    scope = Scope(programme=world.programme, as_of=AS_OF)
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal

from klusterplattform.activities.models import (
    Activity,
    FeedbackResponse,
    FocusArea,
    Registration,
    StatedNeeds,
    StatedPriority,
)
from klusterplattform.calls.models import Application, ApplicationEvent
from klusterplattform.calls.tests.calls_world import make_call
from klusterplattform.excellence import peers
from klusterplattform.excellence.models import Answer
from klusterplattform.excellence.tests.factories import (
    AssessmentFactory,
    CatalogueFactory,
    IndicatorFactory,
    RoundFactory,
)
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
    S3PriorityAreaFactory,
    UserFactory,
)

AS_OF = datetime.date(2026, 12, 31)
UTC = datetime.UTC
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def utc(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


@dataclass
class World:
    programme: object
    demo_programme: object
    south: object
    north: object
    a: object
    b: object
    c: object
    late: object
    outside: object
    demo: object
    focus: dict = field(default_factory=dict)  # code -> FocusArea
    areas: list = field(default_factory=list)  # the south's five S3 areas
    users: dict = field(default_factory=dict)


def _assessment(catalogue, round, cluster, n1, n2, assessed_on, *, is_demo=False):
    assessment = AssessmentFactory(
        round=round,
        cluster=cluster,
        catalogue=catalogue,
        status="validated",
        assessed_on=assessed_on,
        validated_at=datetime.datetime.combine(assessed_on + datetime.timedelta(days=10), datetime.time(12), UTC),
        size_class="m",
        is_demo=is_demo,
    )
    for indicator in catalogue.indicators.all():
        value = {"N1": n1, "N2": n2}[indicator.code]
        Answer.objects.create(assessment=assessment, indicator=indicator, number=Decimal(str(value)))
    return assessment


def _benchmark(world, round):
    """Peers N1 10..60 and N2 1..6; A 35 / 2.5 (2026-09-01) and 5 / 2.5 (2027-03-01); B 55 / 7; C only a draft."""
    catalogue = round.catalogue
    other_round = RoundFactory(catalogue=catalogue)
    for index in range(6):
        _assessment(catalogue, other_round, ClusterFactory(), 10 * (index + 1), index + 1, datetime.date(2026, 6, 1))
    _assessment(catalogue, round, world.a, 35, 2.5, datetime.date(2026, 9, 1))
    later = RoundFactory(
        catalogue=catalogue,
        programme=world.programme,
        opens_on=datetime.date(2027, 2, 1),
        closes_on=datetime.date(2027, 3, 31),
    )
    _assessment(catalogue, later, world.a, 5, 2.5, datetime.date(2027, 3, 1))
    _assessment(catalogue, round, world.b, 55, 7, datetime.date(2026, 9, 2))
    AssessmentFactory(round=round, cluster=world.c, catalogue=catalogue, status="draft", is_demo=False)
    # A demo cluster's validated assessment in a demo round: never in the real figures.
    demo_round = RoundFactory(catalogue=catalogue, is_demo=True)
    _assessment(catalogue, demo_round, world.demo, 99, 0, datetime.date(2026, 9, 3), is_demo=True)
    peers.rebuild_all()


def _needs(world, first, second):
    """Round 1: A F1=5 F2=2, B F1=4 F2=4. Round 2: A F1=3 F2=5, B F1=4 F2=5, C F1=1. The demo cluster says 5/5."""
    answers = {
        first: {world.a: {"f1": 5, "f2": 2}, world.b: {"f1": 4, "f2": 4}, world.demo: {"f1": 5, "f2": 5}},
        second: {world.a: {"f1": 3, "f2": 5}, world.b: {"f1": 4, "f2": 5}, world.c: {"f1": 1}},
    }
    for round, clusters in answers.items():
        for cluster, priorities in clusters.items():
            stated = StatedNeeds.objects.create(round=round, cluster=cluster)
            for code, priority in priorities.items():
                StatedPriority.objects.create(stated=stated, focus_area=world.focus[code], priority=priority)


def _activity(world, title, starts_at, areas=(), **fields):
    activity = Activity.objects.create(
        programme=fields.pop("programme", world.programme),
        type="workshop",
        title_sv=title,
        title_en=title,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        **fields,
    )
    activity.focus_areas.set([world.focus[code] for code in areas])
    return activity


def _register(activity, cluster, attended=None, status="confirmed"):
    return Registration.objects.create(
        activity=activity,
        cluster=cluster,
        name="Deltagare",
        email=f"p{Registration.objects.count()}@example.org",
        status=status,
        queued_at=activity.starts_at - datetime.timedelta(days=7),
        attended=attended,
    )


def _feedback(activity, overall, day):
    FeedbackResponse.objects.create(activity=activity, answers={"overall": overall, "relevance": 4}, submitted_on=day)


def _activities(world):
    """act0 2025-06-10 (F1): A attended, B not; act1 2025-12-31 23:30 UTC = 1 January 2026 in Stockholm, New York's
    New Year's Eve (F1, F2): A and C registered, attendance not marked; act2 2026-05-05 (F2): B attended, C not;
    act3 2027-02-01: after the day. Feedback (overall): act0 4 and 5; act1 3 and one without an overall answer; act2
    5 (and 2 given in 2027)."""
    act0 = _activity(world, "Workshop 0", utc(2025, 6, 10, 10), ["f1"])
    act1 = _activity(world, "Study visit 1", utc(2025, 12, 31, 23, 30), ["f1", "f2"], time_zone="America/New_York")
    act2 = _activity(world, "Workshop 2", utc(2026, 5, 5, 8), ["f2"])
    act3 = _activity(world, "Workshop 3", utc(2027, 2, 1, 8), ["f1"])
    hidden = _activity(world, "Draft", utc(2026, 3, 1, 8), ["f1"], is_published=False)
    _register(act0, world.a, attended=True)
    _register(act0, world.b, attended=False)
    _register(act0, world.outside, attended=True)
    _register(act0, world.demo, attended=True)
    _register(act1, world.a)
    _register(act1, world.c)
    _register(act1, world.b, status="cancelled")
    _register(act2, world.b, attended=True)
    _register(act2, world.c, attended=False)
    _register(act3, world.a, attended=True)
    _register(hidden, world.a, attended=True)
    _feedback(act0, 4, datetime.date(2025, 6, 11))
    _feedback(act0, 5, datetime.date(2025, 6, 12))
    _feedback(act1, 3, datetime.date(2026, 1, 2))
    _feedback(act1, None, datetime.date(2026, 1, 3))
    _feedback(act2, 5, datetime.date(2026, 5, 6))
    _feedback(act2, 2, datetime.date(2027, 1, 5))
    # The demo programme's activity, with the demo cluster and a real one registered.
    demo_activity = _activity(world, "Demo", utc(2026, 4, 1, 8), [], programme=world.demo_programme)
    _register(demo_activity, world.demo, attended=True)
    _register(demo_activity, world.a, attended=True)


def _application(call, cluster, status, events):
    application = Application.objects.create(
        call=call, cluster=cluster, form_version=call.form_versions.first(), status=status
    )
    Application.objects.filter(pk=application.pk).update(created_at=utc(2026, 2, 5))
    previous = "draft"
    for to_status, at in events:
        event = ApplicationEvent.objects.create(
            application=application, transition=to_status, from_status=previous, to_status=to_status
        )
        ApplicationEvent.objects.filter(pk=event.pk).update(at=at)
        previous = to_status
    return application


def _calls(world):
    """K1 (opened 2026-02-01): A in review on the day (selected later), B rejected, the outside cluster withdrew,
    C a draft, L submitted only in 2027, the demo cluster submitted. K2 opens in 2027."""
    k1 = make_call(world.programme, opens_at=utc(2026, 2, 1, 8), closes_at=utc(2026, 3, 1, 16), slug="k1")
    make_call(world.programme, opens_at=utc(2027, 3, 1, 8), closes_at=utc(2027, 4, 1, 16), slug="k2")
    _application(
        k1,
        world.a,
        "selected",
        [
            ("submitted", utc(2026, 2, 10, 9)),
            ("eligibility_check", utc(2026, 3, 5, 9)),
            ("in_review", utc(2026, 3, 10, 9)),
            ("selected", utc(2027, 1, 10, 9)),
        ],
    )
    _application(k1, world.b, "rejected", [("submitted", utc(2026, 2, 15, 9)), ("rejected", utc(2026, 4, 1, 9))])
    _application(k1, world.outside, "withdrawn", [("submitted", utc(2026, 2, 20)), ("withdrawn", utc(2026, 2, 25))])
    _application(k1, world.c, "draft", [])
    _application(k1, world.late, "submitted", [("submitted", utc(2027, 1, 5, 9))])
    _application(k1, world.demo, "submitted", [("submitted", utc(2026, 2, 20, 9))])


def _brussels(*args):
    return datetime.datetime(*args, 17, tzinfo=BRUSSELS)


def _intentions(world):
    """FC1 (deadlines 2026-10-01 and 2027-02-01): A and B intend, C only bookmarked. FC2 (2027-01-15): B, and the
    outside cluster. FC3 (2026-06-01): C. A demo call: A."""
    fc1 = make_funding_call(
        "FC1",
        deadlines=[
            {"at": _brussels(2026, 10, 1), "time_zone": "Europe/Brussels", "stage": 1},
            {"at": _brussels(2027, 2, 1), "time_zone": "Europe/Brussels", "stage": 2},
        ],
    )
    fc2 = make_funding_call("FC2", deadlines=[{"at": _brussels(2027, 1, 15), "time_zone": "Europe/Brussels"}])
    fc3 = make_funding_call("FC3", deadlines=[{"at": _brussels(2026, 6, 1), "time_zone": "Europe/Brussels"}])
    demo_call = make_funding_call("DEMO-1", is_demo=True)
    for call, cluster, intends in [
        (fc1, world.a, True),
        (fc1, world.b, True),
        (fc1, world.c, False),
        (fc2, world.b, True),
        (fc2, world.outside, True),
        (fc3, world.c, True),
        (demo_call, world.a, True),
    ]:
        FundingInterest.objects.create(call=call, cluster=cluster, intends_to_apply=intends, bookmarked=True)
    FundingInterest.objects.update(created_at=utc(2026, 3, 1))


def _region(world):
    """South's areas S1 (A), S2 (A, B), S3 (B), S4 (none; B shares its ecosystem; the outside cluster is linked),
    S5 (none; C in the north is linked). Members in the south on the day: A 2 (one more left, one in the north),
    B 1 (one more joins in 2027). Labels on the day: A gold (a bronze expired), B none (silver from 2027). A demo
    organisation and a demo-flagged label on A never count."""
    health = EcosystemFactory(code="health")
    world.areas = [
        S3PriorityAreaFactory(
            region=world.south, code=f"s{n}", title_sv=f"Område {n}", title_en=f"Area {n}", position=n
        )
        for n in range(1, 6)
    ]
    s1, s2, s3, s4, s5 = world.areas
    s4.ecosystems.set([health])
    world.a.s3_priority_areas.set([s1, s2])
    world.b.s3_priority_areas.set([s2, s3])
    world.b.ecosystems.set([health])
    world.c.s3_priority_areas.set([s5])
    world.outside.s3_priority_areas.set([s4])
    south, north = world.south, world.north
    MembershipFactory(cluster=world.a, organisation=OrganisationFactory(region=south))
    MembershipFactory(cluster=world.a, organisation=OrganisationFactory(region=south), kind="participant")
    MembershipFactory(cluster=world.a, organisation=OrganisationFactory(region=north))
    MembershipFactory(cluster=world.a, organisation=OrganisationFactory(region=south), left=datetime.date(2026, 6, 1))
    MembershipFactory(cluster=world.b, organisation=OrganisationFactory(region=south))
    MembershipFactory(
        cluster=world.b, organisation=OrganisationFactory(region=south), joined=datetime.date(2027, 1, 10)
    )
    LabelFactory(
        cluster=world.a, level="gold", awarded_on=datetime.date(2025, 1, 1), valid_until=datetime.date(2027, 12, 31)
    )
    LabelFactory(
        cluster=world.a, level="bronze", awarded_on=datetime.date(2023, 1, 1), valid_until=datetime.date(2025, 12, 31)
    )
    # Demo-flagged records on a real cluster: never in the real programme's figures.
    MembershipFactory(cluster=world.a, organisation=OrganisationFactory(region=south, is_demo=True))
    LabelFactory(
        cluster=world.a,
        level="silver",
        awarded_on=datetime.date(2025, 1, 1),
        valid_until=datetime.date(2027, 12, 31),
        is_demo=True,
    )
    LabelFactory(
        cluster=world.b, level="silver", awarded_on=datetime.date(2027, 2, 1), valid_until=datetime.date(2029, 2, 1)
    )


def _users(world):
    for name, role, scope in [
        ("officer", "officer", {}),
        ("south_officer", "regional_officer", {"regions": [world.south.code]}),
        ("north_officer", "regional_officer", {"regions": [world.north.code]}),
        ("manager", "cluster_manager", {"clusters": [world.a.slug]}),
    ]:
        world.users[name] = UserFactory(email=f"sections-{name}@example.org")
        grant_role(world.users[name], role, **scope)
    world.users["outsider"] = UserFactory(email="sections-outsider@example.org")


def build_world(*, figures: bool = True) -> World:
    south = RegionFactory(code="12", name_sv="Skåne län", name_en="Skåne County")
    north = RegionFactory(code="24", name_sv="Västerbottens län", name_en="Västerbotten County")
    a = ClusterFactory(name="Alfa kluster", slug="alfa", regions=[south])
    b = ClusterFactory(name="Beta kluster", slug="beta", regions=[south])
    c = ClusterFactory(name="Gamma kluster", slug="gamma", regions=[north])
    late = ClusterFactory(name="Sena klustret", slug="sena", regions=[south])
    outside = ClusterFactory(name="Utanför", slug="utanfor", regions=[north])
    demo = ClusterFactory(name="Demokluster", slug="demo-kluster", regions=[south], is_demo=True)
    programme = ProgrammeFactory(slug="program", clusters=[a, b, c, demo])
    ProgrammeParticipation.objects.create(programme=programme, cluster=late, selected_on=datetime.date(2027, 1, 1))
    demo_programme = ProgrammeFactory(slug="demoprogram", is_demo=True, clusters=[demo, a])
    world = World(programme, demo_programme, south, north, a, b, c, late, outside, demo)
    world.focus = {
        code: FocusArea.objects.create(programme=programme, code=code, name_sv=name, name_en=name, position=n)
        for n, (code, name) in enumerate([("f1", "Internationalisation"), ("f2", "Digitalisation")])
    }
    _users(world)
    if figures:
        first = RoundFactory(
            programme=programme, opens_on=datetime.date(2025, 8, 1), closes_on=datetime.date(2025, 9, 30)
        )
        catalogue = CatalogueFactory()
        IndicatorFactory(catalogue=catalogue, code="N1", area="structure", answer_type="number", direction="higher")
        IndicatorFactory(catalogue=catalogue, code="N2", area="financing", answer_type="number", direction="lower")
        second = RoundFactory(
            programme=programme,
            catalogue=catalogue,
            opens_on=datetime.date(2026, 8, 1),
            closes_on=datetime.date(2026, 9, 30),
        )
        _benchmark(world, second)
        _needs(world, first, second)
        _activities(world)
        _calls(world)
        _intentions(world)
        _region(world)
    return world


def grow(world, count: int = 8) -> None:
    """`count` more clusters in the south that take part in everything, for query counts that must not grow."""
    catalogue = world.programme.assessment_rounds.order_by("opens_on").last().catalogue
    round = world.programme.assessment_rounds.get(opens_on=datetime.date(2026, 8, 1))
    first = world.programme.assessment_rounds.get(opens_on=datetime.date(2025, 8, 1))
    activity = Activity.objects.get(title_sv="Workshop 0")
    call = world.programme.calls.get(slug="k1")
    funding_call = FundingInterest.objects.filter(call__identifier="FC1").first().call
    for index in range(count):
        cluster = ClusterFactory(name=f"Extra {index}", slug=f"extra-{index}", regions=[world.south])
        ProgrammeParticipation.objects.create(
            programme=world.programme, cluster=cluster, selected_on=datetime.date(2019, 1, 1)
        )
        cluster.s3_priority_areas.set(world.areas[index % 5 : index % 5 + 1])
        MembershipFactory(cluster=cluster, organisation=OrganisationFactory(region=world.south))
        LabelFactory(
            cluster=cluster, level="silver", awarded_on=datetime.date(2025, 1, 1), valid_until=datetime.date(2028, 1, 1)
        )
        _assessment(catalogue, round, cluster, 20 + index, 3 + index, datetime.date(2026, 9, 5))
        for stated_round in (first, round):
            stated = StatedNeeds.objects.create(round=stated_round, cluster=cluster)
            StatedPriority.objects.create(stated=stated, focus_area=world.focus["f1"], priority=5)
        _register(activity, cluster, attended=True)
        _application(call, cluster, "submitted", [("submitted", utc(2026, 2, 11, 9))])
        FundingInterest.objects.create(call=funding_call, cluster=cluster, intends_to_apply=True)
    FundingInterest.objects.update(created_at=utc(2026, 3, 1))
    peers.rebuild_all()
