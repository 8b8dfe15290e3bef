"""GET /api/v1/clusters: the directory filter, paging, the page size cap, visibility and constant query counts."""

from dataclasses import fields

import pytest

from klusterplattform.registry.api.schemas import ClusterPage, ClusterQuery
from klusterplattform.registry.filters import ClusterFilter
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    LabelFactory,
    ProgrammeFactory,
    RegionFactory,
    RoleGrantFactory,
    SectoralIndustryFactory,
    UserFactory,
)

URL = "/api/v1/clusters"


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


@pytest.fixture
def directory(db):
    """Four clusters that differ in exactly one dimension each from the first."""
    skane = RegionFactory(code="12", name_sv="Skåne län", name_en="Skåne County", nuts2_code="SE22")
    uppsala = RegionFactory(code="03", name_sv="Uppsala län", name_en="Uppsala County", nuts2_code="SE12")
    bavaria = RegionFactory(code="DE21", level="nuts2", country="DE", name_sv="Oberbayern", name_en="Oberbayern")
    digital = EcosystemFactory(code="digital")
    health = EcosystemFactory(code="health")
    sector = SectoralIndustryFactory(code="paper-and-packaging")
    programme = ProgrammeFactory(slug="s3-piloten")
    clusters = {
        "alfa": ClusterFactory(
            name="Alfa Digital", slug="alfa", regions=[skane], ecosystems=[digital], sectors=[sector]
        ),
        "beta": ClusterFactory(name="Beta Hälsa", slug="beta", regions=[uppsala], ecosystems=[health]),
        "gamma": ClusterFactory(name="Gamma Industri", slug="gamma", country="DE", regions=[bavaria]),
        "demo": ClusterFactory(name="Demo Kluster", slug="demo", regions=[skane, uppsala], is_demo=True),
        "hidden": ClusterFactory(name="Hemlig", slug="hidden", regions=[skane], is_published=False),
    }
    LabelFactory(cluster=clusters["beta"], level="gold")
    programme.participations.create(cluster=clusters["gamma"])
    return clusters


def test_anonymous_sees_published_clusters_in_swedish_order(client, directory):
    assert slugs(client.get(URL)) == ["alfa", "beta", "demo", "gamma"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=hälsa", ["beta"]),
        ("q=HÄLSA beta", ["beta"]),
        ("region=12", ["alfa", "demo"]),
        ("region=SE12", ["beta", "demo"]),
        ("country=de", ["gamma"]),
        ("ecosystem=digital", ["alfa"]),
        ("sector=paper-and-packaging", ["alfa"]),
        ("label=gold", ["beta"]),
        ("label=silver", []),
        ("programme=s3-piloten", ["gamma"]),
        ("demo=exclude", ["alfa", "beta", "gamma"]),
        ("demo=only", ["demo"]),
        ("sort=-name", ["gamma", "demo", "beta", "alfa"]),
        ("sort=nonsense", ["alfa", "beta", "demo", "gamma"]),
    ],
)
def test_each_directory_filter_narrows_the_list_and_its_total(client, directory, query, expected):
    response = client.get(f"{URL}?{query}&page_size=2")
    assert response.json()["count"] == len(expected)
    assert slugs(client.get(f"{URL}?{query}")) == expected


def test_a_list_item_carries_region_codes_and_a_link_to_the_profile(client, directory):
    item = client.get(f"{URL}?demo=only").json()["results"][0]
    assert item == {
        "slug": "demo",
        "name": "Demo Kluster",
        "country": "SE",
        "regions": ["03", "12"],
        "website": "https://example.org/",
        "is_demo": True,
        "url": "http://testserver/kluster/demo/",
    }


def test_the_hand_written_json_keeps_to_the_documented_schema(client, directory):
    ClusterPage.model_validate(client.get(URL).json())


def test_the_api_takes_exactly_the_directory_filters_parameters():
    filter_names = {f.name for f in fields(ClusterFilter)}
    assert set(ClusterQuery.model_fields) == filter_names | {"page", "page_size"}


