"""The needs analysis computed by hand (see needs_world.py for the table): counts below the median and in the
bottom quartile, the gap, the ranking rule, areas, focus areas, stated needs, demo separation, disclosure control
and a query count that does not grow with the clusters."""

import pytest
from django.utils import translation

from klusterplattform.activities.needs import access, analysis
from klusterplattform.activities.tests.needs_world import EXPECTED_RANKING, World
from klusterplattform.excellence.tests.benchmark_world import assessment
from klusterplattform.registry.models import ProgrammeParticipation
from klusterplattform.registry.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def analyse(world, user_key="officer"):
    user = world.users[user_key]
    rounds = analysis.rounds_of(world.programme)
    round = analysis.choose_round(rounds, None)
    return analysis.analyse(world.programme, round, access.audience(user, world.programme), rounds)


def by_code(result):
    return {need.code: need for need in result.indicators}


def test_needs_are_ranked_by_bottom_quartile_then_below_median_then_gap():
    result = analyse(World())
    assert [need.code for need in result.ranking] == EXPECTED_RANKING
    assert [need.rank for need in result.ranking] == [1, 2, 3, 4, 5]


def test_counts_below_the_median_and_in_the_bottom_quartile_are_direction_adjusted():
    needs = by_code(analyse(World()))
    counts = {code: (n.judged_count, n.below_count, n.bottom_count) for code, n in needs.items()}
    assert counts["H1"] == (5, 3, 3)
    assert counts["H2"] == (5, 3, 1)
    assert counts["H3"] == (5, 2, 2)
    assert counts["L1"] == (5, 2, 2)  # lower is better: 95 and 85 are the worst
    assert counts["H4"] == (5, 0, 0)  # 55 ranks exactly 50: not below the median
    assert [p.name for p in needs["L1"].bottom_quartile] == ["Kluster C1", "Kluster C2"]
    assert needs["H1"].below_share == pytest.approx(60.0) and needs["H2"].bottom_share == pytest.approx(20.0)


def test_the_gap_compares_the_programme_median_with_the_peers_median():
    needs = by_code(analyse(World()))
    assert needs["H3"].programme_median == 65 and needs["H3"].peer_median == 55 and needs["H3"].gap == 10
    assert needs["L1"].programme_median == 35 and needs["L1"].gap == 20  # lower is better: 55 − 35
    assert needs["H1"].gap == 25 - 55


def test_neutral_indicators_are_shown_but_not_ranked():
    result = analyse(World())
    assert [n.code for n in result.neutral] == ["N1"]
    assert "N1" not in [n.code for n in result.ranking]
    assert by_code(result)["N1"].programme_median == 25 and by_code(result)["N1"].judged_count == 0


def test_area_positions_are_the_mean_of_the_area_indicators():
    areas = {need.code: need for need in analyse(World()).areas}
    structure = areas["structure"]
    assert sorted(round(p.position, 1) for p in structure.positions) == [20.0, 33.3, 43.3, 73.3, 90.0]
    assert (structure.below_count, structure.bottom_count) == (3, 1)
    assert structure.gap == pytest.approx(43.333 - 50, abs=0.01)


def test_submitted_assessments_are_not_counted():
    result = analyse(World())
    assert result.cluster_count == 5 and "Kluster C6 real" not in [c[1] for c in result.clusters]


def test_focus_areas_collect_their_needs_and_score_the_mean_share_below_the_median():
    focus = {f.focus_area.code: f for f in analyse(World()).focus}
    assert [n.code for n in focus["lead"].needs] == ["H1", "H3"]  # N1 is neutral: not a need
    assert focus["lead"].score == pytest.approx((60 + 40) / 2)
    assert focus["fin"].score == pytest.approx(40.0)
    assert focus["empty"].score is None and focus["empty"].needs == []
    assert focus["lead"].themes == ["Leading without a mandate", "Board work"]


def test_stated_priorities_are_averaged_per_focus_area_and_texts_are_for_officers():
    world = World()
    world.state("C1", {"lead": 5, "fin": 3}, text="Mentoring for the board")
    world.state("C2", {"lead": 4})
    officer = {f.focus_area.code: f for f in analyse(world).focus}
    assert (officer["lead"].stated_mean, officer["lead"].stated_count) == (4.5, 2)
    assert (officer["fin"].stated_mean, officer["fin"].stated_count) == (3.0, 1)
    assert [(t.cluster_name, t.text) for t in analyse(world).stated_texts] == [
        ("Kluster C1", "Mentoring for the board")
    ]
    assert analyse(world, "manager").stated_texts == []
    assert analyse(world, "regional").stated_texts == []


def test_a_cluster_manager_gets_their_own_positions_and_no_names():
    result = analyse(World(), "manager")
    assert not result.audience.drill_down
    assert [c[1] for c in result.own_clusters] == ["Kluster C1"]
    assert [p.position for p in by_code(result)["H1"].own] == [0.0]


def test_small_groups_hide_the_aggregate_from_everyone_but_officers():
    world = World(clusters=4)
    assert analyse(world).aggregate_shown and analyse(world).small_group
    assert not analyse(world, "manager").aggregate_shown
    assert not analyse(world, "regional").aggregate_shown


def test_a_demo_programme_uses_the_demo_population_and_a_real_one_never_does():
    demo = World(is_demo=True)
    result = analyse(demo)
    assert result.is_demo and [n.code for n in result.ranking] == EXPECTED_RANKING
    # A demo assessment in a real programme's round is not counted.
    real = World()
    stray = ClusterFactory(name="Demo stray", is_demo=True)
    ProgrammeParticipation.objects.create(programme=real.programme, cluster=stray)
    assessment(real.catalogue, {"H1": 5}, cluster=stray, round=real.round, is_demo=True)
    assert analyse(real).cluster_count == 5


def test_no_round_gives_an_empty_analysis():
    world = World()
    world.round.assessments.all().delete()
    result = analyse(world)
    assert result.round is None and result.ranking == [] and not result.aggregate_shown


def test_queries_do_not_grow_with_the_number_of_clusters(django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    world = World(clusters=3)
    world.state("C2", {"lead": 2})
    analyse(world)  # the user's grants and the programme's participants are cached after the first call
    with CaptureQueriesContext(connection) as small:
        analyse(world)
    for index in range(6):
        cluster = ClusterFactory(name=f"Extra {index}")
        ProgrammeParticipation.objects.create(programme=world.programme, cluster=cluster)
        assessment(world.catalogue, {"H1": 45, "L1": 5}, cluster=cluster, round=world.round)
    world.state("C1", {"lead": 2}, text="More")
    with CaptureQueriesContext(connection) as large:
        analyse(world)
    assert len(large.captured_queries) == len(small.captured_queries)
    with django_assert_max_num_queries(len(small.captured_queries)):
        analyse(world)
