"""The benchmark report: figures per indicator and area, disclosure control, own value excluded, previous
assessment, provisional and draft assessments, demo separation, and its query count (benchmark/report.py)."""

import datetime

import pytest
from django.utils import translation

from klusterplattform.excellence import peers
from klusterplattform.excellence.benchmark import build_report, build_reports
from klusterplattform.excellence.models import Assessment
from klusterplattform.excellence.tests.benchmark_world import assessment, numeric_catalogue, population
from klusterplattform.registry.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db

PEERS_N1 = [10, 20, 30, 40, 50]  # N2 of the peers: 0, 10, 20, 30, 40; Y1 yes


@pytest.fixture(autouse=True)
def english():
    """Messages and group names are compared in English (Swedish is the default language)."""
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue():
    return numeric_catalogue()


def benchmarked(catalogue, values, peer_values=PEERS_N1, **kwargs):
    population(catalogue, peer_values)
    mine = assessment(catalogue, values, **kwargs)
    peers.rebuild_all()
    return Assessment.objects.select_related("cluster", "round").get(pk=mine.pk)


def by_code(report):
    return {r.indicator.code: r for r in report.indicators}


def test_the_cluster_is_placed_among_its_peers_without_its_own_value(catalogue):
    report = build_report(benchmarked(catalogue, {"N1": 30, "N2": 15, "Y1": True}))
    n1 = by_code(report)["N1"]
    # stored: 10 20 30 30 40 50; without the own 30: 10 20 30 40 50 → 2 below, 1 equal → 50
    assert (n1.standing.n, n1.standing.median, n1.standing.q1, n1.standing.q3) == (5, 30.0, 20.0, 40.0)
    assert (n1.standing.rank, n1.position) == (50.0, 50.0)
    assert report.peer_count == 5 and report.shown


def test_lower_is_better_indicators_are_judged_by_the_turned_rank(catalogue):
    report = build_report(benchmarked(catalogue, {"N1": 30, "N2": 15, "Y1": True}))
    n2 = by_code(report)["N2"]
    assert (n2.standing.rank, n2.position) == (40.0, 60.0)


def test_indicators_with_fewer_than_five_peer_answers_have_no_distribution(catalogue):
    report = build_report(benchmarked(catalogue, {"N1": 30, "N3": 50}))
    n3 = by_code(report)["N3"]
    assert n3.standing.n == 0 and not n3.standing.has_distribution and n3.position is None
    assert "T1" not in by_code(report)  # text answers are not benchmarked


def test_a_group_of_four_other_organisations_is_not_shown_and_five_are(catalogue):
    small = build_report(benchmarked(catalogue, {"N1": 30}, peer_values=[10, 20, 30, 40]))
    assert not small.shown and small.peer_count == 4 and small.indicators == []
    assert "fewer than 5" in small.message
    population(catalogue, [60])
    peers.rebuild_all()
    assert build_report(small.assessment).shown


def test_area_scores_overall_strengths_and_weaknesses(catalogue):
    report = build_report(benchmarked(catalogue, {"N1": 30, "N2": 15, "Y1": True}))
    scores = {area.code: area.score for area in report.areas}
    assert scores == {"structure": 50.0, "governance": 50.0, "financing": 60.0}
    assert report.overall == pytest.approx((50 + 60 + 50) / 3)
    # three judged indicators: one strength and one weakness, never the same one
    assert [r.indicator.code for r in report.strengths] == ["N2"]
    assert [r.indicator.code for r in report.weaknesses] == ["N1"]


def test_weaknesses_are_the_lowest_positions_and_recommendations_follow_the_weakest_area(catalogue):
    report = build_report(benchmarked(catalogue, {"N1": 10, "N2": 45, "Y1": True}))
    assert by_code(report)["N1"].position == 10.0  # 10 among 10 20 30 40 50: half a tie of 5
    assert report.recommendations[0].area == "financing"  # N2 = 45 is worst of all: position 0
    assert [r.area for r in report.recommendations] == ["financing", "structure"]