def test_pages_carry_the_total_count(client, db):
    for number in range(25):
        ClusterFactory(name=f"Kluster {number:02d}")
    body = client.get(f"{URL}?page=3&page_size=10").json()
    assert (body["count"], body["page"], body["page_size"], len(body["results"])) == (25, 3, 10, 5)
    assert body["results"][0]["name"] == "Kluster 20"
    beyond = client.get(f"{URL}?page=9&page_size=10").json()
    assert (beyond["count"], beyond["results"]) == (25, [])


def test_page_size_is_capped_by_the_setting(client, db, settings):
    settings.KP_MAX_PAGE_SIZE = 3
    for _number in range(5):
        ClusterFactory()
    body = client.get(f"{URL}?page_size=1000").json()
    assert (body["page_size"], len(body["results"]), body["count"]) == (3, 3, 5)


def test_a_page_number_that_is_not_a_number_is_a_validation_error(client, db):
    assert client.get(f"{URL}?page=first").status_code == 422


def test_a_cluster_manager_sees_their_own_unpublished_cluster_but_no_other(client, directory):
    other_hidden = ClusterFactory(name="Annan hemlig", slug="other-hidden", is_published=False)
    manager = RoleGrantFactory(role="cluster_manager", cluster=directory["hidden"]).user
    client.force_login(manager)
    listed = slugs(client.get(URL))
    assert "hidden" in listed
    assert other_hidden.slug not in listed


def test_an_officer_sees_unpublished_clusters(client, directory):
    client.force_login(RoleGrantFactory(role="officer").user)
    assert "hidden" in slugs(client.get(URL))


@pytest.mark.parametrize("count", [3, 30])
def test_a_full_unfiltered_page_costs_three_queries_whatever_the_data_size(
    client, db, django_assert_num_queries, count
):
    for _number in range(count):
        ClusterFactory(regions=[RegionFactory()])
    page_size = count - 1
    with django_assert_num_queries(3):  # the page, the total, the page's region codes
        body = client.get(f"{URL}?page_size={page_size}").json()
    assert (len(body["results"]), body["count"]) == (page_size, count)


@pytest.mark.parametrize("count", [3, 30])
def test_a_full_filtered_page_costs_two_queries_whatever_the_data_size(client, db, django_assert_num_queries, count):
    region = RegionFactory(code="01")
    for _number in range(count):
        ClusterFactory(regions=[region])
    page_size = count - 1
    with django_assert_num_queries(2):  # the page with its total, the page's region codes
        body = client.get(f"{URL}?page_size={page_size}&region=01&country=SE").json()
    assert (len(body["results"]), body["count"]) == (page_size, count)
    assert body["results"][0]["regions"] == ["01"]


@pytest.mark.parametrize("query", ["", "region=01"])
def test_a_page_past_the_end_still_tells_the_total(client, db, django_assert_num_queries, query):
    for _number in range(3):
        ClusterFactory(regions=[RegionFactory(code="01")])
    with django_assert_num_queries(2):  # the empty page, the total
        body = client.get(f"{URL}?page=5&page_size=2&{query}").json()
    assert (body["count"], body["results"]) == (3, [])


@pytest.mark.parametrize("count", [3, 30])
def test_the_last_page_needs_no_count_query(client, db, django_assert_num_queries, count):
    for _number in range(count):
        ClusterFactory(regions=[RegionFactory()])
    with django_assert_num_queries(2):  # page, region codes: a short page tells the total
        body = client.get(f"{URL}?page_size=100").json()
    assert body["count"] == count


def test_a_signed_in_caller_costs_three_more_queries_not_more_per_row(client, db, django_assert_num_queries):
    for _number in range(5):
        ClusterFactory(regions=[RegionFactory()])
    client.force_login(UserFactory())
    with django_assert_num_queries(5):  # session, user, role grants, then the page and its region codes
        body = client.get(URL).json()
    assert body["count"] == 5
