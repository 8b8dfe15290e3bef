"""The population section on the hand-made world (world_population.py): every expected number is counted by hand
from the table in that module's docstring."""

import datetime

import pytest

from klusterplattform.reporting.figures import population
from klusterplattform.reporting.tests import world_population

D = datetime.date
T_BEFORE_LEAVE = D(2021, 6, 15)  # o4 still a member of A; C selected; o8 not yet joined
T_AFTER_LEAVE = D(2021, 7, 15)  # o4 left A on 2021-06-30
T_BEFORE_C = D(2020, 3, 1)  # C not yet selected (2020-06-01)
T_AFTER_JOIN = D(2022, 3, 1)  # o8 joined B on 2022-02-01


@pytest.fixture
def world(db):
    return world_population.build()


def build(world, as_of, **kwargs):
    return population.build(world_population.scope(world, as_of, **kwargs))


def by_code(rows, field):
    return {row.code: getattr(row, field) for row in rows}


def test_totals_before_a_member_leaves(world):
    section = build(world, T_BEFORE_LEAVE)
    # A, B, C (W withdrawn, X demo). Organisations o1 o2 o3 o4 o5 o6 o7 o9 o10; members o1 o2 o3 o4 o6 o9 o10.
    assert (section.clusters, section.organisations, section.members) == (3, 9, 7)
    assert section.participants_only == 2  # o5, o7


def test_an_organisation_in_two_clusters_counts_once(world):
    section = build(world, T_BEFORE_LEAVE)
    # o1 (A and B) and o3 (B and C) would make 12 memberships count as 12; they are 9 organisations.
    assert section.organisations == 9


def test_totals_after_a_member_left(world):
    section = build(world, T_AFTER_LEAVE)
    assert (section.clusters, section.organisations, section.members) == (3, 8, 6)
    assert by_code(section.by_type, "organisations")["large_company"] == 0


def test_a_cluster_selected_later_is_not_counted_before_its_selection(world):
    section = build(world, T_BEFORE_C)
    # A and B: o1 o2 o3 o4 o5 o6; members o1 o2 o3 o4 o6 (o7 joins 2021).
    assert (section.clusters, section.organisations, section.members) == (2, 6, 5)


def test_a_participant_who_joined_later_counts_from_the_day_they_joined(world):
    section = build(world, T_AFTER_JOIN)
    # o4 gone, o8 (participant of B) in: o1 o2 o3 o5 o6 o7 o8 o9 o10; members o1 o2 o3 o6 o9 o10.
    assert (section.organisations, section.members) == (9, 6)
    assert by_code(section.by_size, "organisations")["small"] == 2  # o2 and o8


def test_by_type_and_sme_share(world):
    section = build(world, T_BEFORE_LEAVE)
    assert by_code(section.by_type, "organisations") == {
        "sme": 4,  # o1 o2 o3 o10
        "large_company": 1,  # o4
        "research": 1,  # o5
        "education": 1,  # o6
        "public_body": 1,  # o7
        "other": 1,  # o9
    }
    assert by_code(section.by_type, "members") == {
        "sme": 4,
        "large_company": 1,
        "research": 0,
        "education": 1,
        "public_body": 0,
        "other": 1,
    }
    assert section.sme_share == 44.4  # 4 of 9


def test_by_size_class(world):
    section = build(world, T_BEFORE_LEAVE)
    assert by_code(section.by_size, "organisations") == {
        "micro": 2,  # o1 o10
        "small": 1,  # o2
        "medium": 1,  # o3
        "large": 1,  # o4
        "unknown": 4,  # o5 o6 o7 o9
    }
    assert by_code(section.by_size, "members") == {"micro": 2, "small": 1, "medium": 1, "large": 1, "unknown": 2}


def test_clusters_by_region_and_ecosystem(world):
    section = build(world, T_BEFORE_LEAVE)
    assert by_code(section.by_region, "clusters") == {"01": 1, "12": 2, "25": 1}  # C is in 12 and 25
    assert by_code(section.by_ecosystem, "clusters") == {"digital": 2, "energy": 2}  # A B; B C


def test_change_over_time_from_membership_history(world):
    section = build(world, T_BEFORE_LEAVE)
    assert [(p.day, p.organisations, p.members) for p in section.trend] == [
        (D(2016, 12, 31), 0, 0),  # no cluster selected yet
        (D(2017, 12, 31), 0, 0),
        (D(2018, 12, 31), 5, 4),  # A: o1 o4 o5; B: o3 o6 (o1 joins B in 2019)
        (D(2019, 12, 31), 6, 5),  # + o2 in A (2019-03)
        (D(2020, 12, 31), 8, 7),  # + C (selected 2020-06): o9 o10 (o3 already counted)
        (D(2021, 6, 15), 9, 7),  # + o7 (participant, 2021-01)
    ]


def test_regional_officer_scope_sees_only_their_region(world):
    section = build(world, T_BEFORE_LEAVE, region_codes=["12"])
    # B and C (W withdrawn): o1 o3 o6 (B), o3 o9 o10 (C); members o3 o6 o9 o10 (o1 is a participant of B).
    assert (section.clusters, section.organisations, section.members) == (2, 5, 4)
    assert by_code(section.by_region, "clusters") == {"12": 2}


def test_demo_programme_counts_only_demo_clusters_and_organisations(world):
    section = build(world, T_BEFORE_LEAVE, programme="demo_programme")
    # X only (A is real): d1.
    assert (section.clusters, section.organisations, section.members) == (1, 1, 1)
    assert section.is_demo


def test_real_programme_never_counts_the_demo_cluster(world):
    section = build(world, T_BEFORE_LEAVE)
    assert world["clusters"]["x"].pk not in population.scoped_cluster_ids(world_population.scope(world, T_BEFORE_LEAVE))
    assert not section.is_demo


def test_empty_programme_has_zeros_and_no_sme_share(db):
    from klusterplattform.registry.tests.factories import ProgrammeFactory

    programme = ProgrammeFactory(slug="empty")
    from klusterplattform.reporting.figures import Scope

    section = population.build(Scope(programme=programme, as_of=D(2021, 1, 1)))
    assert (section.clusters, section.organisations, section.members, section.sme_share) == (0, 0, 0, None)
    assert all(point.organisations == 0 for point in section.trend)


def test_sheets_hold_the_same_figures(world):
    section = build(world, T_BEFORE_LEAVE)
    sheets = population.sheets(section)
    titles = [str(title) for title, _columns, _rows in sheets]
    assert len(titles) == 6
    by_type = next(rows for title, _columns, rows in sheets if rows is section.by_type)
    columns = next(columns for _title, columns, rows in sheets if rows is section.by_type)
    assert [[column.value(row) for column in columns][1:] for row in by_type][0] == [4, 4]  # SMEs: 4 and 4
