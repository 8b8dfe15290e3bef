"""The activities section on the hand-made world (world_sections.py), every figure counted by hand.

On 2026-12-31: act0 (2025-06-10, F1) A attended, B marked absent; act1 (2025-12-31 23:30 UTC, which is 00:30 on
1 January 2026 in Stockholm, F1+F2) A and C registered, attendance not marked; act2 (2026-05-05, F2) B attended,
C absent; act3 (2027) and an unpublished activity do not count.
"""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from klusterplattform.registry.models import Programme
from klusterplattform.reporting.figures import Scope, activities

from .world_sections import AS_OF, build_world, grow

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def test_activities_per_year_across_the_year_boundary(world):
    section = activities.build(Scope(programme=world.programme, as_of=AS_OF))
    years = [(row.year, row.activities, row.clusters) for row in section.years]
    # act1 started on New Year's Eve in New York but in 2026 in Swedish time.
    assert years == [(2025, 1, 1), (2026, 2, 3)]
    assert (section.cluster_count, section.reached) == (3, 3)


def test_the_day_before_the_new_year_in_sweden(world):
    section = activities.build(Scope(programme=world.programme, as_of=datetime.date(2025, 12, 31)))
    assert [(row.year, row.activities) for row in section.years] == [(2025, 1)]
    assert section.reached == 1  # only A, at act0


def test_participation_per_cluster(world):
    section = activities.build(Scope(programme=world.programme, as_of=AS_OF))
    rows = {row.cluster.slug: (row.registered, row.attended, row.took_part) for row in section.clusters}
    # A: act0 attended + act1 registered; B: act0 absent + act2 attended (its act1 registration was cancelled);
    # C: act1 registered + act2 absent.
    assert rows == {"alfa": (2, 1, 2), "beta": (2, 1, 1), "gamma": (2, 0, 1)}


def test_n_of_m_clusters_per_focus_area(world):
    section = activities.build(Scope(programme=world.programme, as_of=AS_OF))
    focus = {row.focus_area.code: (row.activities, row.clusters) for row in section.focus_areas}
    assert focus == {"f1": (2, 2), "f2": (2, 3)}  # F1: A and C of 3; F2: A, C and B of 3


def test_feedback_means_and_responses(world):
    section = activities.build(Scope(programme=world.programme, as_of=AS_OF))
    per_activity = [(row.activity.title_en, row.responses, row.mean) for row in section.activities]
    # act2's score of 2 was given in 2027, after the day; one act1 response left the overall question empty.
    assert per_activity == [("Workshop 0", 2, 4.5), ("Study visit 1", 1, 3.0), ("Workshop 2", 1, 5.0)]
    assert [(row.responses, row.mean) for row in section.years] == [(2, 4.5), (2, 4.0)]


def test_a_region_counts_its_own_clusters(world):
    section = activities.build(Scope(programme=world.programme, as_of=AS_OF, region_ids=frozenset({world.south.pk})))
    assert section.cluster_count == 2
    focus = {row.focus_area.code: row.clusters for row in section.focus_areas}
    assert focus == {"f1": 1, "f2": 2}  # "1 of 2": C is in the north
    assert [row.clusters for row in section.years] == [1, 2]


def test_demo_and_real_never_mix(world):
    real = activities.build(Scope(programme=world.programme, as_of=AS_OF))
    assert "demo-kluster" not in {row.cluster.slug for row in real.clusters}  # it attended act0 but is demo data
    demo = activities.build(Scope(programme=world.demo_programme, as_of=AS_OF))
    assert demo.is_demo
    assert [row.cluster.slug for row in demo.clusters] == ["demo-kluster"]  # the real A took part too: not counted
    assert (demo.reached, [row.activities for row in demo.years]) == (1, [1])


def test_empty_programme(world):
    section = activities.build(Scope(programme=world.programme, as_of=datetime.date(2020, 1, 1)))
    assert (section.years, section.focus_areas, section.activities, section.reached) == ([], [], [], 0)
    assert section.reached_share == 0.0


def test_sheets(world):
    section = activities.build(Scope(programme=world.programme, as_of=AS_OF))
    sheets = activities.sheets(section)
    assert [len(rows) for _title, _columns, rows in sheets] == [2, 3, 2, 3]
    _title, columns, rows = sheets[2]
    assert [(columns[2].value(row), columns[3].value(row)) for row in rows] == [(2, 3), (3, 3)]


def test_query_count_does_not_grow(world, django_assert_num_queries):
    with django_assert_num_queries(QUERIES):
        activities.build(Scope(programme=world.programme, as_of=AS_OF))
    grow(world)
    programme = Programme.objects.get(pk=world.programme.pk)  # a new request's programme, no cached facts
    with django_assert_num_queries(QUERIES):
        section = activities.build(Scope(programme=programme, as_of=AS_OF))
    assert section.cluster_count == 11


QUERIES = 11


def test_template_shows_n_of_m(world):
    section = activities.build(Scope(programme=world.programme, as_of=AS_OF))
    with translation.override("en"):
        html = render_to_string("reporting/sections/activities.html", {"section": section})
    assert "3 of 3 clusters took part in at least one activity." in html
    assert "2 of 3" in html and "<svg" in html and "<caption>" in html
