"""The registry's list exports: programmes, regions, a cluster's member register and its invitations. Each holds
exactly the rows its page shows (same visibility, not paged), in both formats, formula-safe, with a fixed count of
queries."""

import datetime

import pytest

from klusterplattform.core.exports import safe_cell
from klusterplattform.registry import invitations

from .factories import (
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
    RoleGrantFactory,
    UserFactory,
)
from .test_list_exports_common import column, count_queries, csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    north, south = RegionFactory(code="25", name_sv="Norrbottens län"), RegionFactory(code="12", name_sv="Skåne län")
    hidden = ClusterFactory(name="Dolt kluster", slug="dolt", is_published=False, regions=[north])
    public = ClusterFactory(name="Öppet kluster", slug="oppet", regions=[north, south])
    ProgrammeFactory(slug="synligt", name_sv="Synligt program", clusters=[hidden, public])
    ProgrammeFactory(slug="dolt-program", name_sv="@Dolt program", name_en="@Dolt program", is_published=False)
    MembershipFactory(cluster=hidden, organisation=OrganisationFactory(name="-Minus AB", key="ID:minus"))
    MembershipFactory(cluster=hidden, organisation=OrganisationFactory(name="Alfa AB", key="ID:alfa"))
    MembershipFactory(
        cluster=hidden, organisation=OrganisationFactory(name="Gammal AB"), left=datetime.date(2021, 1, 1)
    )
    return {
        "hidden": hidden,
        "public": public,
        "manager": RoleGrantFactory(role="cluster_manager", cluster=hidden).user,
        "other_manager": RoleGrantFactory(role="cluster_manager", cluster=public).user,
        "officer": RoleGrantFactory(role="officer").user,
    }


# Programmes --------------------------------------------------------------------------------------------------------


def test_the_programme_export_holds_the_visible_programmes_with_their_visible_clusters(client, world):
    rows = csv_rows(client.get("/program/export.csv"))
    assert column(rows, "Program") == ["Synligt program"]
    assert column(rows, "Kluster") == ["1"]  # the unpublished cluster is not counted for the public
    client.force_login(world["officer"])
    rows = csv_rows(client.get("/program/export.csv"))
    assert sorted(column(rows, "Program")) == sorted(["'@Dolt program", "Synligt program"])
    assert dict(zip(column(rows, "Program"), column(rows, "Kluster"), strict=True))["Synligt program"] == "2"
    listed = [safe_cell(p.name) for p in client.get("/program/").context["programmes"]]
    assert column(rows, "Program") == listed


def test_the_programme_export_in_xlsx_and_unknown_formats(client, world):
    client.force_login(world["officer"])
    assert "'@Dolt program" in column(xlsx_rows(client.get("/en/program/export.xlsx")), "Programme")
    assert client.get("/program/export.xml").status_code == 404


# Regions -----------------------------------------------------------------------------------------------------------


def test_the_region_export_lists_the_regions_in_page_order_with_visible_cluster_counts(client, world):
    rows = csv_rows(client.get("/regioner/export.csv"))
    assert column(rows, "Kod") == ["12", "25"]
    assert column(rows, "Kluster") == ["1", "1"]  # Norrbotten's unpublished cluster is not counted
    client.force_login(world["manager"])
    assert column(csv_rows(client.get("/regioner/export.csv")), "Kluster") == ["1", "2"]


