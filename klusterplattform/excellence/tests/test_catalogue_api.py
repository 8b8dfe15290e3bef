"""GET /api/v1/indicators and /api/v1/catalogues: public, in the request language."""

import pytest

from klusterplattform.excellence.catalogue.io import export_catalogue, import_catalogue
from klusterplattform.excellence.tests.factories import small_catalogue

pytestmark = pytest.mark.django_db


def indicator(body, code):
    return next(item for item in body["indicators"] if item["code"] == code)


def test_the_indicators_of_the_current_catalogue_are_listed_in_english(client):
    response = client.get("/api/v1/indicators", HTTP_ACCEPT_LANGUAGE="en")
    body = response.json()
    assert response.status_code == 200
    assert body["catalogue"] == "kp-2026"
    assert len(body["indicators"]) == 36
    str01 = indicator(body, "STR-01")
    assert str01["question"] == "How many organisations take part in the cluster in total?"
    assert str01["area"] == "structure" and str01["area_name"] == "Structure of the cluster"
    assert str01["unit"] == "organisations"
    assert str01["prefill"] == "participants_total" and str01["maps_to"] is None and str01["required"] is True
    gov03 = indicator(body, "GOV-03")
    assert gov03["options"][0] == {"code": "none", "label": "There is no board", "score": 0}


def test_the_indicators_are_in_swedish_by_default(client):
    body = client.get("/api/v1/indicators").json()
    str01 = indicator(body, "STR-01")
    assert str01["question"] == "Hur många organisationer deltar i klustret totalt?"
    assert str01["unit"] == "organisationer"
    assert indicator(body, "GOV-03")["options"][0]["label"] == "Det finns ingen styrelse"
    assert indicator(body, "STG-02")["required"] is False


def test_a_named_catalogue_is_listed_with_the_indicators_it_maps_to(client):
    old = small_catalogue(code="old")
    exported = export_catalogue(old)
    import_catalogue(
        {**exported, "code": "new", "previous": "old", "indicators": [{**exported["indicators"][0], "previous": "S1"}]}
    )
    body = client.get("/api/v1/indicators?catalogue=new&lang=en").json()
    assert body["catalogue"] == "new" and body["previous"] == "old"
    assert body["indicators"][0]["maps_to"] == "S1"
    assert body["indicators"][0]["lineage"] == "old:S1"


def test_an_unknown_catalogue_is_not_found(client):
    response = client.get("/api/v1/indicators?catalogue=no-such-thing")
    assert response.status_code == 404


def test_the_catalogue_versions_are_listed_newest_first_with_the_current_one_marked(client):
    small_catalogue(code="newer", name_en="Newer catalogue")
    body = client.get("/api/v1/catalogues", HTTP_ACCEPT_LANGUAGE="en").json()
    assert [item["code"] for item in body] == ["newer", "kp-2026"]
    assert body[0]["is_current"] is True and body[1]["is_current"] is False
    assert body[0]["name"] == "Newer catalogue"
    assert body[1]["indicator_count"] == 36
    assert body[1]["url"].endswith("/indikatorer/kp-2026/")


def test_the_catalogue_names_follow_the_request_language(client):
    body = client.get("/api/v1/catalogues?lang=sv").json()
    assert body[0]["name"] == "Klusterplattformens indikatorkatalog 2026"


def test_a_broken_token_is_refused_even_on_the_public_endpoints(client):
    for url in ("/api/v1/indicators", "/api/v1/catalogues"):
        assert client.get(url, HTTP_AUTHORIZATION="Bearer kp_not-a-token").status_code == 401
