"""KPI metrics against hand counts, periods, freezing, trends and the KPI table."""

import datetime
from decimal import Decimal

import pytest

from klusterplattform.registry.models import Membership
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    ProgrammeFactory,
    ProgrammeParticipationFactory,
)
from klusterplattform.reporting import kpi_metrics, kpis
from klusterplattform.reporting.kpi_metrics import Period
from klusterplattform.reporting.models import Kpi, KpiValue

from .world_evaluation import EXPECTED, build_world

pytestmark = pytest.mark.django_db

Y2023, Y2024 = Period.parse("2023"), Period.parse("2024")


def make_kpi(programme, code="clusters", metric="clusters", source="computed", **fields):
    values = {
        "programme": programme,
        "code": code,
        "name_sv": code,
        "name_en": code,
        "definition_sv": "d",
        "definition_en": "d",
        "source": source,
        "metric": metric if source == "computed" else "",
        **fields,
    }
    return Kpi.objects.create(**values)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_metric_matches_the_hand_count_at_the_end_of_2023_and_2024(code):
    world = build_world()
    got = (kpi_metrics.compute(code, world.programme, Y2023), kpi_metrics.compute(code, world.programme, Y2024))
    assert got == EXPECTED[code]


def test_every_registered_metric_has_a_hand_count():
    assert set(kpi_metrics.METRICS) == set(EXPECTED)


def _queries(code, programme, period) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        kpi_metrics.compute(code, programme, period)
    return len(captured)


def test_a_metric_takes_the_same_queries_for_a_bigger_programme():
    world = build_world()
    small = {code: _queries(code, world.programme, Y2024) for code in EXPECTED}
    for _ in range(6):
        cluster = ClusterFactory(regions=[world.clusters["C1"].regions.get()])
        ProgrammeParticipationFactory(programme=world.programme, cluster=cluster, selected_on=None)
        MembershipFactory(cluster=cluster)
    assert {code: _queries(code, world.programme, Y2024) for code in EXPECTED} == small
    assert kpi_metrics.compute("clusters", world.programme, Y2024) == 8


def test_metrics_of_one_table_share_a_dashboard_section():
    world = build_world()
    cache = {}
    kpi_metrics.compute("clusters", world.programme, Y2024, cache)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert kpi_metrics.compute("members", world.programme, Y2024, cache) == 2
        assert kpi_metrics.compute("sme_share", world.programme, Y2024, cache) == Decimal("50.0")
    assert len(captured) == 0


def test_an_empty_programme_counts_zero_and_has_no_share_or_score():
    programme = ProgrammeFactory()
    assert kpi_metrics.compute("clusters", programme, Y2024) == 0
    assert kpi_metrics.compute("sme_share", programme, Y2024) is None
    assert kpi_metrics.compute("feedback_score", programme, Y2024) is None


def test_the_demo_programme_counts_only_demo_clusters():
    demo = ProgrammeFactory(is_demo=True)
    ProgrammeParticipationFactory(programme=demo, cluster=ClusterFactory(is_demo=True), selected_on=None)
    ProgrammeParticipationFactory(programme=demo, cluster=ClusterFactory(is_demo=False), selected_on=None)
    assert kpi_metrics.compute("clusters", demo, Y2024) == 1


@pytest.mark.parametrize(
    "code, start, end",
    [
        ("2025", datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
        ("2024-H1", datetime.date(2024, 1, 1), datetime.date(2024, 6, 30)),
        ("2025-H2", datetime.date(2025, 7, 1), datetime.date(2025, 12, 31)),
        ("2024-Q1", datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)),
        ("2025-Q3", datetime.date(2025, 7, 1), datetime.date(2025, 9, 30)),
        ("2025-Q4", datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)),
    ],
)
def test_a_period_has_its_first_and_last_day(code, start, end):
    period = Period.parse(code)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("code", ["", "25", "2025-H3", "2025-Q5", "2025-q1x", "2025/1"])
def test_a_bad_period_is_refused(code):
    with pytest.raises(ValueError):
        Period.parse(code)


