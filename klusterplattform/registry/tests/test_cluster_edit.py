"""The pages that change a cluster: the profile form, the member register, ending a membership, the refusal page."""

import datetime
import re
from decimal import Decimal

import pytest

from klusterplattform.accounts.audit import events_for
from klusterplattform.registry import services
from klusterplattform.registry.models import ClusterOrganisation, Membership

from .factories import (
    ClusterFactory,
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleGrantFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    north, south = RegionFactory(code="25"), RegionFactory(code="12")
    own = ClusterFactory(
        slug="eget",
        name="Eget Kluster",
        description="Gammal text.",
        organisation_number="556677-8899",
        management_fte=Decimal("1.00"),
        regions=[north],
    )
    published = ClusterFactory(slug="annat", name="Annat Kluster", regions=[south])
    hidden = ClusterFactory(slug="dolt", name="Dolt Kluster", is_published=False, regions=[south])
    users = {
        "manager": RoleGrantFactory(role="cluster_manager", cluster=own).user,
        "regional_officer": RoleGrantFactory(role="regional_officer", region=north).user,
        "officer": RoleGrantFactory(role="officer").user,
        "admin": RoleGrantFactory(role="admin").user,
    }
    member = MembershipFactory(cluster=own, organisation=OrganisationFactory(name="Alfa AB", key="ID:alfa"))
    return {"own": own, "published": published, "hidden": hidden, "users": users, "member": member}


def as_user(client, user):
    client.force_login(user)
    return client


def form_data(cluster, **changes) -> dict:
    """What the edit form posts when nothing is touched, with `changes` on top."""
    data = {
        "name": cluster.name,
        "legal_name": cluster.legal_name,
        "organisation_number": cluster.organisation_number,
        "website": cluster.website,
        "founded": "",
        "description": cluster.description,
        "strengths": cluster.strengths,
        "strategy": cluster.strategy,
        "management_fte": str(cluster.management_fte or ""),
        "eccp_profile_url": cluster.eccp_profile_url,
        "regions": [r.code for r in cluster.regions.all()],
    }
    if cluster.is_published:
        data["is_published"] = "on"
    return {**data, **changes}


def page_events(cluster):
    return events_for(cluster).filter(channel="page")


@pytest.mark.parametrize(
    "path", ["/kluster/eget/redigera/", "/kluster/eget/medlemmar/", "/kluster/eget/medlemmar/1/avsluta/"]
)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, path):
    response = client.get(path)
    assert response.status_code == 302 and response.url.startswith("/konto/logga-in/?next=")


PERSONAS = [
    ("manager", "own", 200),
    ("manager", "published", 403),
    ("manager", "hidden", 404),
    ("regional_officer", "own", 403),
    ("regional_officer", "hidden", 404),
    ("officer", "hidden", 200),
    ("admin", "hidden", 200),
]


@pytest.mark.parametrize(("persona", "cluster", "status"), PERSONAS)
def test_the_edit_page_follows_the_permission_table(client, world, persona, cluster, status):
    response = as_user(client, world["users"][persona]).get(f"/en/kluster/{world[cluster].slug}/redigera/")
    assert response.status_code == status
    if status == 403:
        html = response.content.decode()
        assert "You may not do this" in html and "may edit its profile" in html
        assert len(re.findall(r"<h1[ >]", html)) == 1 and "kp/site.css" in html


@pytest.mark.parametrize(("persona", "cluster", "status"), PERSONAS)
def test_a_refused_edit_writes_nothing(client, world, persona, cluster, status):
    target = world[cluster]
    response = as_user(client, world["users"][persona]).post(
        f"/kluster/{target.slug}/redigera/", form_data(target, description="Ändrad")
    )
    assert response.status_code == (302 if status == 200 else status)
    target.refresh_from_db()
    assert (target.description == "Ändrad") == (status == 200)


@pytest.mark.parametrize(("persona", "cluster", "status"), PERSONAS)
def test_the_member_register_follows_the_permission_table(client, world, persona, cluster, status):
    response = as_user(client, world["users"][persona]).get(f"/en/kluster/{world[cluster].slug}/medlemmar/")
    assert response.status_code == status
    if status == 403:
        assert "member register" in response.content.decode()


