"""GET /api/v1/organisations: personal data for sole traders, so never public and scoped for managers."""

import datetime

import pytest

from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleGrantFactory,
    UserFactory,
)

URL = "/api/v1/organisations"


def keys(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["key"] for item in response.json()["results"]]


@pytest.fixture
def register(db):
    skane = RegionFactory(code="12", nuts2_code="SE22")
    own, other = ClusterFactory(slug="own"), ClusterFactory(slug="other")
    orgs = {
        "bageri": OrganisationFactory(key="ID:bageri", name="Åkes Bageri", type="sme", region=skane),
        "lund": OrganisationFactory(key="ID:lund", name="Lunds universitet", type="research", region=skane),
        "kommun": OrganisationFactory(key="ID:kommun", name="Kommunen", type="public_body"),
        "former": OrganisationFactory(key="ID:former", name="Före detta", type="sme"),
    }
    MembershipFactory(cluster=own, organisation=orgs["bageri"])
    MembershipFactory(cluster=own, organisation=orgs["former"], left=datetime.date(2022, 1, 1))
    MembershipFactory(cluster=other, organisation=orgs["lund"])
    MembershipFactory(cluster=other, organisation=orgs["bageri"])
    return {"own": own, "other": other, **orgs}


def test_anonymous_gets_401_with_a_json_error(client, register):
    response = client.get(URL)
    assert response.status_code == 401
    assert response.json()["detail"]


def test_an_officer_sees_every_organisation_in_swedish_order(client, register):
    client.force_login(RoleGrantFactory(role="officer").user)
    assert keys(client.get(URL)) == ["ID:former", "ID:kommun", "ID:lund", "ID:bageri"]


def test_the_admin_site_flag_alone_shows_no_organisation(client, register):
    # Roles decide what a user sees; is_staff only opens Django's admin site.
    client.force_login(UserFactory(is_staff=True))
    assert keys(client.get(URL)) == []


def test_a_manager_sees_present_and_past_members_of_their_own_cluster_only(client, register):
    client.force_login(RoleGrantFactory(role="cluster_manager", cluster=register["own"]).user)
    assert keys(client.get(URL)) == ["ID:former", "ID:bageri"]
    assert keys(client.get(f"{URL}?cluster=other")) == [], "another cluster's register stays closed"


def test_a_signed_in_user_without_a_role_sees_nothing(client, register):
    client.force_login(UserFactory())
    assert keys(client.get(URL)) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=åkes", ["ID:bageri"]),
        ("type=research", ["ID:lund"]),
        ("region=12", ["ID:lund", "ID:bageri"]),
        ("region=SE22", ["ID:lund", "ID:bageri"]),
        ("cluster=other", ["ID:lund", "ID:bageri"]),
    ],
)
def test_each_organisation_filter_narrows_the_list(client, register, query, expected):
    client.force_login(RoleGrantFactory(role="officer").user)
    assert keys(client.get(f"{URL}?{query}")) == expected


def test_an_organisation_row_names_its_region_by_code(client, register):
    client.force_login(RoleGrantFactory(role="officer").user)
    row = client.get(f"{URL}?type=research").json()["results"][0]
    assert (row["name"], row["region"], row["type"]) == ("Lunds universitet", "12", "research")


def test_organisations_are_paged_with_the_total_count(client, register):
    client.force_login(RoleGrantFactory(role="officer").user)
    body = client.get(f"{URL}?page=2&page_size=3").json()
    assert (body["count"], body["page"], len(body["results"])) == (4, 2, 1)


@pytest.mark.parametrize("extra", [0, 25])
def test_the_organisation_list_costs_constant_queries(client, register, django_assert_num_queries, extra):
    for _number in range(extra):
        MembershipFactory(cluster=register["own"])
    client.force_login(RoleGrantFactory(role="cluster_manager", cluster=register["own"]).user)
    with django_assert_num_queries(5):  # session, user, role grants, page, count
        client.get(f"{URL}?page_size=2")
