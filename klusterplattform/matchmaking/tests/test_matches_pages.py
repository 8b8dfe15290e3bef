"""The match page: sign-in required; a cluster, a post or a described need as the subject (404 for one the user
cannot see); cluster organisations first, member organisations as a second tab limited to what the user may see;
demo and real never mixed; the score and reasons as text; bad input; paging; links from the post and cluster pages;
a pinned query count that does not grow with the number of clusters."""

import pytest
from django.test import RequestFactory

from klusterplattform.matchmaking.match_links import cluster_links
from klusterplattform.matchmaking.tests.matches_world import TEXTILE_NEED, build_match_world, rebuild_index
from klusterplattform.matchmaking.tests.world import make_post
from klusterplattform.registry.tests.factories import ClusterFactory, UserFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
URL = "/en/matchning/"


@pytest.fixture
def world():
    return build_match_world()


def page(client, user, status=200, **params):
    if user is not None:
        client.force_login(user)
    response = client.get(URL, params, **EN)
    assert response.status_code == status
    return response


def names(response) -> list[str]:
    return [row.match.object.name for row in response.context["page"].items]


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(URL, {"post": world.post.pk}, **EN)
    assert response.status_code == 302
    assert "/logga-in/" in response["Location"]


def test_without_a_need_the_page_asks_for_one(client, world):
    response = page(client, world.outsider)
    assert response.context["subject"] is None
    assert "Describe what you need" in response.content.decode()


def test_a_post_lists_the_expected_cluster_first_with_its_reasons(client, world):
    response = page(client, world.manager_a, post=world.post.pk)
    assert names(response)[0] == world.cluster_b.name
    first = response.context["page"].items[0]
    assert {"sought_e", "text_strength"} <= {reason.code for reason in first.match.reasons}
    html = response.content.decode()
    assert f"{first.score} of 100" in html
    assert "+31.4 points" in html  # each reason with the points it adds, as text
    shown = set(names(response))
    assert world.cluster_a.name not in shown  # the seeker itself
    assert world.demo_cluster.name not in shown and world.hidden_cluster.name not in shown


def test_every_signed_in_persona_may_ask_about_a_public_post(client, world):
    for user in (world.manager_a, world.manager_b, world.outsider, world.officer):
        assert names(page(client, user, post=world.post.pk))[0] == world.cluster_b.name


def test_a_post_or_cluster_the_user_cannot_see_is_not_found(client, world):
    closed = make_post(world.cluster_a, title="Closed", closed=True)
    page(client, world.manager_a, post=closed.pk)  # its own cluster's manager sees the closed post
    page(client, world.officer, post=closed.pk)
    page(client, world.manager_b, 404, post=closed.pk)
    page(client, world.outsider, 404, post=closed.pk)
    page(client, world.outsider, 404, cluster=world.hidden_cluster.slug)
    page(client, world.officer, cluster=world.hidden_cluster.slug)
    for bad in ({"post": "abc"}, {"post": "99999999"}, {"post": "0"}, {"cluster": "no-such-cluster"}):
        page(client, world.outsider, 404, **bad)
    page(client, world.outsider, 404, cluster="ogiltig slug!")


def test_a_cluster_is_matched_against_the_other_clusters(client, world):
    response = page(client, world.manager_b, cluster=world.cluster_a.slug)
    assert names(response)[0] == world.cluster_b.name
    assert world.cluster_a.name not in names(response)
    assert "Both in Textiles" in response.content.decode()


def test_a_described_need_ranks_real_clusters_only(client, world):
    response = page(client, world.outsider, q=TEXTILE_NEED)
    assert names(response)[0] == world.cluster_b.name
    assert world.demo_cluster.name not in names(response)
    assert not response.context["subject"].demo


def test_the_demo_switch_shows_demo_clusters_only_with_a_notice(client, world):
    response = page(client, world.outsider, q=TEXTILE_NEED, demo="on")
    assert names(response) == [world.demo_cluster.name]
    assert "never mixed with real ones" in response.content.decode()
    members = page(client, world.officer, q=TEXTILE_NEED, demo="on", tab="organisations")
    assert names(members) == [world.demo_organisation.name]


def test_a_demo_clusters_own_matches_stay_in_the_demo_data(client, world):
    other_demo = ClusterFactory(name="Second Demo Cluster", is_demo=True, ecosystems=[world.textiles])
    rebuild_index()
    response = page(client, world.officer, cluster=world.demo_cluster.slug)
    assert names(response) == [other_demo.name]


def test_the_country_filter_adds_geography_to_a_described_need(client, world):
    response = page(client, world.outsider, q=TEXTILE_NEED, country="SE")
    first = response.context["page"].items[0]
    assert "geography" in first.match.components
    assert response.context["subject"].countries == ["SE"]


def test_bad_input_gets_a_clear_error_and_no_results(client, world):
    for params in ({"q": "a"}, {"q": "x" * 501}, {"q": TEXTILE_NEED, "cluster": world.cluster_b.slug}):
        response = page(client, world.outsider, **params)
        assert response.context["form"].errors
        assert response.context["subject"] is None
        assert "There is a problem" in response.content.decode()
    response = page(client, world.outsider, q=TEXTILE_NEED, country="XX")
    assert "country" in response.context["form"].errors


