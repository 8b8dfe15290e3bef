"""GET /api/v1/funding-calls and /api/v1/funding-calls/{identifier}: the page's filters as query parameters,
paging, visibility (404 for what the caller may not see), identifiers with slashes, and pinned query counts."""

import pytest

from klusterplattform.accounts.models import ApiToken
from klusterplattform.funding.models import ThematicTag
from klusterplattform.funding.tests.funding_world import brussels_17, build_world, make_funding_call
from klusterplattform.registry.tests.factories import EcosystemFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
LIST = "/api/v1/funding-calls"


def bearer(user) -> dict:
    _token, raw = ApiToken.issue(user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}", **EN}


def identifiers(client, headers=EN, **params) -> list[str]:
    response = client.get(LIST, params, **headers)
    assert response.status_code == 200, response.content
    return [row["identifier"] for row in response.json()["results"]]


def test_list_answers_the_calls_that_are_not_closed_by_closing_date_with_their_deadlines(client):
    make_funding_call("LATER", closes_in_days=40)
    make_funding_call("SOON", closes_in_days=3, budget_min=100_000, budget_max=500_000)
    make_funding_call("CLOSED", closes_in_days=-3)
    response = client.get(LIST, **EN)
    body = response.json()
    assert (body["count"], body["page"], body["page_size"]) == (2, 1, 20)
    soon = body["results"][0]
    assert [row["identifier"] for row in body["results"]] == ["SOON", "LATER"]
    assert soon["status"] == "open"
    assert soon["countdown"] == "closes in 3 days"
    assert (soon["budget_min"], soon["budget_max"], soon["currency"]) == (100_000, 500_000, "EUR")
    assert soon["deadlines"][0]["time_zone"] == "Europe/Brussels"
    assert soon["deadlines"][0]["local_time"].startswith(brussels_17(3).strftime("%Y-%m-%dT17:00:00"))
    assert soon["next_deadline"] == soon["deadlines"][0]
    assert soon["url"].endswith("/finansiering/utlysning/SOON/")
    assert "description_html" not in soon


def test_every_filter_works_as_a_query_parameter(client):
    textiles = EcosystemFactory(code="textiles")
    green = ThematicTag.objects.get(code="green")
    make_funding_call("TEX", title="Circular textiles", ecosystems=[textiles], tags=[green], budget_max=200_000,
                      cluster_organisations_eligible=True, programme="I3", closes_in_days=10)  # fmt: skip
    make_funding_call("HEALTH", title="Digital health", programme="EU4Health", closes_in_days=60)
    make_funding_call("PAST", title="Old textiles", closes_in_days=-10)
    make_funding_call("DEMO", title="Demo textiles", is_demo=True)
    assert identifiers(client, q="cirkulär textil") == ["TEX"]
    assert identifiers(client, q="hälsa") == ["HEALTH"]
    assert identifiers(client, status="closed") == ["PAST"]
    assert set(identifiers(client, status="all")) == {"TEX", "HEALTH", "PAST"}
    assert identifiers(client, programme="EU4Health") == ["HEALTH"]
    assert identifiers(client, ecosystem="textiles") == ["TEX"]
    assert identifiers(client, tag="green") == ["TEX"]
    assert identifiers(client, cluster_eligible="true") == ["TEX"]
    assert identifiers(client, budget_from=150_000, budget_to=250_000) == ["TEX"]
    assert identifiers(client, budget_from=150_000, currency="SEK") == []
    today = brussels_17(0).date()
    assert identifiers(client, closes_from=str(today), closes_to=str(brussels_17(20).date())) == ["TEX"]
    assert set(identifiers(client, include_demo="true")) == {"TEX", "HEALTH", "DEMO"}
    assert identifiers(client, sort="-closing") == ["HEALTH", "TEX"]
    assert identifiers(client, sort="title") == ["TEX", "HEALTH"]


