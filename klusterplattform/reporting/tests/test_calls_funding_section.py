"""The calls and funding section on the hand-made world (world_sections.py), every figure counted by hand.

K1 opened on 2026-02-01: A submitted, went to eligibility check on 5 March, review on 10 March, was selected in
2027; B was rejected on 1 April 2026; the outside cluster (north, not in the programme) withdrew in February; C has
a draft; L submitted only in 2027; the demo cluster's application never counts. K2 opens in 2027.
"""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from klusterplattform.registry.models import Programme
from klusterplattform.reporting.figures import Scope, calls_funding

from .world_sections import AS_OF, build_world, grow

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def counts(section):
    return [(row.call.slug, row.counts) for row in section.calls]


def test_applications_by_status_at_the_end_of_the_day(world):
    section = calls_funding.build(Scope(programme=world.programme, as_of=AS_OF))
    assert counts(section) == [("k1", {"in_review": 1, "rejected": 1, "withdrawn": 1})]
    assert section.calls[0].received == 3


def test_an_earlier_day_has_the_earlier_statuses(world):
    section = calls_funding.build(Scope(programme=world.programme, as_of=datetime.date(2026, 3, 7)))
    assert counts(section) == [("k1", {"eligibility_check": 1, "submitted": 1, "withdrawn": 1})]
    later = calls_funding.build(Scope(programme=world.programme, as_of=datetime.date(2027, 6, 1)))
    assert [row.call.slug for row in later.calls] == ["k1", "k2"]
    assert later.calls[0].counts == {"selected": 1, "rejected": 1, "withdrawn": 1, "submitted": 1}  # L submitted


def test_a_region_counts_its_own_applicants(world):
    south = calls_funding.build(Scope(programme=world.programme, as_of=AS_OF, region_ids=frozenset({world.south.pk})))
    assert counts(south) == [("k1", {"in_review": 1, "rejected": 1})]
    north = calls_funding.build(Scope(programme=world.programme, as_of=AS_OF, region_ids=frozenset({world.north.pk})))
    assert counts(north) == [("k1", {"withdrawn": 1})]  # C's draft is not counted


def test_intentions_grouped_by_call_nearest_deadline_first(world):
    section = calls_funding.build(Scope(programme=world.programme, as_of=AS_OF))
    rows = [
        (row.call.identifier, [c.slug for c in row.clusters], row.deadline and row.deadline.at.date())
        for row in section.intentions
    ]
    assert rows == [
        ("FC2", ["beta"], datetime.date(2027, 1, 15)),  # the outside cluster's intention is not the programme's
        ("FC1", ["alfa", "beta"], datetime.date(2027, 2, 1)),  # stage 1 (2026-10-01) has passed; C only bookmarked
        ("FC3", ["gamma"], None),  # its only deadline passed
    ]


def test_intentions_before_they_were_recorded(world):
    section = calls_funding.build(Scope(programme=world.programme, as_of=datetime.date(2026, 2, 28)))
    assert section.intentions == []


def test_demo_programme(world):
    section = calls_funding.build(Scope(programme=world.demo_programme, as_of=AS_OF))
    assert section.is_demo and section.calls == []
    assert section.intentions == []  # the demo call's intention is A's, a real cluster


def test_sheets(world):
    section = calls_funding.build(Scope(programme=world.programme, as_of=AS_OF))
    (_t, columns, rows), (_t2, intention_columns, intentions) = calls_funding.sheets(section)
    assert [column.value(rows[0]) for column in columns[3:]] == [3, 0, 0, 1, 0, 0, 1, 1]
    assert [intention_columns[3].value(row) for row in intentions] == [1, 2, 1]
    assert section.totals == [0, 0, 1, 0, 0, 1, 1]


def test_query_count_does_not_grow(world, django_assert_num_queries):
    with django_assert_num_queries(QUERIES):
        calls_funding.build(Scope(programme=world.programme, as_of=AS_OF))
    grow(world)
    programme = Programme.objects.get(pk=world.programme.pk)  # a new request's programme, no cached facts
    with django_assert_num_queries(QUERIES):
        section = calls_funding.build(Scope(programme=programme, as_of=AS_OF))
    assert section.calls[0].counts["submitted"] == 8


QUERIES = 8


def test_template_lists_calls_and_intentions(world):
    section = calls_funding.build(Scope(programme=world.programme, as_of=AS_OF))
    with translation.override("en"):
        html = render_to_string("reporting/sections/calls_funding.html", {"section": section})
    assert "Call for cluster organisations" in html and "Funding call FC1" in html
    assert "2027-01-15" in html and "no deadline ahead" in html
