"""GET /api/v1/clusters/{slug}/funding-fit: the same fit as the page, with the house's 401/403/404 rules."""

import pytest

from klusterplattform.accounts.models import ApiToken
from klusterplattform.funding.models import FundingInterest
from klusterplattform.funding.tests.funding_world import build_world, make_funding_call
from klusterplattform.registry.tests.factories import ClusterFactory, EcosystemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_world()
    textiles = EcosystemFactory(code="textiles", name_en="Textiles", name_sv="Textil")
    world.cluster_a.ecosystems.set([textiles])
    good = make_funding_call("GOOD-1", closes_in_days=40, ecosystems=[textiles], cluster_organisations_eligible=True)
    make_funding_call("EXCLUDED-1", closes_in_days=40, cluster_organisations_eligible=False)
    make_funding_call("POOR-1", closes_in_days=5, ecosystems=[EcosystemFactory(code="health")])
    make_funding_call("DEMO-1", closes_in_days=40, is_demo=True)
    FundingInterest.objects.create(call=good, cluster=world.cluster_a, bookmarked=True)
    return world


def get(client, user, slug, query="", language="en"):
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    if user is not None:
        _token, raw = ApiToken.issue(user, name="test")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client.get(f"/api/v1/clusters/{slug}/funding-fit{query}", **headers)


def test_manager_gets_the_fits_best_first_with_reasons_in_the_request_language(client, world):
    response = get(client, world.manager_a, world.cluster_a.slug)
    assert response.status_code == 200
    body = response.json()
    assert body["cluster"] == world.cluster_a.slug and body["count"] == 3
    identifiers = [r["identifier"] for r in body["results"]]
    assert identifiers == ["GOOD-1", "POOR-1", "EXCLUDED-1"]
    good = body["results"][0]
    assert good["percentage"] == 100.0 and good["eligible"] is True and good["bookmarked"] is True
    assert {"kind": "ecosystem_match", "text": "ecosystem Textiles matches", "positive": True} in good["reasons"]
    assert good["url"].startswith("http") and good["url"].endswith("/GOOD-1/")
    assert body["results"][2]["eligible"] is False
    swedish = get(client, world.manager_a, world.cluster_a.slug, language="sv").json()
    assert "Textil" in str(swedish["results"][0]["reasons"]) and "Textiles" not in str(swedish["results"][0]["reasons"])


def test_filters_and_paging(client, world):
    assert [
        r["identifier"] for r in get(client, world.officer, world.cluster_a.slug, "?min_fit=60").json()["results"]
    ] == ["GOOD-1"]
    assert get(client, world.officer, world.cluster_a.slug, "?eligible=false").json()["count"] == 1
    page = get(client, world.officer, world.cluster_a.slug, "?page=2&page_size=2").json()
    assert (page["count"], page["page"], [r["identifier"] for r in page["results"]]) == (3, 2, ["EXCLUDED-1"])
    assert get(client, world.officer, world.cluster_a.slug, "?min_fit=101").status_code == 422


def test_regional_officer_of_the_region_may_see_it_others_are_refused(client, world):
    assert get(client, world.regional_a, world.cluster_a.slug).status_code == 200
    for user in [world.regional_b, world.manager_b, world.outsider]:
        response = get(client, user, world.cluster_a.slug)
        assert response.status_code == 403
        assert "may not see" in response.json()["detail"]


def test_unseeable_cluster_is_not_found_and_no_credentials_is_unauthorised(client, world):
    hidden = ClusterFactory(is_published=False)
    assert get(client, world.outsider, hidden.slug).status_code == 404
    assert get(client, world.outsider, "no-such-cluster").status_code == 404
    assert get(client, None, world.cluster_a.slug).status_code == 401


def test_demo_cluster_gets_demo_calls_too(client, world):
    demo = ClusterFactory(is_demo=True)
    body = get(client, world.officer, demo.slug).json()
    assert "DEMO-1" in {r["identifier"] for r in body["results"]}