def test_the_manager_edits_the_profile_and_the_trail_says_page(client, world):
    manager = world["users"]["manager"]
    ecosystem = EcosystemFactory(code="digital", name_en="Digital")
    data = form_data(world["own"], description="Ny text.", ecosystems=["digital"])
    response = as_user(client, manager).post("/en/kluster/eget/redigera/", data, follow=True)
    assert response.redirect_chain[-1][0] == "/en/kluster/eget/"
    html = response.content.decode()
    assert "Ny text." in html and "The profile of Eget Kluster is saved." in html
    own = ClusterOrganisation.objects.get(slug="eget")
    assert own.description == "Ny text." and list(own.ecosystems.all()) == [ecosystem]
    events = list(page_events(own))
    assert {name for event in events for name in event.changes} == {"description", "ecosystems"}
    assert all(event.actor == manager for event in events)


def test_saving_an_untouched_form_changes_nothing(client, world):
    response = as_user(client, world["users"]["manager"]).post(
        "/en/kluster/eget/redigera/", form_data(world["own"]), follow=True
    )
    assert "Nothing was changed." in response.content.decode()
    assert not page_events(world["own"]).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"organisation_number": "556677-8890"}, "organisation_number"),
        ({"management_fte": "-1"}, "management_fte"),
        ({"regions": ["XX"]}, "regions"),
        ({"regions": []}, "regions"),
        ({"name": ""}, "name"),
        ({"founded": "last spring"}, "founded"),
    ],
)
def test_bad_input_shows_the_error_and_writes_nothing(client, world, change, field):
    data = form_data(world["own"], description="Skulle ändras.", **change)
    response = as_user(client, world["users"]["manager"]).post("/en/kluster/eget/redigera/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="error-summary"' in response.content.decode()
    own = ClusterOrganisation.objects.get(slug="eget")
    assert own.description == "Gammal text." and own.organisation_number == "556677-8899"
    assert not page_events(own).exists()


def test_a_manager_has_no_publish_field_and_cannot_unpublish_by_posting_one(client, world):
    as_user(client, world["users"]["manager"])
    assert "is_published" not in client.get("/en/kluster/eget/redigera/").context["form"].fields
    data = form_data(world["own"], description="Ändrad")
    data.pop("is_published")
    client.post("/en/kluster/eget/redigera/", data)
    own = ClusterOrganisation.objects.get(slug="eget")
    assert own.description == "Ändrad" and own.is_published


def test_an_officer_can_unpublish_from_the_form(client, world):
    as_user(client, world["users"]["officer"])
    data = form_data(world["own"])
    data.pop("is_published")
    assert client.post("/en/kluster/eget/redigera/", data).status_code == 302
    assert not ClusterOrganisation.objects.get(slug="eget").is_published


def test_the_edit_form_offers_the_clusters_country_regions_by_code(client, world):
    RegionFactory(code="FR10", country="FR", level="nuts2")
    html = as_user(client, world["users"]["manager"]).get("/en/kluster/eget/redigera/").content.decode()
    assert 'value="25"' in html and 'value="12"' in html and 'value="FR10"' not in html
    assert len(re.findall(r"<h1[ >]", html)) == 1 and "Edit the profile of Eget Kluster" in html


@pytest.mark.parametrize(
    ("persona", "sees_links"),
    [("manager", True), ("officer", True), ("regional_officer", False), ("other_manager", False), (None, False)],
)
def test_the_profile_links_to_editing_only_for_those_who_may(client, world, persona, sees_links):
    users = {
        **world["users"],
        "other_manager": RoleGrantFactory(role="cluster_manager", cluster=world["published"]).user,
    }
    if persona:
        as_user(client, users[persona])
    html = client.get("/en/kluster/eget/").content.decode()
    assert ('href="/en/kluster/eget/redigera/"' in html) == sees_links
    assert ('href="/en/kluster/eget/medlemmar/"' in html) == sees_links
    assert ("Edit profile" in html) == sees_links


def test_the_member_register_lists_current_members_only_and_is_paged(client, world, django_assert_max_num_queries):
    MembershipFactory(
        cluster=world["own"], organisation=OrganisationFactory(name="Gammal AB"), left=datetime.date(2021, 1, 1)
    )
    for _ in range(30):
        MembershipFactory(cluster=world["own"])
    as_user(client, world["users"]["manager"])
    # session, user, role grants, cluster, its regions (permission), count, page
    with django_assert_max_num_queries(7):
        response = client.get("/en/kluster/eget/medlemmar/")
    html = response.content.decode()
    assert "Alfa AB" in html and "Gammal AB" not in html
    assert response.context["members"].total == 31 and len(response.context["members"].items) == 20
    assert "End membership" in html and f'href="/en/kluster/eget/medlemmar/{world["member"].pk}/avsluta/"' in html
    with django_assert_max_num_queries(7):
        assert len(client.get("/en/kluster/eget/medlemmar/?page=2").context["members"].items) == 11


def test_a_member_is_added_by_stable_key_or_organisation_number(client, world):
    manager = world["users"]["manager"]
    by_key = OrganisationFactory(key="ID:beta", name="Beta AB")
    by_number = OrganisationFactory(key="SE:802002-4249", name="Gamma förening", organisation_number="802002-4249")
    as_user(client, manager)
    first = client.post(
        "/en/kluster/eget/medlemmar/", {"organisation": "ID:beta", "kind": "member", "joined": "2024-03-01"}
    )
    assert first.status_code == 302
    second = client.post(
        "/en/kluster/eget/medlemmar/",
        {"organisation": "8020024249", "kind": "participant", "joined": "2024-03-01"},
        follow=True,
    )
    assert "Gamma förening is now recorded as a member of Eget Kluster." in second.content.decode()
    assert Membership.objects.get(organisation=by_key).joined == datetime.date(2024, 3, 1)
    added = Membership.objects.get(organisation=by_number)
    assert added.kind == "participant" and added.left is None
    [event] = events_for(added)
    assert (event.channel, event.actor) == ("page", manager)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"organisation": "ID:alfa"}, "organisation", "already has an open membership"),
        ({"organisation": "ID:finns-inte"}, "organisation", "No organisation has this stable key"),
        ({"organisation": "ID:alfa", "kind": "sponsor"}, "kind", "Select a valid choice"),
        ({"organisation": "ID:alfa", "joined": "someday"}, "joined", "Enter a valid date"),
    ],
)
def test_adding_a_member_refuses_bad_input_with_a_clear_error(client, world, data, field, message):
    response = as_user(client, world["users"]["manager"]).post(
        "/en/kluster/eget/medlemmar/", {"kind": "member", "joined": "2024-03-01", **data}
    )
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert Membership.objects.count() == 1


