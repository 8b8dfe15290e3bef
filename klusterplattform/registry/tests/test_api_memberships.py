"""/api/v1/clusters/{slug}/memberships: the member register read, added to and ended through the API."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from klusterplattform.accounts.audit import events_for
from klusterplattform.accounts.models import ApiToken
from klusterplattform.registry.models import Membership

from .factories import ClusterFactory, MembershipFactory, OrganisationFactory, RegionFactory, RoleGrantFactory

pytestmark = pytest.mark.django_db

JAN_2020 = datetime.date(2020, 1, 1)


@pytest.fixture
def world():
    north, south = RegionFactory(code="25"), RegionFactory(code="12")
    own = ClusterFactory(slug="eget", regions=[north])
    published = ClusterFactory(slug="annat", regions=[south])
    hidden = ClusterFactory(slug="dolt", is_published=False, regions=[south])
    newcomer = OrganisationFactory(key="SE:556677-8899", name="Nykomling AB", organisation_number="556677-8899")
    users = {
        "manager": RoleGrantFactory(role="cluster_manager", cluster=own).user,
        "regional_officer": RoleGrantFactory(role="regional_officer", region=north).user,
        "officer": RoleGrantFactory(role="officer").user,
        "admin": RoleGrantFactory(role="admin").user,
    }
    memberships = {
        "own": MembershipFactory(cluster=own, organisation=OrganisationFactory(name="Alfa AB")),
        "published": MembershipFactory(cluster=published),
        "hidden": MembershipFactory(cluster=hidden),
    }
    return {
        "own": own,
        "published": published,
        "hidden": hidden,
        "newcomer": newcomer,
        "users": users,
        "memberships": memberships,
    }


def as_user(client, user):
    client.force_login(user)
    return client


def add(client, slug, body, **headers):
    return client.post(f"/api/v1/clusters/{slug}/memberships", body, content_type="application/json", **headers)


def end(client, slug, membership_id, query="", **headers):
    return client.delete(f"/api/v1/clusters/{slug}/memberships/{membership_id}{query}", **headers)


PERSONAS = [
    ("manager", "own", True),
    ("manager", "published", 403),
    ("manager", "hidden", 404),
    ("regional_officer", "own", 403),  # sees the cluster, not its members
    ("regional_officer", "hidden", 404),
    ("officer", "hidden", True),
    ("admin", "hidden", True),
]


@pytest.mark.parametrize(("persona", "cluster", "allowed"), PERSONAS)
def test_listing_follows_the_permission_table(client, world, persona, cluster, allowed):
    response = as_user(client, world["users"][persona]).get(f"/api/v1/clusters/{world[cluster].slug}/memberships")
    assert response.status_code == (200 if allowed is True else allowed)
    if allowed is True:
        assert [m["id"] for m in response.json()["results"]] == [world["memberships"][cluster].pk]


@pytest.mark.parametrize(("persona", "cluster", "allowed"), PERSONAS)
def test_adding_follows_the_permission_table(client, world, persona, cluster, allowed):
    response = add(
        as_user(client, world["users"][persona]), world[cluster].slug, {"organisation_key": "SE:556677-8899"}
    )
    assert response.status_code == (201 if allowed is True else allowed)
    assert Membership.objects.filter(organisation=world["newcomer"]).exists() == (allowed is True)


@pytest.mark.parametrize(("persona", "cluster", "allowed"), PERSONAS)
def test_ending_follows_the_permission_table(client, world, persona, cluster, allowed):
    membership = world["memberships"][cluster]
    response = end(as_user(client, world["users"][persona]), world[cluster].slug, membership.pk)
    assert response.status_code == (200 if allowed is True else allowed)
    membership.refresh_from_db()
    assert (membership.left is not None) == (allowed is True)


def test_anonymous_callers_get_401_everywhere(client, world):
    membership = world["memberships"]["own"]
    assert client.get("/api/v1/clusters/eget/memberships").status_code == 401
    assert add(client, "eget", {"organisation_key": "SE:556677-8899"}).status_code == 401
    assert end(client, "eget", membership.pk).status_code == 401
    membership.refresh_from_db()
    assert membership.left is None and Membership.objects.count() == 3


def test_the_list_keeps_history_and_active_on_narrows_it(client, world):
    own = world["own"]
    MembershipFactory(cluster=own, organisation=OrganisationFactory(name="Beta AB"), left=datetime.date(2021, 6, 1))
    MembershipFactory(cluster=own, organisation=OrganisationFactory(name="Gamma AB"), joined=datetime.date(2023, 1, 1))
    as_user(client, world["users"]["manager"])
    everything = client.get("/api/v1/clusters/eget/memberships").json()
    assert [m["organisation"]["name"] for m in everything["results"]] == ["Alfa AB", "Beta AB", "Gamma AB"]
    assert everything["count"] == 3 and everything["results"][1]["left"] == "2021-06-01"
    on_2022 = client.get("/api/v1/clusters/eget/memberships?active_on=2022-01-01").json()
    assert [m["organisation"]["name"] for m in on_2022["results"]] == ["Alfa AB"]
    assert client.get("/api/v1/clusters/eget/memberships?active_on=someday").status_code == 422


def test_the_list_is_paged_with_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for _ in range(30):
        MembershipFactory(cluster=world["own"])
    as_user(client, world["users"]["manager"])
    # session, user, role grants, cluster, its regions (for the permission), count, page
    with django_assert_max_num_queries(7):
        first = client.get("/api/v1/clusters/eget/memberships?page_size=10").json()
    with django_assert_max_num_queries(7):
        last = client.get("/api/v1/clusters/eget/memberships?page_size=10&page=4").json()
    assert (first["count"], len(first["results"]), last["count"], len(last["results"])) == (31, 10, 31, 1)


def test_adding_by_key_or_organisation_number_answers_201_and_the_trail_says_api(client, world):
    manager = world["users"]["manager"]
    as_user(client, manager)
    response = add(client, "eget", {"organisation_key": "5566778899", "kind": "participant", "joined": "2024-02-01"})
    assert response.status_code == 201
    data = response.json()
    assert (data["organisation"]["key"], data["kind"], data["joined"], data["left"]) == (
        "SE:556677-8899",
        "participant",
        "2024-02-01",
        None,
    )
    membership = Membership.objects.get(pk=data["id"])
    [event] = events_for(membership)
    assert (event.action, event.channel, event.actor) == ("create", "api", manager)


def test_joined_defaults_to_today(client, world):
    as_user(client, world["users"]["manager"])
    data = add(client, "eget", {"organisation_key": "SE:556677-8899"}).json()
    assert data["joined"] == timezone.localdate().isoformat() and data["kind"] == "member"


def test_a_second_open_membership_is_a_409_and_writes_nothing(client, world):
    as_user(client, world["users"]["manager"])
    existing = world["memberships"]["own"].organisation
    response = add(client, "eget", {"organisation_key": existing.key})
    assert response.status_code == 409
    assert "already has an open membership" in response.json()["detail"]
    assert Membership.objects.filter(organisation=existing).count() == 1


def test_a_former_member_may_join_again_but_not_before_it_left(client, world):
    former = world["memberships"]["own"]
    former.left = datetime.date(2022, 1, 1)
    former.save()
    as_user(client, world["users"]["manager"])
    body = {"organisation_key": former.organisation.key, "joined": "2021-06-01"}
    overlapping = add(client, "eget", body)
    assert overlapping.status_code == 422
    assert overlapping.json()["detail"][0]["loc"] == ["body", "payload", "joined"]
    assert add(client, "eget", {**body, "joined": "2022-01-01"}).status_code == 201
    assert Membership.objects.filter(organisation=former.organisation).count() == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"organisation_key": "ID:finns-inte"}, "organisation_key"),
        ({"organisation_key": "556677-8890"}, "organisation_key"),  # a wrong check digit finds nothing
        ({"organisation_key": ""}, "organisation_key"),
        ({"organisation_key": "SE:556677-8899", "kind": "sponsor"}, "kind"),
        ({"organisation_key": "SE:556677-8899", "joined": "yesterday"}, "joined"),
        ({"organisation_key": "SE:556677-8899", "left": "2020-01-01"}, "left"),
        ({}, "organisation_key"),
    ],
)
def test_bad_input_for_a_new_membership_is_a_422_naming_the_field(client, world, body, field):
    as_user(client, world["users"]["officer"])
    response = add(client, "eget", body)
    assert response.status_code == 422
    assert ["body", "payload", field] in [problem["loc"] for problem in response.json()["detail"]]
    assert Membership.objects.count() == 3


def test_ending_sets_left_keeps_the_row_and_records_the_change(client, world):
    membership = world["memberships"]["own"]
    manager = world["users"]["manager"]
    response = end(as_user(client, manager), "eget", membership.pk, "?left=2024-06-30")
    assert response.status_code == 200 and response.json()["left"] == "2024-06-30"
    membership.refresh_from_db()
    assert membership.left == datetime.date(2024, 6, 30)
    [event] = events_for(membership).filter(action="update")
    assert (event.channel, event.actor, event.changes) == ("api", manager, {"left": [None, "2024-06-30"]})


def test_ending_without_a_date_ends_today(client, world):
    membership = world["memberships"]["own"]
    assert end(as_user(client, world["users"]["manager"]), "eget", membership.pk).json()["left"] == (
        timezone.localdate().isoformat()
    )


def test_ending_an_ended_membership_is_a_409(client, world):
    membership = world["memberships"]["own"]
    as_user(client, world["users"]["manager"])
    assert end(client, "eget", membership.pk, "?left=2024-06-30").status_code == 200
    again = end(client, "eget", membership.pk, "?left=2025-01-01")
    assert again.status_code == 409 and "already ended on 2024-06-30" in again.json()["detail"]
    membership.refresh_from_db()
    assert membership.left == datetime.date(2024, 6, 30)


def test_a_membership_cannot_end_before_it_began(client, world):
    membership = world["memberships"]["own"]
    response = end(as_user(client, world["users"]["manager"]), "eget", membership.pk, "?left=2019-12-31")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "left"]
    membership.refresh_from_db()
    assert membership.left is None


def test_a_membership_of_another_cluster_is_a_404_even_for_an_officer(client, world):
    foreign = world["memberships"]["published"]
    as_user(client, world["users"]["officer"])
    assert end(client, "eget", foreign.pk).status_code == 404
    assert end(client, "eget", 10**20).status_code == 404
    foreign.refresh_from_db()
    assert foreign.left is None


def test_a_bearer_token_may_add_and_end(world):
    _token, raw = ApiToken.issue(world["users"]["manager"])
    api = Client(enforce_csrf_checks=True)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    created = add(api, "eget", {"organisation_key": "SE:556677-8899"}, **bearer)
    assert created.status_code == 201
    assert end(api, "eget", created.json()["id"], **bearer).status_code == 200


def test_a_session_write_without_a_csrf_token_is_refused(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world["users"]["manager"])
    assert add(browser, "eget", {"organisation_key": "SE:556677-8899"}).status_code == 403
    assert end(browser, "eget", world["memberships"]["own"].pk).status_code == 403
    assert not Membership.objects.filter(organisation=world["newcomer"]).exists()
    assert Membership.objects.get(pk=world["memberships"]["own"].pk).left is None


@pytest.fixture(autouse=True)
def english_api_messages(client):
    # The assertions read the English messages; the API answers in the Accept-Language it is sent.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
