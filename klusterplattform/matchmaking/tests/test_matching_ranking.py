"""The ranking on a hand-made set where the right partner is known (tests/match_world.py): a cluster's own profile,
a partner-search post, Swedish text finding an English profile and the reverse, a geography wish, and member
organisations; populations (demo, unpublished, the seeker itself), score bounds, order on ties, the query count."""

import pytest
from django.utils import timezone

from klusterplattform.matchmaking.choices import DocumentKind
from klusterplattform.matchmaking.matching import documents, service
from klusterplattform.matchmaking.matching import need as needs
from klusterplattform.matchmaking.matching.ranking import rank_clusters, rank_organisations
from klusterplattform.matchmaking.matching.reasons import cluster_reasons
from klusterplattform.matchmaking.matching.scoring import ClusterScorer
from klusterplattform.matchmaking.tests.match_world import build_match_world, data_post, rebuild_index
from klusterplattform.registry.tests.factories import ClusterFactory, EcosystemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_match_world()


def ranked(need) -> list[int]:
    return [c.object_id for c in rank_clusters(need).candidates]


def members_ranked(need, visible=None) -> list[int]:
    return [c.object_id for c in rank_organisations(need, rank_clusters(need), visible).candidates]


def test_the_right_partner_for_a_clusters_own_profile_comes_first(world):
    order = ranked(needs.for_cluster(world.seeker))
    assert order[0] == world.fibre.pk
    assert order[1] == world.weave.pk  # the other textile cluster, weaker: ecosystem only, old profile


def test_the_right_partner_for_a_post_comes_first(world):
    order = ranked(needs.for_post(data_post(world)))
    assert order[0] == world.digital.pk


def test_a_posts_words_count_even_when_only_one_other_cluster_uses_them(world):
    need = needs.for_post(data_post(world))
    ranking = rank_clusters(need)
    digital = next(c for c in ranking.candidates if c.object_id == world.digital.pk)
    assert digital.components["text"] > 0.5
    assert {"data", "platform"} <= digital.matched_terms


def test_swedish_text_finds_the_english_profile(world):
    ranking = rank_clusters(needs.for_text("cirkulär textilåtervinning"))
    assert ranking.candidates[0].object_id == world.fibre.pk
    assert ranking.candidates[0].matched_terms == {"circul", "textil", "recycl"}


def test_english_text_finds_the_swedish_profile(world):
    ranking = rank_clusters(needs.for_text("food and packaging"))
    assert ranking.candidates[0].object_id == world.food.pk
    assert ranking.candidates[0].components["text"] == 1.0


def test_a_geography_wish_lifts_the_cluster_in_the_country_sought(world):
    without = ranked(needs.for_text("textile"))
    with_wish = ranked(needs.for_text("textile", countries=["DE"]))
    assert without[0] == world.fibre.pk
    assert with_wish[0] == world.weave.pk


def test_a_post_seeking_a_region_lifts_the_cluster_there(world):
    textiles = {"ecosystems": [world.ecosystems["textiles"]], "sectors": [], "technology_fields": []}
    textiles.update(title="Textile partners", seek="Textile recycling.")
    plain = rank_clusters(needs.for_post(data_post(world, **textiles))).candidates
    wish = rank_clusters(needs.for_post(data_post(world, regions=[world.regions["by"]], **textiles))).candidates
    score = {(name, c.object_id): c.score for name, ranking in (("plain", plain), ("wish", wish)) for c in ranking}
    assert score["wish", world.weave.pk] > score["plain", world.weave.pk]
    assert score["wish", world.fibre.pk] < score["plain", world.fibre.pk]
    assert [c.components["geography"] for c in wish if c.object_id == world.weave.pk] == [1.0]


def test_the_sme_member_of_the_best_cluster_comes_first_when_smes_are_sought(world):
    need = needs.for_post(data_post(world))
    order = members_ranked(need)
    assert order[0] == world.members[("digital", "sme")].pk
    assert order.index(world.members[("fibre", "sme")].pk) < order.index(world.members[("fibre", "large")].pk)


def test_members_of_the_best_cluster_lead_the_member_tab_for_a_clusters_profile(world):
    order = members_ranked(needs.for_cluster(world.seeker))
    fibre_members = {world.members[("fibre", kind)].pk for kind in ("sme", "large", "research")}
    assert set(order[:3]) == fibre_members


def test_the_member_tab_shows_a_manager_only_their_own_members(world):
    need = needs.for_post(data_post(world))
    page = service.find(world.manager, need, DocumentKind.ORGANISATION)
    own = {world.members[("seeker", kind)].pk for kind in ("sme", "large", "research")}
    assert {m.object.pk for m in page.matches} == own
    officer_page = service.find(world.officer, need, DocumentKind.ORGANISATION)
    assert officer_page.matches[0].object == world.members[("digital", "sme")]
    assert officer_page.matches[0].via_cluster == world.digital


def test_demo_clusters_never_appear_for_a_real_need_and_real_ones_never_for_a_demo_need(world):
    for need in (needs.for_cluster(world.seeker), needs.for_text("circular textile recycling")):
        assert world.demo_twin.pk not in ranked(need)
    assert ranked(needs.for_text("circular textile recycling", is_demo=True)) == [world.demo_twin.pk]
    assert ranked(needs.for_cluster(world.demo_twin)) == []  # the only demo cluster does not match itself


def test_unpublished_clusters_never_appear(world):
    for need in (needs.for_cluster(world.seeker), needs.for_text("Circular textile recycling at industrial scale")):
        assert world.hidden_twin.pk not in ranked(need)


