"""Two more matchmaking list exports: "my partner searches" (partnersok/mina/export.<format>: the posts of the user's
own clusters with their interest counts) and the match page's suggestions (matchning/export.<format>: every ranked
candidate of the same subject and tab, not one page, with score and reasons as text, under the page's rules)."""

import pytest

from klusterplattform.matchmaking.choices import InterestStatus
from klusterplattform.matchmaking.models import PartnerInterest
from klusterplattform.matchmaking.tests.matches_world import TEXTILE_NEED, build_match_world, rebuild_index
from klusterplattform.matchmaking.tests.world import build_world, make_post, manager_of
from klusterplattform.registry.tests.factories import ClusterFactory, MembershipFactory, OrganisationFactory
from klusterplattform.registry.tests.test_list_exports_common import column, count_queries, csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


# --- my partner searches -----------------------------------------------------------------------------------------


@pytest.fixture
def posts_world():
    world = build_world("mx")
    world.own = make_post(world.cluster_a, title="=HYPERLINK(1)")
    world.closed = make_post(world.cluster_a, title="Stängd sökning", closed=True)
    world.other = make_post(world.cluster_b, title="B:s sökning")
    PartnerInterest.objects.create(
        post=world.own, cluster=world.cluster_b, author=manager_of(world.cluster_b), status=InterestStatus.PENDING
    )
    return world


def test_my_export_holds_my_clusters_posts_as_the_page_lists_them(client, posts_world):
    client.force_login(posts_world.manager_a)
    rows = csv_rows(client.get("/en/partnersok/mina/export.csv", HTTP_ACCEPT_LANGUAGE="en"), delimiter=",")
    page_titles = [post.title for post in client.get("/partnersok/mina/").context["own_posts"]]
    assert column(rows, "Partner search") == ["Stängd sökning", "'=HYPERLINK(1)"]
    assert [title.lstrip("'") for title in column(rows, "Partner search")] == page_titles
    assert column(rows, "Waiting for an answer") == ["0", "1"]
    assert column(rows, "Status") == ["Closed", "Open"]


@pytest.mark.parametrize("persona, titles", [("manager_b", ["B:s sökning"]), ("outsider", []), ("officer", [])])
def test_each_user_gets_only_their_own_clusters_posts(client, posts_world, persona, titles):
    client.force_login(getattr(posts_world, persona))
    assert column(csv_rows(client.get("/partnersok/mina/export.csv")), "Partnersökning") == titles


def test_my_export_needs_sign_in_is_formula_safe_in_xlsx_and_404_for_other_formats(client, posts_world):
    assert client.get("/partnersok/mina/export.csv").status_code == 302
    client.force_login(posts_world.manager_a)
    assert "'=HYPERLINK(1)" in column(xlsx_rows(client.get("/en/partnersok/mina/export.xlsx")), "Partner search")
    assert client.get("/partnersok/mina/export.pdf").status_code == 404
    assert 'href="/partnersok/mina/export.csv"' in client.get("/partnersok/mina/").content.decode()


def test_my_export_makes_a_fixed_number_of_queries(client, posts_world, django_assert_num_queries):
    client.force_login(posts_world.manager_a)
    client.get("/partnersok/mina/export.csv")
    with django_assert_num_queries(4) as before:
        client.get("/partnersok/mina/export.csv")
    for n in range(4):
        make_post(posts_world.cluster_a, title=f"Extra {n}")
    with django_assert_num_queries(len(before.captured_queries)):
        client.get("/partnersok/mina/export.csv")


# --- match suggestions -------------------------------------------------------------------------------------------


@pytest.fixture
def world():
    return build_match_world("mq")


