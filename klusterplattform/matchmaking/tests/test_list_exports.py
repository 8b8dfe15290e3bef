"""The partner-search list export (partnersok/export.<format>): exactly the page's open posts under its filters and
visibility, not paged, without contact details, formula-safe in both formats, with a fixed query count."""

import pytest

from klusterplattform.core.exports import safe_cell
from klusterplattform.matchmaking.tests.world import build_world, make_post
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, UserFactory
from klusterplattform.registry.tests.test_list_exports_common import column, csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_world("ex")
    make_post(world.cluster_a, title="Textilåtervinning", purpose="project")
    make_post(world.cluster_b, title="+Batterier", purpose="funding_call")
    make_post(world.cluster_b, title="Stängd", closed=True)
    world.hidden = ClusterFactory(name="Dolt kluster", slug="dolt", is_published=False)
    world.hidden_manager = UserFactory(email="hidden-manager@example.org")
    grant_role(world.hidden_manager, "cluster_manager", clusters=["dolt"])
    make_post(world.hidden, title="Opublicerat klusters sökning", author=world.hidden_manager)
    return world


def titles(client, url="/partnersok/export.csv"):
    return column(csv_rows(client.get(url)), "Titel")


def test_the_export_holds_the_open_posts_the_page_lists(client, world):
    exported = titles(client)
    assert sorted(exported) == sorted(["Textilåtervinning", safe_cell("+Batterier")])
    assert exported == [safe_cell(post.title) for post in client.get("/partnersok/").context["page"].items]


def test_the_export_follows_the_filters_and_the_links_carry_them(client, world):
    assert titles(client, "/partnersok/export.csv?purpose=project") == ["Textilåtervinning"]
    assert titles(client, "/partnersok/export.csv?q=textil") == ["Textilåtervinning"]
    page = client.get("/partnersok/?purpose=project").content.decode()
    assert 'href="/partnersok/export.csv?purpose=project"' in page


@pytest.mark.parametrize("persona, sees_hidden", [("hidden_manager", True), ("manager_a", False), ("outsider", False)])
def test_an_unpublished_clusters_post_is_exported_only_to_its_scope(client, world, persona, sees_hidden):
    client.force_login(getattr(world, persona))
    assert ("Opublicerat klusters sökning" in titles(client)) is sees_hidden


def test_no_contact_details_are_in_the_file(client, world):
    content = client.get("/en/partnersok/export.csv").content.decode("utf-8-sig")
    assert world.contact_a.email not in content and world.manager_a.email not in content


def test_formulas_are_neutralised_in_xlsx_and_unknown_formats_are_404(client, world):
    assert "'+Batterier" in column(xlsx_rows(client.get("/en/partnersok/export.xlsx")), "Title")
    assert client.get("/partnersok/export.docx").status_code == 404


def test_the_query_count_does_not_grow_with_the_posts(client, world, django_assert_num_queries):
    client.force_login(world.manager_a)
    client.get("/partnersok/export.csv")
    with django_assert_num_queries(5) as before:
        client.get("/partnersok/export.csv")
    for n in range(5):
        make_post(world.cluster_c, title=f"Extra {n}")
    with django_assert_num_queries(len(before.captured_queries)):
        assert len(titles(client)) == 2 + 5
