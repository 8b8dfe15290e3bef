"""The benchmark section on the hand-made world (world_sections.py), every figure counted by hand.

Peers ("all", real population): N1 (structure, higher is better) 10, 20, 30, 40, 50, 60; N2 (financing, lower is
better) 1..6. On 2026-12-31 A has N1 35 / N2 2.5 and B 55 / 7; each is compared with the other seven (its own
population value removed). A's structure position: 3 of 7 peers below 35 → 42.857; B's: 6 of 7 below 55 → 85.714.
Financing: A 2 of 7 below 2.5 → rank 28.571, position 71.429; B all 7 below 7 → position 0.
"""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from klusterplattform.registry.models import Programme
from klusterplattform.reporting.figures import Scope, benchmark

from .world_sections import AS_OF, build_world, grow

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def area(section, code):
    return next(row for row in section.areas if row.code == code)


def test_programme_position_per_area_against_peers(world):
    section = benchmark.build(Scope(programme=world.programme, as_of=AS_OF))
    assert (section.cluster_count, section.benchmarked, section.peer_count) == (3, 2, 7)  # C has only a draft
    structure = area(section, "structure")
    assert structure.clusters == 2
    assert structure.median == pytest.approx((300 / 7 + 600 / 7) / 2)  # 64.29
    assert structure.q1 == pytest.approx(300 / 7 + 0.25 * 300 / 7)  # 53.57
    assert structure.q3 == pytest.approx(75.0)
    assert structure.above == 1
    financing = area(section, "financing")
    assert financing.median == pytest.approx((100 - 200 / 7) / 2)  # 35.71
    assert financing.above == 1
    # Overall: A mean(42.857, 71.429) = 57.143, B mean(85.714, 0) = 42.857.
    assert section.overall.median == pytest.approx(50.0)
    assert [row.code for row in section.areas] == ["structure", "financing"]


def test_the_latest_assessment_on_or_before_the_day_counts(world):
    later = benchmark.build(Scope(programme=world.programme, as_of=datetime.date(2027, 6, 1)))
    # A's 2027 assessment (N1 5): no peer below → 0; B unchanged 85.714; L joined in 2027 without an assessment.
    assert (later.cluster_count, later.benchmarked) == (4, 2)
    assert area(later, "structure").median == pytest.approx(600 / 7 / 2)


def test_an_assessment_validated_after_the_day_does_not_count(world):
    # A and B were assessed on 1 and 2 September 2026 but validated ten days later.
    section = benchmark.build(Scope(programme=world.programme, as_of=datetime.date(2026, 9, 5)))
    assert (section.benchmarked, section.areas, section.overall) == (0, [], None)


def test_needs_trend_between_two_rounds(world):
    section = benchmark.build(Scope(programme=world.programme, as_of=AS_OF))
    assert len(section.rounds) == 2
    f1, f2 = section.trend
    # Round 1: A and B answered (the demo cluster's answer never counts); round 2: A, B and C.
    assert f1.shares == ((2, 2), (1, 3))
    assert f2.shares == ((1, 2), (2, 3))
    assert f1.share(0) == pytest.approx(100.0)
    assert f1.change == pytest.approx(100 / 3 - 100)
    assert f2.change == pytest.approx(200 / 3 - 50)


def test_rounds_after_the_day_are_left_out(world):
    section = benchmark.build(Scope(programme=world.programme, as_of=datetime.date(2026, 7, 31)))
    assert len(section.rounds) == 1
    assert section.trend[0].shares == ((2, 2),)
    assert section.trend[0].change is None


def test_region_limits_the_clusters(world):
    north = benchmark.build(Scope(programme=world.programme, as_of=AS_OF, region_ids=frozenset({world.north.pk})))
    assert (north.cluster_count, north.benchmarked) == (1, 0)  # C, with only a draft
    assert north.trend[1].shares == ((0, 0), (0, 1))  # C answered round 2 with F2 unset


def test_demo_programme_counts_only_demo_clusters(world):
    section = benchmark.build(Scope(programme=world.demo_programme, as_of=AS_OF))
    assert section.is_demo and section.cluster_count == 1  # the demo cluster, not the real A that also takes part
    assert section.benchmarked == 0  # a demo population of one is too small to show


def test_sheets_have_the_figures(world):
    section = benchmark.build(Scope(programme=world.programme, as_of=AS_OF))
    (title, columns, rows), (_trend_title, trend_columns, trend_rows) = benchmark.sheets(section)
    assert [columns[1].value(row) for row in rows] == [2, 2, 2]  # structure, financing, all areas
    assert [columns[2].value(row) for row in rows] == [64.3, 35.7, 50.0]
    assert len(trend_columns) == 1 + 3 * 2
    assert [trend_columns[3].value(row) for row in trend_rows] == [100.0, 50.0]


def test_query_count_does_not_grow(world, django_assert_num_queries):
    scope = Scope(programme=world.programme, as_of=AS_OF)
    with django_assert_num_queries(QUERIES):
        benchmark.build(scope)
    grow(world)
    programme = Programme.objects.get(pk=world.programme.pk)  # a new request's programme, no cached facts
    bigger = Scope(programme=programme, as_of=AS_OF)
    with django_assert_num_queries(QUERIES):
        section = benchmark.build(bigger)
    assert section.benchmarked == 10


QUERIES = 17


def test_template_labels_the_estimate_and_the_peers(world):
    section = benchmark.build(Scope(programme=world.programme, as_of=AS_OF))
    with translation.override("en"):
        html = render_to_string("reporting/sections/benchmark.html", {"section": section})
    assert "not an official label" in html
    assert "2 of 3 clusters have a validated self-assessment" in html
    assert "up to 7 peers from validated self-assessments on Klusterplattform" in html
    assert "<caption>" in html and "100 % (2/2)" in html and "33 % (1/3)" in html