def test_recent_periods_end_with_the_current_one_oldest_first():
    day = datetime.date(2025, 2, 10)
    assert [p.code for p in kpi_metrics.recent_periods("quarter", 4, day)] == [
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
        "2025-Q1",
    ]
    assert [p.code for p in kpi_metrics.recent_periods("half", 3, day)] == ["2024-H1", "2024-H2", "2025-H1"]
    assert [p.code for p in kpi_metrics.recent_periods("year", 2, day)] == ["2024", "2025"]


def test_freezing_keeps_the_value_after_the_records_change():
    world = build_world()
    kpi = make_kpi(world.programme, code="orgs", metric="organisations")
    stored = kpis.freeze(kpi, Y2024, user=None)
    assert stored.value == Decimal(4)
    Membership.objects.filter(organisation=world.organisations["O10"]).delete()
    [row] = kpis.kpi_table(world.programme, [Y2023, Y2024])
    assert [(c.value, c.origin) for c in row.cells] == [(Decimal(3), "computed"), (Decimal(4), "frozen")]
    assert kpi_metrics.compute("organisations", world.programme, Y2024) == Decimal(3)  # the records did change


def test_freezing_twice_or_an_entered_kpi_is_refused():
    world = build_world()
    kpi = make_kpi(world.programme)
    kpis.freeze(kpi, Y2024, user=None)
    with pytest.raises(kpis.AlreadyFrozen):
        kpis.freeze(kpi, Y2024, user=None)
    entered = make_kpi(world.programme, code="entered", source="entered")
    with pytest.raises(kpis.NothingToFreeze):
        kpis.freeze(entered, Y2024, user=None)
    assert KpiValue.objects.count() == 1


@pytest.mark.parametrize(
    "values, higher_is_better, direction, better, symbol",
    [
        ([Decimal(1), Decimal(2)], True, "up", True, "↑"),
        ([Decimal(1), Decimal(2)], False, "up", False, "↑"),
        ([Decimal(3), None, Decimal(2)], True, "down", False, "↓"),
        ([Decimal(3), Decimal(2)], False, "down", True, "↓"),
        ([Decimal(2), Decimal(2)], True, "flat", None, "→"),
        ([None, Decimal(2)], True, None, None, "–"),
    ],
)
def test_the_trend_compares_the_last_two_values(values, higher_is_better, direction, better, symbol):
    trend = kpis.trend_of(values, higher_is_better)
    assert (trend.direction, trend.better, trend.symbol) == (direction, better, symbol)


def test_the_table_marks_computed_frozen_and_entered_values_and_its_trend():
    world = build_world()
    make_kpi(world.programme, code="a-clusters", metric="clusters", order=1)
    entered = make_kpi(world.programme, code="b-money", source="entered", order=2, higher_is_better=False)
    KpiValue.objects.create(kpi=entered, period="2023", value=Decimal("10"))
    KpiValue.objects.create(kpi=entered, period="2024", value=Decimal("12.5"))
    computed_row, entered_row = kpis.kpi_table(world.programme, [Y2023, Y2024])
    assert [(c.value, c.origin) for c in computed_row.cells] == [(1, "computed"), (2, "computed")]
    assert (computed_row.trend.direction, computed_row.trend.better) == ("up", True)
    assert [(c.value, c.origin) for c in entered_row.cells] == [(Decimal(10), "entered"), (Decimal("12.5"), "entered")]
    assert (entered_row.trend.direction, entered_row.trend.better) == ("up", False)


def _kpis_for(programme, count):
    for number in range(count):
        make_kpi(programme, code=f"k{number}", metric="clusters")
    make_kpi(programme, code="entered", source="entered")


@pytest.mark.parametrize("clusters", [2, 10])
def test_the_table_takes_the_same_queries_whatever_the_number_of_clusters(clusters, django_assert_num_queries):
    programme = ProgrammeFactory()
    for _ in range(clusters):
        ProgrammeParticipationFactory(programme=programme, cluster=ClusterFactory())
    _kpis_for(programme, 3)
    periods = [Y2023, Y2024]
    # the KPIs, their stored values, and the population section once per period (5 queries), which the three
    # KPIs share
    with django_assert_num_queries(2 + 2 * 5):
        rows = kpis.kpi_table(programme, periods)
    by_code = {row.kpi.code: row for row in rows}
    assert [c.value for c in by_code["k0"].cells] == [clusters, clusters]
    assert [c.origin for c in by_code["entered"].cells] == ["missing", "missing"]