@pytest.mark.parametrize(
    ("params", "where"),
    [
        ({"status": "sometimes"}, "status"),
        ({"sort": "random"}, "sort"),
        ({"currency": "EURO"}, "currency"),
        ({"closes_to": "0"}, "closes_to"),
    ],
)
def test_invalid_filters_are_422_naming_the_parameter(client, params, where):
    make_funding_call("ANY")
    response = client.get(LIST, params, **EN)
    assert response.status_code == 422
    assert {tuple(problem["loc"]) for problem in response.json()["detail"]} == {("query", where)}


@pytest.mark.parametrize(
    "params",
    [
        {"programme": "No such programme"},
        {"ecosystem": "nope"},
        {"tag": "nope"},
        {"budget_from": "500", "budget_to": "100"},
        {"closes_from": "2030-03-10", "closes_to": "2030-03-01"},
    ],
)
def test_a_code_no_call_has_or_an_empty_range_matches_no_call(client, params):
    make_funding_call("ANY", budget_min=200, budget_max=300)
    response = client.get(LIST, params, **EN)
    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert client.get(LIST, **EN).json()["count"] == 1


def test_a_date_that_is_not_one_is_422(client):
    assert client.get(LIST, {"closes_from": "soon"}, **EN).status_code == 422


def test_paging(client):
    for number in range(25):
        make_funding_call(f"P-{number:02d}", closes_in_days=number + 1)
    body = client.get(LIST, {"page": 2, "page_size": 10}, **EN).json()
    assert (body["count"], body["page"], body["page_size"]) == (25, 2, 10)
    assert [row["identifier"] for row in body["results"]] == [f"P-{n:02d}" for n in range(10, 20)]
    body = client.get(LIST, {"page": 3, "page_size": 10}, **EN).json()
    assert (body["count"], len(body["results"])) == (25, 5)
    assert client.get(LIST, {"page": 0}, **EN).status_code == 422


def test_one_call_by_identifier_with_slashes_and_its_text(client):
    make_funding_call("EuropeAid/186246/DD/ACT/NG", description_html="<p>Text.</p>", keywords="aid")
    response = client.get("/api/v1/funding-calls/EuropeAid/186246/DD/ACT/NG", **EN)
    assert response.status_code == 200
    body = response.json()
    assert body["identifier"] == "EuropeAid/186246/DD/ACT/NG"
    assert (body["description_html"], body["keywords"]) == ("<p>Text.</p>", "aid")
    assert client.get("/api/v1/funding-calls/EuropeAid/186246", **EN).status_code == 404


def test_unpublished_call_is_404_for_everyone_but_its_author_and_officers(client):
    world = build_world()
    make_funding_call("DRAFT", is_published=False, created_by=world.manager_a)
    url = "/api/v1/funding-calls/DRAFT"
    assert client.get(url, **EN).status_code == 404
    for user, status in [(world.manager_b, 404), (world.regional_a, 404), (world.outsider, 404),
                         (world.manager_a, 200), (world.officer, 200)]:  # fmt: skip
        assert client.get(url, **bearer(user)).status_code == status, user
    assert identifiers(client) == []
    assert identifiers(client, bearer(world.manager_a)) == ["DRAFT"]
    assert identifiers(client, bearer(world.manager_b)) == []


def test_a_bad_token_is_401(client):
    response = client.get(LIST, HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 401


def test_api_list_query_count_does_not_grow_with_rows(client, django_assert_num_queries):
    ecosystem = EcosystemFactory()
    for number in range(3):
        make_funding_call(f"FEW-{number}", ecosystems=[ecosystem])
    # the page's ids, its rows, their deadlines, ecosystems and tags (a short first page needs no count)
    with django_assert_num_queries(5):
        client.get(LIST, **EN)
    for number in range(30):
        make_funding_call(f"MORE-{number}", ecosystems=[ecosystem], tags=list(ThematicTag.objects.all()))
    # a full page: the count as well
    with django_assert_num_queries(6):
        assert len(client.get(LIST, **EN).json()["results"]) == 20