def export(client, user, fmt="csv", status=200, **params):
    client.force_login(user)
    response = client.get(f"/en/matchning/export.{fmt}", params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == status
    return response


def page_names(client, **params) -> list[str]:
    return [row.match.object.name for row in client.get("/en/matchning/", params).context["page"].items]


def test_the_export_holds_the_pages_ranking_with_score_and_reasons(client, world):
    rows = csv_rows(export(client, world.manager_a, post=world.post.pk), delimiter=",")
    assert column(rows, "Name") == page_names(client, post=world.post.pk)
    assert column(rows, "Name")[0] == world.cluster_b.name and column(rows, "Rank")[0] == "1"
    first = client.get("/en/matchning/", {"post": world.post.pk}).context["page"].items[0]
    assert column(rows, "Score (of 100)")[0] == str(first.score)
    assert "(+31.4)" in column(rows, "Why it matches")[0]  # each reason with the points it adds, as on the page
    exported = set(column(rows, "Name"))
    assert world.demo_cluster.name not in exported and world.hidden_cluster.name not in exported


def test_the_export_is_every_candidate_not_one_page(client, world):
    for number in range(25):
        ClusterFactory(name=f"Export Fibre Cluster {number:02d}", strengths="Fibre recycling.")
    rebuild_index()
    client.force_login(world.outsider)
    assert len(page_names(client, q=TEXTILE_NEED, page=2)) < 20  # the page shows 20 at a time
    names = column(csv_rows(export(client, world.outsider, q=TEXTILE_NEED, page=2), delimiter=","), "Name")
    assert len(names) >= 25 + 1 and names[:20] == page_names(client, q=TEXTILE_NEED)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("manager_a", {"Alfa Fibre AB", "Bravo Sorting AB"}),
        ("manager_b", {"Bravo Sorting AB"}),
        ("officer", {"Alfa Fibre AB", "Bravo Sorting AB", "Charlie Cells AB"}),
        ("outsider", set()),
    ],
)
def test_the_member_tab_exports_only_the_organisations_the_user_may_see(client, world, persona, expected):
    rows = csv_rows(export(client, getattr(world, persona), post=world.post.pk, tab="organisations"), delimiter=",")
    assert set(column(rows, "Name")) == expected


def test_an_unpublished_via_cluster_is_not_named(client, world):
    world.cluster_a.is_published = False
    world.cluster_a.save()
    rebuild_index()
    content = export(client, world.manager_b, q="Alfa Bravo fibre", tab="organisations").content.decode("utf-8-sig")
    assert world.cluster_a.name not in content


def test_bad_subjects_formats_and_anonymous_visitors(client, world):
    assert client.get("/matchning/export.csv", {"post": world.post.pk}).status_code == 302
    export(client, world.outsider, status=404)  # no subject: no list
    export(client, world.outsider, status=404, cluster=world.hidden_cluster.slug)
    export(client, world.outsider, status=404, cluster="no-such-cluster")
    export(client, world.outsider, "docx", status=404, post=world.post.pk)


def test_a_formula_in_a_described_need_is_quoted_and_the_links_carry_the_subject(client, world):
    rows = xlsx_rows(export(client, world.officer, "xlsx", q=f"=cmd {TEXTILE_NEED}"))
    assert all(not str(text).startswith("=") for text in column(rows, "Why it matches") if text)
    html = client.get("/en/matchning/", {"post": world.post.pk, "tab": "organisations", "page": 1}).content.decode()
    assert f'href="/en/matchning/export.csv?post={world.post.pk}&amp;tab=organisations"' in html


@pytest.mark.parametrize("tab", ["clusters", "organisations"])
def test_the_match_export_query_count_does_not_grow_with_the_candidates(client, world, tab):
    client.force_login(world.officer)
    url = f"/matchning/export.csv?q={TEXTILE_NEED}&tab={tab}"
    count_queries(client, url)
    few = count_queries(client, url)
    for number in range(8):
        cluster = ClusterFactory(name=f"Counted Fibre Cluster {number}", strengths="Fibre recycling.")
        MembershipFactory(cluster=cluster, organisation=OrganisationFactory(name=f"Counted Fibre {number} AB"))
    rebuild_index()
    count_queries(client, url)  # a rebuilt index is read into the engine's memory once
    assert count_queries(client, url) == few
    assert len(csv_rows(client.get(url))) - 1 >= 8
