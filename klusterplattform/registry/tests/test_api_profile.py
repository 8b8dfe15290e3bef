"""GET /api/v1/clusters/{slug}: the public profile, its 404s and the request language."""

import datetime
from decimal import Decimal

import pytest

from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    LabelFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
    RoleGrantFactory,
    S3PriorityAreaFactory,
)


@pytest.fixture
def cluster(db):
    region = RegionFactory(code="17", name_sv="Värmlands län", name_en="Värmland County")
    area = S3PriorityAreaFactory(region=region, code="skog", title_sv="Skogsbruk", title_en="Forestry")
    cluster = ClusterFactory(
        name="Paper Province",
        slug="paper-province",
        regions=[region],
        ecosystems=[EcosystemFactory(code="energy-intensive", name_sv="Energiintensiva", name_en="Energy-intensive")],
        s3_priority_areas=[area],
        management_fte=Decimal("2.50"),
        website_in_english=True,
    )
    for number in range(3):
        MembershipFactory(cluster=cluster, organisation=OrganisationFactory(type="sme" if number else "research"))
    LabelFactory(cluster=cluster, level="silver")
    expired = datetime.date.today() - datetime.timedelta(days=30)
    LabelFactory(
        cluster=cluster, level="bronze", awarded_on=expired - datetime.timedelta(days=900), valid_until=expired
    )
    ProgrammeFactory(slug="s3-piloten", name_sv="S3-piloten", name_en="The S3 pilot", clusters=[cluster])
    ProgrammeFactory(slug="secret", is_published=False, clusters=[cluster])
    return cluster


def test_the_profile_shows_facts_member_counts_checklist_labels_and_programmes(client, cluster):
    response = client.get("/api/v1/clusters/paper-province")
    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["management_fte"], body["url"]) == (
        "Paper Province",
        2.5,
        "http://testserver/kluster/paper-province/",
    )
    assert body["regions"] == [{"code": "17", "name": "Värmlands län"}]
    assert body["s3_priority_areas"] == [{"code": "skog", "title": "Skogsbruk", "region": "17"}]
    assert body["member_counts"]["total"] == 3
    assert body["member_counts"]["by_type"]["sme"] == 2
    checks = {check["code"]: check["passed"] for check in body["eccp_checklist"]}
    assert checks == {"management_fte": True, "committed_members": False, "member_types": True, "website": True}
    assert [label["level"] for label in body["labels"]] == ["silver"], "an expired label is not current"
    assert [p["slug"] for p in body["programmes"]] == ["s3-piloten"], "an unpublished programme stays hidden"


def test_names_follow_the_lang_parameter(client, cluster):
    body = client.get("/api/v1/clusters/paper-province?lang=en").json()
    assert body["regions"][0]["name"] == "Värmland County"
    assert body["ecosystems"][0]["name"] == "Energy-intensive"
    assert body["programmes"][0]["name"] == "The S3 pilot"


def test_names_follow_accept_language(client, cluster):
    body = client.get("/api/v1/clusters/paper-province", headers={"accept-language": "en"}).json()
    assert body["s3_priority_areas"][0]["title"] == "Forestry"


def test_an_unknown_cluster_is_404_with_a_json_error(client, db):
    response = client.get("/api/v1/clusters/no-such-cluster?lang=en")
    assert response.status_code == 404
    assert response.json()["detail"] == "Not found."


def test_an_unpublished_cluster_is_404_for_anonymous_and_for_another_clusters_manager(client, db):
    ClusterFactory(slug="hidden", is_published=False)
    assert client.get("/api/v1/clusters/hidden").status_code == 404
    client.force_login(RoleGrantFactory(role="cluster_manager", cluster=ClusterFactory()).user)
    assert client.get("/api/v1/clusters/hidden").status_code == 404


def test_a_manager_sees_their_own_unpublished_cluster(client, db):
    hidden = ClusterFactory(slug="hidden", is_published=False)
    client.force_login(RoleGrantFactory(role="cluster_manager", cluster=hidden).user)
    response = client.get("/api/v1/clusters/hidden")
    assert response.status_code == 200
    assert response.json()["is_published"] is False


def test_the_profile_costs_a_fixed_number_of_queries(client, cluster, django_assert_num_queries):
    # cluster, member counts, regions, ecosystems, sectors, technology fields, S3 areas, labels, programmes
    with django_assert_num_queries(9):
        client.get("/api/v1/clusters/paper-province")
    for _number in range(5):
        MembershipFactory(cluster=cluster)
    with django_assert_num_queries(9):
        client.get("/api/v1/clusters/paper-province")