def test_the_seeker_never_matches_itself(world):
    assert world.seeker.pk not in ranked(needs.for_cluster(world.seeker))
    assert world.seeker.pk not in ranked(needs.for_post(data_post(world)))
    assert world.seeker.pk in ranked(needs.for_text("mode"))  # a described need has no seeker


def test_every_real_published_cluster_but_the_seeker_is_ranked(world):
    expected = {world.clusters[k].pk for k in ("fibre", "weave", "digital", "food", "mobility", "health")}
    assert set(ranked(needs.for_cluster(world.seeker))) == expected


@pytest.mark.parametrize("text", ["", "cirkulär textilåtervinning", "textile " * 300, "zzz qqq"], ids=range(4))
def test_scores_stay_between_0_and_100(world, text):
    for need in (needs.for_text(text, countries=["DE"]), needs.for_cluster(world.seeker)):
        ranking = rank_clusters(need)
        organisations = rank_organisations(need, ranking)
        for candidate in [*ranking.candidates, *organisations.candidates]:
            assert 0 <= candidate.score <= 100
            assert all(0 <= value <= 1 for value in candidate.components.values())


def test_ties_are_ordered_by_id_the_same_every_time(world):
    need = needs.for_text("zzz")  # no text match: several clusters tie
    first = rank_clusters(need).candidates
    scores = [c.score for c in first]
    assert len(set(scores)) < len(scores)
    assert [(c.score, c.object_id) for c in first] == sorted(((c.score, c.object_id) for c in first), key=_order)
    assert [c.object_id for c in first] == [c.object_id for c in rank_clusters(need).candidates]


def _order(pair):
    return (-pair[0], pair[1])


def test_a_ranking_keeps_the_candidates_a_user_can_page_through_and_counts_them_all(world, monkeypatch):
    from klusterplattform.matchmaking.matching import ranking as ranking_module

    assert ranking_module.SHOWN >= service.MAX_PAGE * service.PER_PAGE
    need = needs.for_cluster(world.seeker)
    full = rank_clusters(need)
    monkeypatch.setattr(ranking_module, "SHOWN", 2)
    kept = rank_clusters(need)
    assert [c.object_id for c in kept.candidates] == [c.object_id for c in full.candidates[:2]]
    assert kept.total == full.total == 6
    assert kept.scores == {c.object_id: c.score for c in full.candidates}
    members = rank_organisations(need, kept)  # member scores come from every cluster's score, not only those kept
    assert [c.score for c in members.candidates][:2] == [c.score for c in rank_organisations(need, full).candidates][:2]


def test_the_short_way_for_clusters_that_share_nothing_gives_the_same_values(world):
    rows = documents.population(DocumentKind.CLUSTER, False)
    every_token = frozenset().union(*(row[3] for row in rows))
    wish = {"regions": [world.regions["by"]], "countries_sought": ["NL"]}
    for need in (needs.for_cluster(world.seeker), needs.for_post(data_post(world, **wish)), needs.for_text("x")):
        labels = {world.fibre.pk: "gold"}
        short, long = (ClusterScorer(need, timezone.localdate(), labels, {}) for _ in range(2))
        long.relevant = every_token  # never disjoint: always the long way
        assert [short.values(row) for row in rows] == [long.values(row) for row in rows]


def test_the_vectorised_points_are_the_scorers_points_on_every_cluster(world):
    from klusterplattform.matchmaking.matching import vector

    rows = documents.population(DocumentKind.CLUSTER, False)
    wish = {"regions": [world.regions["by"]], "countries_sought": ["NL"]}
    cases = (needs.for_cluster(world.seeker), needs.for_post(data_post(world, **wish)), needs.for_text("textile"))
    for need in cases:
        labels = {world.fibre.pk: "gold", world.weave.pk: "bronze"}
        text_share = {rows[0][0]: 0.37, rows[-1][0]: 1.0}
        scorer = ClusterScorer(need, timezone.localdate(), labels, text_share)
        assert vector.cluster_points(scorer, rows).tolist() == [scorer.points(scorer.values(row)) for row in rows]


def test_an_empty_index_ranks_nothing_and_does_not_fail():
    ranking = rank_clusters(needs.for_text("textile"))
    assert list(ranking.candidates) == []
    assert ranking.total == 0


def _page_queries(need):
    ranking = rank_clusters(need)
    cluster_reasons(need, ranking, ranking.candidates[:20])


# rank_clusters: the index's version (the documents, the unpublished clusters and the index state are kept per
# process while it is unchanged), term statistics, postings, labels in force (4); reasons: ecosystem, sector and
# technology names, region names, the regions' S3 ecosystems, the profiles (6).
PINNED = 10
AFTER_A_CHANGE = 3  # the first ranking after an index change reads the documents, unpublished clusters and state


def test_query_count_of_a_ranked_page_with_reasons_is_pinned_and_does_not_grow(world, django_assert_num_queries):
    need = needs.for_post(data_post(world))
    _page_queries(need)  # the first ranking after a change reads what is kept per process
    with django_assert_num_queries(PINNED):
        _page_queries(need)
    textiles = world.ecosystems["textiles"]
    for n in range(12):
        ClusterFactory(
            name=f"Extra textile cluster {n}",
            strengths="Circular textile recycling and fibre sorting.",
            regions=[world.regions["sk"]],
            ecosystems=[textiles, EcosystemFactory(code=f"extra-{n}")],
        )
    rebuild_index()
    with django_assert_num_queries(PINNED + AFTER_A_CHANGE):
        _page_queries(need)
    with django_assert_num_queries(PINNED):
        _page_queries(need)
