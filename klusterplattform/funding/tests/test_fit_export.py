"""A cluster's "calls for you" export (finansiering/kluster/<slug>/export.<format>): the calls the page lists under
the same filters, every one rather than a page, with fit and reasons as text; the page's permissions; formula-safe
cells; a fixed number of queries."""

import pytest

from klusterplattform.funding.models import FundingInterest
from klusterplattform.funding.tests.funding_world import build_world, make_funding_call
from klusterplattform.registry.tests.factories import ClusterFactory, EcosystemFactory
from klusterplattform.registry.tests.test_list_exports_common import column, count_queries, csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_world()
    world.textiles = EcosystemFactory(code="textiles", name_en="Textiles", name_sv="Textil")
    world.cluster_a.ecosystems.set([world.textiles])
    make_funding_call("GOOD", closes_in_days=40, ecosystems=[world.textiles], title="=Circular textiles")
    make_funding_call("POOR", closes_in_days=5, ecosystems=[EcosystemFactory(code="health")])
    make_funding_call("LATER", opened_days_ago=-10, closes_in_days=90)
    saved = make_funding_call("SAVED", closes_in_days=60)
    FundingInterest.objects.create(call=saved, cluster=world.cluster_a, bookmarked=True)
    make_funding_call("OLD", closes_in_days=-3, opened_days_ago=90)
    return world


def url(cluster, fmt="csv", query=""):
    return f"/en/finansiering/kluster/{cluster.slug}/export.{fmt}{query}"


def exported(client, cluster, query="") -> list[str]:
    return column(csv_rows(client.get(url(cluster, query=query)), delimiter=","), "Call")


def page_calls(client, cluster, query="") -> list[str]:
    response = client.get(f"/en/finansiering/kluster/{cluster.slug}/{query}")
    return [row["fit"].call.identifier for row in response.context["rows"]]


@pytest.mark.parametrize("query", ["", "?min_fit=60", "?status=forthcoming", "?tracked=bookmarked", "?eligible=on"])
def test_the_rows_are_the_pages_rows_under_the_same_filters(client, world, query):
    client.force_login(world.manager_a)
    assert exported(client, world.cluster_a, query) == page_calls(client, world.cluster_a, query)


def test_hand_counted_rows_fit_and_reasons(client, world):
    client.force_login(world.manager_a)
    assert sorted(exported(client, world.cluster_a)) == ["GOOD", "LATER", "POOR", "SAVED"]  # not the closed one
    assert exported(client, world.cluster_a, "?min_fit=60&tracked=bookmarked") == ["SAVED"]
    rows = csv_rows(client.get(url(world.cluster_a, query="?status=open&min_fit=100")), delimiter=",")
    good = rows[column(rows, "Call").index("GOOD") + 1]
    assert good[rows[0].index("Fit (%)")] == "100"
    assert "ecosystem Textiles matches" in good[rows[0].index("For")]
    assert column(rows, "Bookmarked")[column(rows, "Call").index("GOOD")] == "no"


def test_the_export_is_not_paged(client, world):
    for n in range(25):
        make_funding_call(f"MORE-{n:02d}", closes_in_days=30 + n)
    client.force_login(world.manager_a)
    assert len(page_calls(client, world.cluster_a)) == 20
    assert len(exported(client, world.cluster_a)) == 4 + 25


@pytest.mark.parametrize(
    "persona, status",
    [("manager_a", 200), ("regional_a", 200), ("officer", 200), ("manager_b", 403), ("regional_b", 403)],
)
def test_the_page_permissions_hold(client, world, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(url(world.cluster_a)).status_code == status
    assert client.get(f"/en/finansiering/kluster/{world.cluster_a.slug}/").status_code == status


def test_hidden_clusters_anonymous_visitors_and_unknown_formats(client, world):
    response = client.get(url(world.cluster_a))
    assert response.status_code == 302 and "logga-in" in response["Location"]
    client.force_login(world.outsider)
    assert client.get(url(ClusterFactory(is_published=False))).status_code == 404
    client.force_login(world.manager_a)
    assert client.get(url(world.cluster_a, "json")).status_code == 404


def test_formula_safe_cells_and_links_carrying_the_filters(client, world):
    client.force_login(world.manager_a)
    rows = xlsx_rows(client.get(url(world.cluster_a, "xlsx")))
    assert "'=Circular textiles" in column(rows, "Title")
    html = client.get(f"/finansiering/kluster/{world.cluster_a.slug}/?min_fit=60").content.decode()
    assert f'href="/finansiering/kluster/{world.cluster_a.slug}/export.csv?min_fit=60"' in html


def test_the_query_count_does_not_grow_with_the_calls(client, world):
    # A call asking for partners and SMEs makes the scorer read those facts of the cluster once (not per call).
    make_funding_call("FEW", closes_in_days=45, min_partners=3, requires_smes=True)
    client.force_login(world.manager_a)
    count_queries(client, url(world.cluster_a))  # the first request also warms caches
    few = count_queries(client, url(world.cluster_a))
    for n in range(30):
        make_funding_call(f"MANY-{n:02d}", closes_in_days=50 + n, min_partners=3, requires_smes=True)
    assert count_queries(client, url(world.cluster_a)) == few