def test_ending_a_membership_asks_first_then_sets_the_date(client, world):
    member = world["member"]
    url = f"/en/kluster/eget/medlemmar/{member.pk}/avsluta/"
    as_user(client, world["users"]["manager"])
    confirmation = client.get(url)
    html = confirmation.content.decode()
    assert "End the membership of Alfa AB in Eget Kluster" in html and 'type="date"' in html
    member.refresh_from_db()
    assert member.left is None
    response = client.post(url, {"left": "2024-06-30"}, follow=True)
    assert "The membership of Alfa AB ends on 2024-06-30." in response.content.decode()
    member.refresh_from_db()
    assert member.left == datetime.date(2024, 6, 30)
    assert Membership.objects.filter(pk=member.pk).exists()  # history is kept
    [event] = events_for(member).filter(action="update")
    assert (event.channel, event.changes) == ("page", {"left": [None, "2024-06-30"]})


def test_a_membership_cannot_end_before_it_began_on_the_page(client, world):
    url = f"/en/kluster/eget/medlemmar/{world['member'].pk}/avsluta/"
    response = as_user(client, world["users"]["manager"]).post(url, {"left": "2019-12-31"})
    assert response.status_code == 200 and "cannot end before it started" in response.content.decode()
    assert Membership.objects.get(pk=world["member"].pk).left is None


def test_an_ended_membership_is_not_ended_again(client, world):
    services.end_membership(world["member"], datetime.date(2023, 1, 1))
    url = f"/en/kluster/eget/medlemmar/{world['member'].pk}/avsluta/"
    response = as_user(client, world["users"]["manager"]).post(url, {"left": "2024-06-30"}, follow=True)
    assert "already ended on 2023-01-01" in response.content.decode()
    assert Membership.objects.get(pk=world["member"].pk).left == datetime.date(2023, 1, 1)


def test_another_clusters_membership_is_a_404_on_this_clusters_page(client, world):
    foreign = MembershipFactory(cluster=world["published"])
    as_user(client, world["users"]["officer"])
    assert client.get(f"/kluster/eget/medlemmar/{foreign.pk}/avsluta/").status_code == 404
    assert client.post(f"/kluster/eget/medlemmar/{foreign.pk}/avsluta/", {"left": "2024-06-30"}).status_code == 404
    assert Membership.objects.get(pk=foreign.pk).left is None


def test_another_manager_cannot_end_a_membership(client, world):
    other = RoleGrantFactory(role="cluster_manager", cluster=world["published"]).user
    url = f"/kluster/eget/medlemmar/{world['member'].pk}/avsluta/"
    assert as_user(client, other).post(url, {"left": "2024-06-30"}).status_code == 403  # eget is published
    assert Membership.objects.get(pk=world["member"].pk).left is None
