"""The labels section on the hand-made world (world_population.py), counted by hand from its docstring."""

import datetime

import pytest
from django.utils import translation

from klusterplattform.reporting.figures import labels
from klusterplattform.reporting.tests import world_population

D = datetime.date


@pytest.fixture
def world(db):
    return world_population.build()


def build(world, as_of, **kwargs):
    return labels.build(world_population.scope(world, as_of, **kwargs))


def held(section):
    return {row.level: row.clusters for row in section.held}


def changes(section):
    return [(month.month, [(i.kind, i.level, i.clusters) for i in month.transitions]) for month in section.months]


def test_labels_held_on_a_day(world):
    section = build(world, D(2021, 6, 15))
    # A: its renewal (from 2021-03-11); B: Bronze to 2021-12-05; C: Bronze. W withdrawn, X demo.
    assert held(section) == {"gold": 0, "silver": 0, "bronze": 3}
    assert section.without_label == 0


def test_between_a_first_label_and_its_renewal_nothing_is_lost(world):
    # 2021-03-10 is A's first Bronze's last day, 2021-03-11 its renewal's first: A holds Bronze on both days.
    assert held(build(world, D(2021, 3, 10)))["bronze"] == 3
    assert held(build(world, D(2021, 3, 11)))["bronze"] == 3


def test_a_cluster_holding_two_labels_counts_at_its_highest_level(world):
    section = build(world, D(2021, 11, 25))  # B holds Bronze (to 2021-12-05) and Silver (from 2021-11-20)
    assert held(section) == {"gold": 0, "silver": 1, "bronze": 2}


def test_before_any_label_every_cluster_is_without(world):
    section = build(world, D(2019, 1, 1))  # A and B selected; no label assessed yet
    assert held(section) == {"gold": 0, "silver": 0, "bronze": 0}
    assert section.without_label == 2
    assert section.months == ()


def test_transitions_grouped_by_month(world):
    section = build(world, D(2022, 1, 15))
    assert changes(section) == [
        (D(2021, 11, 1), [("up", "silver", 1)]),  # B reached Silver
        (D(2021, 2, 1), [("first", "bronze", 1), ("renewed", "bronze", 1)]),  # C first Bronze, A renewed Bronze
        (D(2019, 12, 1), [("first", "bronze", 1)]),  # B
        (D(2019, 3, 1), [("first", "bronze", 1)]),  # A
    ]


def test_transitions_after_the_day_are_not_shown(world):
    section = build(world, D(2021, 6, 15))
    assert [month for month, _items in changes(section)] == [D(2021, 2, 1), D(2019, 12, 1), D(2019, 3, 1)]


def test_transition_sentence_in_english(world):
    section = build(world, D(2022, 1, 15))
    with translation.override("en"):
        february = section.months[1]
        assert february.text == "1 cluster got a first Bronze label, 1 cluster renewed Bronze"
        assert february.month_name == "February 2021"
        assert section.months[0].text == "1 cluster reached Silver"


def test_transition_kinds():
    label = labels.Label(level="silver", renews_id=None)
    assert labels.transition_kind(label, None) == "first"
    assert labels.transition_kind(label, "bronze") == "up"
    assert labels.transition_kind(label, "silver") == "renewed"
    assert labels.transition_kind(label, "gold") == "lower"
    assert labels.transition_kind(labels.Label(level="bronze", renews_id=1), "silver") == "renewed"


def test_upcoming_expiries_within_180_days(world):
    section = build(world, D(2021, 6, 15))
    # B's Bronze ends 2021-12-05: 173 days later. A's renewal (2024) and C's Bronze (2023) are far off.
    assert [(row.cluster_name, row.level, row.valid_until, row.days_left) for row in section.expiries] == [
        ("Kluster B", "bronze", D(2021, 12, 5), 173)
    ]


def test_a_renewed_label_is_not_an_upcoming_expiry(world):
    section = build(world, D(2021, 2, 20))  # A's first Bronze ends 2021-03-10 but was renewed on 2021-02-15
    assert [row.cluster_name for row in section.expiries] == []


def test_a_label_not_yet_renewed_on_the_day_is_an_upcoming_expiry(world):
    section = build(world, D(2021, 2, 1))  # the renewal is assessed on 2021-02-15, after this day
    assert [(row.cluster_name, row.days_left) for row in section.expiries] == [("Kluster A", 37)]


def test_regional_scope_and_demo_programme(world):
    assert held(build(world, D(2021, 11, 25), region_codes=["12"])) == {"gold": 0, "silver": 1, "bronze": 1}
    demo = build(world, D(2021, 6, 15), programme="demo_programme")
    assert held(demo) == {"gold": 1, "silver": 0, "bronze": 0}  # X's demo Gold; A (real) not counted
    assert demo.clusters == 1


def test_sheets_hold_the_same_rows(world):
    section = build(world, D(2022, 1, 15))
    sheets = labels.sheets(section)
    change_rows = sheets[1][2]
    assert len(change_rows) == 5
    with translation.override("en"):
        assert [column.value(change_rows[0]) for column in sheets[1][1]][2:] == ["Silver", 1]