def test_user_text_is_escaped(client, world):
    response = page(client, world.outsider, q="<script>alert(1)</script> fibre")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_tabs_are_real_links_and_mark_the_current_one(client, world):
    response = page(client, world.outsider, post=world.post.pk)
    html = response.content.decode()
    assert f'href="/en/matchning/?post={world.post.pk}" aria-current="page"' in html
    assert f'href="/en/matchning/?post={world.post.pk}&amp;tab=organisations">' in html
    response = page(client, world.outsider, post=world.post.pk, tab="organisations")
    assert (
        f'href="/en/matchning/?post={world.post.pk}&amp;tab=organisations" aria-current="page"'
        in response.content.decode()
    )


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("manager_a", {"Alfa Fibre AB", "Bravo Sorting AB"}),
        ("manager_b", {"Bravo Sorting AB"}),
        ("officer", {"Alfa Fibre AB", "Bravo Sorting AB", "Charlie Cells AB"}),
    ],
    ids=["manager_a", "manager_b", "officer"],
)
def test_the_member_tab_shows_only_the_organisations_the_user_may_see(client, world, persona, expected):
    response = page(client, getattr(world, persona), post=world.post.pk, tab="organisations")
    assert set(names(response)) == expected


def test_an_outsider_is_told_whose_member_organisations_they_would_see(client, world):
    response = page(client, world.outsider, post=world.post.pk, tab="organisations")
    assert response.context["members_hidden"]
    html = response.content.decode()
    assert "you see the member organisations of the clusters you manage" in html.lower()
    for organisation in (world.alfa, world.bravo, world.charlie):
        assert organisation.name not in html


def test_a_member_organisation_shows_its_type_and_cluster(client, world):
    response = page(client, world.officer, post=world.post.pk, tab="organisations")
    html = response.content.decode()
    assert "Research organisation or university" in html
    assert f'via <a href="/en/kluster/{world.cluster_b.slug}/">{world.cluster_b.name}</a>' in html


def test_an_unpublished_cluster_is_not_named_as_the_way_to_an_organisation(client, world):
    world.cluster_a.is_published = False
    world.cluster_a.save()
    rebuild_index()
    response = page(client, world.manager_b, q="Alfa Bravo fibre", tab="organisations")
    assert world.cluster_a.name not in response.content.decode()
    officer_view = page(client, world.officer, q="Alfa Bravo fibre", tab="organisations")
    assert any(row.via == world.cluster_a for row in officer_view.context["page"].items)


def test_no_matches_says_so(client, world):
    lonely = UserFactory()
    from klusterplattform.registry.models import ClusterOrganisation

    ClusterOrganisation.objects.update(is_published=False)
    response = page(client, lonely, q=TEXTILE_NEED)
    assert response.context["page"].total == 0
    assert "No cluster organisation matches this need." in response.content.decode()


def test_matches_are_paged_twenty_at_a_time(client, world):
    for number in range(25):
        ClusterFactory(name=f"Paging Fibre Cluster {number:02d}", strengths="Fibre recycling.")
    rebuild_index()
    first = page(client, world.outsider, q=TEXTILE_NEED)
    assert len(first.context["page"].items) == 20
    assert first.context["page"].page_count == 2
    assert 'rel="next"' in first.content.decode()
    second = page(client, world.outsider, q=TEXTILE_NEED, page="2")
    total = first.context["page"].total
    assert len(second.context["page"].items) == total - 20
    assert not set(names(first)) & set(names(second))
    beyond = page(client, world.outsider, q=TEXTILE_NEED, page="49")
    assert names(beyond) == names(second)  # past the end: the last page
    assert names(page(client, world.outsider, q=TEXTILE_NEED, page="x")) == names(first)


def test_the_post_page_links_to_its_matches(client, world):
    client.force_login(world.manager_b)
    html = client.get(f"/en/partnersok/{world.post.pk}/", **EN).content.decode()
    assert f'href="/en/matchning/?post={world.post.pk}"' in html
    assert "Find partners" in html


def test_the_cluster_profile_link_is_for_signed_in_users(world):
    request = RequestFactory().get("/")
    request.user = world.outsider
    [(label, url)] = cluster_links(request, world.cluster_a)
    assert url.endswith(f"/matchning/?cluster={world.cluster_a.slug}")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert cluster_links(request, world.cluster_a) == []


# Session, user, the post, role grants, the post's visibility; the need: the seeker's profile (cluster, its three
# taxonomies, regions, S3 areas) and the post's four relations; the ranking: unpublished clusters, the index's version
# (the engine keeps the parsed documents while it is unchanged), index size, term statistics, postings, labels; the
# reasons: taxonomy names, region names, profiles; the page's clusters; the user's votes. The engine is the
# matching team's: when it changes, re-count with -vv.
PINNED = 19


def test_query_count_of_the_page_is_pinned_and_does_not_grow(client, world, django_assert_num_queries):
    client.force_login(world.manager_a)
    client.get(
        URL, {"post": world.post.pk}, **EN
    )  # the engine keeps the parsed cluster documents while the index is unchanged
    with django_assert_num_queries(PINNED):
        client.get(URL, {"post": world.post.pk}, **EN)
    for number in range(30):
        ClusterFactory(name=f"More Fibre Cluster {number}", strengths="Fibre recycling.", ecosystems=[world.textiles])
    rebuild_index()
    client.get(URL, {"post": world.post.pk}, **EN)
    with django_assert_num_queries(PINNED):
        response = client.get(URL, {"post": world.post.pk}, **EN)
    assert len(response.context["page"].items) == 20
