"""Who sees what on the pages: unpublished clusters and member names, tested with the house personas."""

import pytest

from .factories import (
    ClusterFactory,
    ContactPersonFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RoleGrantFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden():
    """An unpublished cluster with a member and a contact person, and a published one beside it."""
    cluster = ClusterFactory(name="Dolda Klustret", slug="dolda", is_published=False)
    MembershipFactory(cluster=cluster, organisation=OrganisationFactory(name="Hemlig Enskild Firma"))
    ContactPersonFactory(cluster=cluster, name="Karin Kontakt")
    return cluster


@pytest.fixture
def public():
    cluster = ClusterFactory(name="Öppna Klustret", slug="oppna")
    MembershipFactory(cluster=cluster, organisation=OrganisationFactory(name="Synlig Medlem AB", type="research"))
    ContactPersonFactory(cluster=cluster, name="Per Person")
    return cluster


def manager_of(cluster):
    return RoleGrantFactory(role="cluster_manager", cluster=cluster).user


def officer():
    return RoleGrantFactory(role="officer").user


def listed(client) -> list[str]:
    return [cluster.slug for cluster in client.get("/kluster/").context["page"].items]


def test_anonymous_visitors_neither_list_nor_open_an_unpublished_cluster(client, hidden, public):
    assert listed(client) == ["oppna"]
    assert client.get("/kluster/dolda/").status_code == 404


def test_another_clusters_manager_cannot_see_an_unpublished_cluster(client, hidden, public):
    client.force_login(manager_of(public))
    assert listed(client) == ["oppna"]
    assert client.get("/kluster/dolda/").status_code == 404


def test_the_clusters_own_manager_sees_it_marked_as_not_published(client, hidden, public):
    client.force_login(manager_of(hidden))
    assert listed(client) == ["dolda", "oppna"]
    response = client.get("/en/kluster/dolda/")
    assert response.status_code == 200
    assert "Not published" in response.content.decode()


def test_an_officer_sees_every_cluster(client, hidden, public):
    client.force_login(officer())
    assert listed(client) == ["dolda", "oppna"]
    assert client.get("/kluster/dolda/").status_code == 200


def test_a_signed_in_user_without_a_role_sees_only_published_clusters(client, hidden, public):
    client.force_login(UserFactory())
    assert listed(client) == ["oppna"]


def test_the_public_sees_member_counts_but_no_member_or_contact_names(client, public):
    response = client.get("/en/kluster/oppna/")
    html = response.content.decode()
    assert response.context["counts"]["by_type"]["research"] == 1
    assert '<tr><th scope="row">Research organisation or university</th><td>1</td></tr>' in html
    assert "Synlig Medlem AB" not in html
    assert "Per Person" not in html
    assert "members" not in response.context


def test_another_clusters_manager_sees_no_member_names(client, hidden, public):
    client.force_login(manager_of(hidden))
    html = client.get("/kluster/oppna/").content.decode()
    assert "Synlig Medlem AB" not in html and "Per Person" not in html


@pytest.mark.parametrize("persona", ["manager", "officer"])
def test_the_clusters_manager_and_officers_see_members_and_contacts(client, public, persona):
    client.force_login(manager_of(public) if persona == "manager" else officer())
    html = client.get("/kluster/oppna/").content.decode()
    assert "Synlig Medlem AB" in html and "Per Person" in html


def test_the_member_list_is_paged(client, public, settings):
    settings.KP_PAGE_SIZE = 2
    for n in range(4):
        MembershipFactory(cluster=public, organisation=OrganisationFactory(name=f"Medlem {n}"))
    client.force_login(manager_of(public))
    page = client.get("/kluster/oppna/?members_page=3").context["members"]
    assert (page.number, page.total, [m.organisation.name for m in page.items]) == (3, 5, ["Synlig Medlem AB"])


def test_a_programme_page_lists_only_the_clusters_the_visitor_may_see(client, hidden, public):
    ProgrammeFactory(slug="p", clusters=[hidden, public])
    anonymous = client.get("/program/p/").context["participations"]
    client.force_login(officer())
    staff = client.get("/program/p/").context["participations"]
    assert [p.cluster.slug for p in anonymous] == ["oppna"]
    assert [p.cluster.slug for p in staff] == ["dolda", "oppna"]


def test_an_unpublished_programme_is_404_for_the_public_but_shown_to_officers(client):
    ProgrammeFactory(slug="utkast", is_published=False)
    assert client.get("/program/utkast/").status_code == 404
    assert client.get("/program/").context["programmes"].count() == 0
    client.force_login(officer())
    assert client.get("/program/utkast/").status_code == 200