def test_the_region_export_query_count_is_fixed(client, world, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get("/regioner/export.csv")
    for n in range(5):
        RegionFactory(code=f"X{n}", country="NO")
    with django_assert_num_queries(1):
        assert len(csv_rows(client.get("/regioner/export.csv"))) == 1 + 2 + 5


# The member register -----------------------------------------------------------------------------------------------


def test_the_member_export_holds_the_current_members_for_the_clusters_managers(client, world):
    client.force_login(world["manager"])
    rows = csv_rows(client.get("/kluster/dolt/medlemmar/export.csv"))
    assert column(rows, "Organisation") == ["'-Minus AB", "Alfa AB"]  # by sort name; the one who left is not there
    assert column(rows, "Stabil nyckel") == ["ID:minus", "ID:alfa"]
    assert "'-Minus AB" in column(xlsx_rows(client.get("/kluster/dolt/medlemmar/export.xlsx")), "Organisation")


@pytest.mark.parametrize("persona, status", [("other_manager", 404), ("officer", 200)])
def test_the_member_export_answers_as_the_page_does(client, world, persona, status):
    client.force_login(world[persona])
    assert client.get("/kluster/dolt/medlemmar/").status_code == status
    assert client.get("/kluster/dolt/medlemmar/export.csv").status_code == status


def test_the_member_export_sends_anonymous_visitors_to_sign_in_and_refuses_those_who_may_not(client, world):
    response = client.get("/kluster/dolt/medlemmar/export.csv")
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get("/kluster/oppet/medlemmar/").status_code == 403
    assert client.get("/kluster/oppet/medlemmar/export.csv").status_code == 403


def test_the_member_export_query_count_does_not_grow(client, world, django_assert_num_queries):
    client.force_login(world["manager"])
    url = "/kluster/dolt/medlemmar/export.csv"
    client.get(url)
    with django_assert_num_queries(6) as before:
        client.get(url)
    for n in range(6):
        MembershipFactory(cluster=world["hidden"], organisation=OrganisationFactory(region=RegionFactory(code=f"R{n}")))
    with django_assert_num_queries(len(before.captured_queries)):
        assert len(csv_rows(client.get(url))) == 1 + 2 + 6


# Invitations -------------------------------------------------------------------------------------------------------


@pytest.fixture
def invited(world, mailoutbox):
    for email in ("ny@example.org", "annan@example.org"):
        invitations.invite(world["officer"], email, world["hidden"], "http://testserver/")
    return world


def test_the_invitation_export_is_the_officers_list(client, invited):
    client.force_login(invited["officer"])
    rows = csv_rows(client.get("/kluster/dolt/inbjudningar/export.csv"))
    listed = [i.email for i in client.get("/kluster/dolt/inbjudningar/").context["invitations"]]
    assert column(rows, "E-postadress") == listed and sorted(listed) == ["annan@example.org", "ny@example.org"]
    assert "token" not in rows[0] and all(len(row) == 8 for row in rows)  # never the link's secret


@pytest.mark.parametrize("persona", ["manager", "other_manager"])
def test_the_invitation_export_does_not_exist_for_anyone_but_officers(client, invited, persona):
    client.force_login(invited[persona])
    assert client.get("/kluster/dolt/inbjudningar/").status_code == 404
    assert client.get("/kluster/dolt/inbjudningar/export.csv").status_code == 404
    client.logout()
    assert client.get("/kluster/dolt/inbjudningar/export.xlsx").status_code == 302


@pytest.mark.parametrize(
    "url, most",
    # Session, user, role grants (read or not, depending on what an earlier request cached), then the programmes
    # with their counts, or the cluster, its regions and the invitations with their people.
    [("/program/export.csv", 4), ("/kluster/dolt/inbjudningar/export.csv", 6)],
)
def test_the_programme_and_invitation_exports_make_a_fixed_number_of_queries(client, invited, url, most):
    client.force_login(invited["officer"])
    count_queries(client, url)
    before = count_queries(client, url)
    assert before <= most
    for n in range(4):
        ProgrammeFactory(slug=f"extra-{n}", clusters=[invited["public"]])
        invitations.invite(invited["officer"], f"extra{n}@example.org", invited["hidden"], "http://testserver/")
    count_queries(client, url)
    assert count_queries(client, url) == before
    assert len(csv_rows(client.get(url))) == 1 + 2 + 4


# A programme's clusters --------------------------------------------------------------------------------------------


def test_a_programmes_cluster_export_holds_the_clusters_its_page_lists(client, world):
    assert column(csv_rows(client.get("/program/synligt/export.csv")), "Klusterorganisation") == ["Öppet kluster"]
    client.force_login(world["manager"])
    rows = csv_rows(client.get("/program/synligt/export.csv"))
    listed = [p.cluster.name for p in client.get("/program/synligt/").context["participations"]]
    assert column(rows, "Klusterorganisation") == listed == ["Dolt kluster", "Öppet kluster"]
    assert column(rows, "Regioner") == ["Norrbottens län", "Skåne län; Norrbottens län"]  # by region code


def test_a_hidden_programmes_cluster_export_is_404_but_for_staff(client, world):
    assert client.get("/program/dolt-program/export.csv").status_code == 404
    client.force_login(world["officer"])
    assert client.get("/program/dolt-program/export.xlsx").status_code == 200
    client.get("/program/synligt/export.csv")
    before = count_queries(client, "/program/synligt/export.csv")
    programme = world["hidden"].participations.get().programme
    for n in range(4):
        ProgrammeFactory(slug=f"x{n}")
        programme.participations.create(cluster=ClusterFactory(name=f"Extra {n}", regions=[RegionFactory(code="25")]))
    count_queries(client, "/program/synligt/export.csv")
    assert count_queries(client, "/program/synligt/export.csv") == before <= 7
