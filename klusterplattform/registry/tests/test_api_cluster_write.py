"""PATCH /api/v1/clusters/{slug}: who may change a profile, what a change writes, and bad input that writes nothing."""

from decimal import Decimal

import pytest
from django.test import Client

from klusterplattform.accounts.audit import events_for
from klusterplattform.accounts.models import ApiToken
from klusterplattform.registry.models import ClusterOrganisation

from .factories import (
    ClusterFactory,
    EcosystemFactory,
    RegionFactory,
    RoleGrantFactory,
    S3PriorityAreaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    north, south = RegionFactory(code="25"), RegionFactory(code="12")
    own = ClusterFactory(
        slug="eget", name="Eget Kluster", description="Gammal text.", management_fte=Decimal("1.00"), regions=[north]
    )
    published = ClusterFactory(slug="annat", name="Annat Kluster", regions=[south])
    hidden = ClusterFactory(slug="dolt", name="Dolt Kluster", is_published=False, regions=[south])
    users = {
        "manager": RoleGrantFactory(role="cluster_manager", cluster=own).user,
        "regional_officer": RoleGrantFactory(role="regional_officer", region=north).user,
        "officer": RoleGrantFactory(role="officer").user,
        "admin": RoleGrantFactory(role="admin").user,
    }
    return {"own": own, "published": published, "hidden": hidden, "north": north, "south": south, "users": users}


def patch(client, slug, body, **headers):
    return client.patch(f"/api/v1/clusters/{slug}", body, content_type="application/json", **headers)


def api_events(cluster):
    """The trail of the cluster as the API wrote it (the factories' own events are channel "command")."""
    return events_for(cluster).filter(channel="api")


def as_user(client, user):
    client.force_login(user)
    return client


def test_anonymous_gets_401_and_nothing_changes(client, world):
    response = patch(client, "eget", {"description": "Ny"})
    assert response.status_code == 401
    assert ClusterOrganisation.objects.get(slug="eget").description == "Gammal text."


@pytest.mark.parametrize(
    ("persona", "cluster", "status"),
    [
        ("manager", "own", 200),
        ("manager", "published", 403),  # sees it, may not edit it
        ("manager", "hidden", 404),  # does not see it: for them it does not exist
        ("regional_officer", "own", 403),  # sees clusters in the region, edits none
        ("regional_officer", "hidden", 404),
        ("officer", "hidden", 200),
        ("admin", "hidden", 200),
    ],
)
def test_each_persona_gets_the_answer_the_permission_table_gives(client, world, persona, cluster, status):
    target = world[cluster]
    response = patch(as_user(client, world["users"][persona]), target.slug, {"description": "Ändrad"})
    assert response.status_code == status
    target.refresh_from_db()
    assert (target.description == "Ändrad") == (status == 200)
    if status == 403:
        assert response.json()["detail"] == "You may not edit this cluster organisation."


def test_patch_changes_only_the_given_fields_and_the_trail_names_the_api_and_the_caller(client, world):
    manager = world["users"]["manager"]
    response = patch(as_user(client, manager), "eget", {"description": "Ny text.", "management_fte": "2.5"})
    assert response.status_code == 200
    own = ClusterOrganisation.objects.get(slug="eget")
    assert (own.description, own.management_fte) == ("Ny text.", Decimal("2.50"))
    assert (own.name, own.website, list(own.regions.values_list("code", flat=True))) == (
        "Eget Kluster",
        "https://example.org/",
        ["25"],
    )
    [event] = api_events(own)
    assert (event.actor, event.action) == (manager, "update")
    assert event.changes == {"description": ["Gammal text.", "Ny text."], "management_fte": ["1.00", "2.50"]}


def test_the_answer_is_the_profile_as_get_shows_it(client, world):
    as_user(client, world["users"]["manager"])
    changed = patch(client, "eget", {"strengths": "Starka band."}).json()
    assert changed["strengths"] == "Starka band."
    assert changed == client.get("/api/v1/clusters/eget").json()


def test_linked_terms_are_set_by_their_codes_and_replace_the_list(client, world):
    ecosystem = EcosystemFactory(code="digital")
    area = S3PriorityAreaFactory(region=world["south"], code="sodra-skog")
    as_user(client, world["users"]["officer"])
    body = {"regions": ["12", "25"], "ecosystems": ["digital"], "s3_priority_areas": ["sodra-skog"]}
    data = patch(client, "eget", body).json()
    assert [r["code"] for r in data["regions"]] == ["12", "25"]
    assert [e["code"] for e in data["ecosystems"]] == [ecosystem.code]
    assert [a["code"] for a in data["s3_priority_areas"]] == [area.code]
    assert patch(client, "eget", {"regions": ["12"]}).json()["regions"][0]["code"] == "12"
    region_events = [e for e in api_events(world["own"]) if "regions" in e.changes]
    assert len(region_events) == 2


def test_an_organisation_number_is_stored_in_its_usual_form(client, world):
    as_user(client, world["users"]["manager"])
    assert patch(client, "eget", {"organisation_number": "165566778899"}).json()["organisation_number"] == (
        "556677-8899"
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"organisation_number": "556677-8890"}, "organisation_number"),  # wrong check digit
        ({"management_fte": -1}, "management_fte"),
        ({"management_fte": "123456"}, "management_fte"),  # more digits than the column holds
        ({"regions": ["25", "XX"]}, "regions"),
        ({"regions": []}, "regions"),  # every cluster is in some region
        ({"ecosystems": ["no-such-ecosystem"]}, "ecosystems"),
        ({"colour": "red"}, "colour"),
        ({"slug": "nytt"}, "slug"),
        ({"is_demo": True}, "is_demo"),
        ({"name": ""}, "name"),
        ({"name": 42}, "name"),
        ({"name": None}, "name"),
        ({"founded": "last spring"}, "founded"),
        ({"regions": "25"}, "regions"),
        ({"website": "not an address"}, "website"),
        ({"description": "null\x00byte"}, "description"),
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_nothing_is_written(client, world, body, field):
    as_user(client, world["users"]["officer"])
    response = patch(client, "eget", {"description": "Skulle ändras.", **body} if field != "description" else body)
    assert response.status_code == 422, response.content
    locations = [problem["loc"] for problem in response.json()["detail"]]
    assert ["body", "payload", field] in locations
    own = ClusterOrganisation.objects.get(slug="eget")
    assert own.description == "Gammal text." and own.management_fte == Decimal("1.00")
    assert list(own.regions.values_list("code", flat=True)) == ["25"]
    assert not api_events(own).exists()