def test_comparison_with_the_previous_assessment_follows_the_lineage_across_catalogue_versions(catalogue):
    cluster = ClusterFactory()
    assessment(catalogue, {"N1": 10, "N2": 40}, cluster=cluster, assessed_on=datetime.date(2024, 9, 1))
    newer_catalogue = numeric_catalogue("bm-2", previous=catalogue)
    report = build_report(benchmarked(newer_catalogue, {"N1": 30, "N2": 15}, cluster=cluster))
    n1 = by_code(report)["N1"]
    assert report.previous is not None and report.previous.assessed_on == datetime.date(2024, 9, 1)
    assert (n1.previous_value, n1.value_change) == (10.0, 20.0)
    assert (n1.previous_position, n1.position_change) == (10.0, 40.0)
    structure = next(a for a in report.areas if a.code == "structure")
    assert structure.score_change == 40.0


def test_a_submitted_assessment_is_provisional_and_not_compared_with_its_own_earlier_one(catalogue):
    cluster = ClusterFactory()
    assessment(catalogue, {"N1": 10}, cluster=cluster, assessed_on=datetime.date(2024, 9, 1))
    report = build_report(benchmarked(catalogue, {"N1": 30}, cluster=cluster, status="submitted"))
    n1 = by_code(report)["N1"]
    assert report.provisional and report.available
    assert report.peer_count == 5 and n1.standing.n == 5  # the cluster's 2024 value left the peers
    assert report.previous is not None and n1.previous_value == 10.0


@pytest.mark.parametrize("status", ["draft", "returned"])
def test_drafts_and_returned_assessments_have_no_benchmark(catalogue, status):
    report = build_report(benchmarked(catalogue, {"N1": 30}, status=status))
    assert not report.available and not report.shown
    assert "no benchmark" in report.message


def test_a_real_assessment_never_sees_demo_peers(catalogue):
    population(catalogue, [1000, 2000, 3000, 4000, 5000, 6000], is_demo=True)
    report = build_report(benchmarked(catalogue, {"N1": 30}))
    assert by_code(report)["N1"].standing.high == 50.0
    assert report.peer_count == 5
    assert report.source == "validated self-assessments on Klusterplattform"


def test_a_demo_assessment_is_benchmarked_against_the_demo_population_and_says_so(catalogue):
    population(catalogue, [1000, 2000, 3000, 4000, 5000], is_demo=True)
    report = build_report(benchmarked(catalogue, {"N1": 30}, is_demo=True))
    assert by_code(report)["N1"].standing.median == 3000.0
    assert report.source == "a fictional demo population"


def test_a_group_the_cluster_is_not_in_shows_nothing_and_a_malformed_key_is_refused(catalogue):
    mine = benchmarked(catalogue, {"N1": 30})
    report = build_report(mine, "ecosystem:not-mine")
    assert report.available and not report.shown and report.indicators == []
    with pytest.raises(ValueError):
        build_report(mine, "bogus")


def test_groups_are_listed_in_words_with_their_sizes(catalogue):
    report = build_report(benchmarked(catalogue, {"N1": 30}))
    assert [(g.key, g.label, g.peer_count) for g in report.groups] == [
        ("all", "All organisations", 5),
        ("country:SE", "Same country: Sweden", 5),
        ("size:m", "Same size class: 50–149 participants", 5),
    ]


def test_one_report_takes_a_fixed_handful_of_queries(catalogue, django_assert_max_num_queries):
    mine = benchmarked(catalogue, {"N1": 30, "N2": 15, "Y1": True})
    with django_assert_max_num_queries(9):
        report = build_report(mine)
    assert len(report.indicators) == 4


def test_many_reports_take_the_same_queries_as_one(catalogue, django_assert_max_num_queries):
    population(catalogue, PEERS_N1)
    many = [assessment(catalogue, {"N1": v}) for v in (15, 25, 35)]
    peers.rebuild_all()
    fetched = list(Assessment.objects.filter(pk__in=[a.pk for a in many]))  # clusters not joined on purpose
    with django_assert_max_num_queries(10):
        reports = build_reports(fetched, "all")
    assert [by_code(r)["N1"].standing.n for r in reports] == [7, 7, 7]


def test_a_submitted_assessment_gets_the_size_group_its_members_give_before_validation_freezes_it(catalogue):
    population(catalogue, PEERS_N1, size_class="s")
    submitted = assessment(catalogue, {"N1": 30}, status="submitted", size_class="")
    peers.rebuild_all()
    report = build_report(submitted, "size:s")  # no members in the registry: fewer than 50
    assert report.shown and report.peer_count == 5
