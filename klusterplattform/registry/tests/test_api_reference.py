"""Regions, taxonomies and programmes in the API: filters, translated names, visibility, 404s."""

import datetime

import pytest

from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    ProgrammeFactory,
    RegionFactory,
    RoleGrantFactory,
    S3PriorityAreaFactory,
    SectoralIndustryFactory,
    TechnologyFieldFactory,
)


@pytest.fixture
def regions(db):
    stockholm = RegionFactory(code="01", name_sv="Stockholms län", name_en="Stockholm County")
    RegionFactory(code="DE", level="nuts0", country="DE", name_sv="Tyskland", name_en="Germany", nuts2_code="")
    area = S3PriorityAreaFactory(region=stockholm, code="life-science", title_sv="Life science", nace_codes=["21"])
    area.ecosystems.set([EcosystemFactory(code="health")])
    return stockholm


def codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()]


def test_regions_filter_by_country_and_level(client, regions):
    assert codes(client.get("/api/v1/regions")) == ["DE", "01"]
    assert codes(client.get("/api/v1/regions?country=se")) == ["01"]
    assert codes(client.get("/api/v1/regions?level=nuts0")) == ["DE"]


def test_region_names_follow_the_request_language(client, regions):
    names = {item["code"]: item["name"] for item in client.get("/api/v1/regions?lang=en").json()}
    assert names == {"01": "Stockholm County", "DE": "Germany"}


def test_a_region_comes_with_its_s3_priority_areas(client, regions):
    body = client.get("/api/v1/regions/01").json()
    assert body["name"] == "Stockholms län"
    area = body["s3_areas"][0]
    assert (area["code"], area["nace_codes"], area["ecosystems"]) == ("life-science", ["21"], ["health"])


def test_an_unknown_region_is_404(client, regions):
    assert client.get("/api/v1/regions/99").status_code == 404


def test_each_taxonomy_lists_its_terms_in_the_request_language(client, db):
    EcosystemFactory(code="digital", name_sv="Digitalt", name_en="Digital")
    SectoralIndustryFactory(code="paper", name_sv="Papper och förpackningar", name_en="Paper and Packaging")
    TechnologyFieldFactory(code="pulp", name_sv="Massateknik", name_en="Pulp Technology")
    assert client.get("/api/v1/taxonomies/ecosystems").json() == [{"code": "digital", "name": "Digitalt"}]
    assert client.get("/api/v1/taxonomies/sectors?lang=en").json() == [{"code": "paper", "name": "Paper and Packaging"}]
    assert client.get("/api/v1/taxonomies/technology-fields", headers={"accept-language": "en"}).json() == [
        {"code": "pulp", "name": "Pulp Technology"}
    ]


@pytest.fixture
def programmes(db):
    visible, hidden = ClusterFactory(name="Alfa"), ClusterFactory(name="Beta", is_published=False)
    ProgrammeFactory(slug="s3-piloten", name_sv="S3-piloten", name_en="The S3 pilot", clusters=[visible, hidden])
    ProgrammeFactory(slug="draft", is_published=False)
    return {"visible": visible, "hidden": hidden}


def test_programmes_list_only_published_ones_for_anonymous(client, programmes):
    assert [p["slug"] for p in client.get("/api/v1/programmes").json()] == ["s3-piloten"]


def test_an_officer_sees_unpublished_programmes(client, programmes):
    client.force_login(RoleGrantFactory(role="officer").user)
    assert {p["slug"] for p in client.get("/api/v1/programmes").json()} == {"s3-piloten", "draft"}


def test_a_programme_lists_its_visible_clusters_with_selected_date_and_status(client, programmes):
    body = client.get("/api/v1/programmes/s3-piloten?lang=en").json()
    assert body["name"] == "The S3 pilot"
    assert body["clusters"] == [
        {
            "slug": programmes["visible"].slug,
            "name": "Alfa",
            "selected_on": datetime.date(2018, 3, 26).isoformat(),
            "status": "selected",
            "url": f"http://testserver/en/kluster/{programmes['visible'].slug}/",
        }
    ]


def test_an_unpublished_or_unknown_programme_is_404(client, programmes):
    assert client.get("/api/v1/programmes/draft").status_code == 404
    assert client.get("/api/v1/programmes/nothing").status_code == 404