def test_every_bad_field_is_reported_at_once(client, world):
    as_user(client, world["users"]["officer"])
    response = patch(client, "eget", {"management_fte": -1, "regions": ["XX"], "website": "nope"})
    fields = {problem["loc"][-1] for problem in response.json()["detail"]}
    assert fields == {"management_fte", "regions", "website"}
    assert any("XX" in problem["msg"] for problem in response.json()["detail"])


def test_a_manager_cannot_publish_or_unpublish_but_an_officer_can(client, world):
    as_user(client, world["users"]["manager"])
    refused = patch(client, "eget", {"is_published": False, "description": "Med i samma ändring."})
    assert refused.status_code == 403 and "officers" in refused.json()["detail"]
    own = ClusterOrganisation.objects.get(slug="eget")
    assert own.is_published and own.description == "Gammal text."

    as_user(client, world["users"]["officer"])
    assert patch(client, "eget", {"is_published": False}).json()["is_published"] is False
    assert patch(client, "dolt", {"is_published": True}).json()["is_published"] is True
    [event] = api_events(own)
    assert event.changes["is_published"] == [True, False] and event.actor == world["users"]["officer"]


def test_an_unknown_cluster_is_a_404(client, world):
    assert patch(as_user(client, world["users"]["admin"]), "finns-inte", {"name": "X"}).status_code == 404


def test_a_bearer_token_may_write_without_a_session_or_csrf_token(world):
    manager = world["users"]["manager"]
    _token, raw = ApiToken.issue(manager)
    response = patch(
        Client(enforce_csrf_checks=True), "eget", {"name": "Nytt Namn"}, HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 200 and response.json()["name"] == "Nytt Namn"
    [event] = api_events(world["own"])
    assert event.actor == manager


def test_a_revoked_token_is_a_401(client, world):
    token, raw = ApiToken.issue(world["users"]["manager"])
    token.revoked_at = token.created_at
    token.save()
    assert patch(client, "eget", {"name": "X"}, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_a_session_write_without_a_csrf_token_is_refused(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world["users"]["manager"])
    response = patch(browser, "eget", {"description": "Utan CSRF"})
    assert response.status_code == 403
    assert ClusterOrganisation.objects.get(slug="eget").description == "Gammal text."


def test_a_session_write_with_the_csrf_token_goes_through(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world["users"]["manager"])
    browser.get("/en/kluster/eget/redigera/")  # any form page sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    response = patch(browser, "eget", {"description": "Med CSRF"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


def test_a_user_without_any_role_gets_403_on_a_published_cluster(client, world):
    as_user(client, UserFactory())
    assert patch(client, "annat", {"name": "X"}).status_code == 403
    assert patch(client, "dolt", {"name": "X"}).status_code == 404


@pytest.fixture(autouse=True)
def english_api_messages(client):
    # The assertions read the English messages; the API answers in the Accept-Language it is sent.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
