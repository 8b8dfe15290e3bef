"""The labels API: the public list with filters, recording a label (officers) with the computed validity, and a
cluster's history with its renewal chain; every answer as the schema documents it."""

from datetime import date, timedelta

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings

from klusterplattform.accounts.models import ApiToken
from klusterplattform.excellence.labels import record_label
from klusterplattform.excellence.models import Label
from klusterplattform.excellence.tests.factories import LabelFactory
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, UserFactory


@pytest.fixture
def world(db):
    public = ClusterFactory(slug="public", name="Public", is_published=True)
    hidden = ClusterFactory(slug="hidden", name="Hidden", is_published=False)
    officer, manager = UserFactory(), UserFactory()
    grant_role(officer, "officer")
    grant_role(manager, "cluster_manager", clusters=["public"])
    return {"public": public, "hidden": hidden, "officer": officer, "manager": manager}


def bearer(user) -> dict:
    _token, raw = ApiToken.issue(user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}", "HTTP_ACCEPT_LANGUAGE": "en"}


def _label(cluster, days_left, level="bronze"):
    today = timezone.localdate()
    return LabelFactory(
        cluster=cluster,
        level=level,
        awarded_on=today - timedelta(days=300),
        valid_until=today + timedelta(days=days_left),
    )


def test_anyone_lists_the_labels_of_published_clusters(client, world):
    _label(world["public"], 100)
    _label(world["hidden"], 100)
    body = client.get("/api/v1/labels").json()
    assert body["count"] == 1
    assert body["results"][0]["cluster"] == "public"
    assert body["results"][0]["status"]["code"] == "valid"


def test_the_list_filters_by_level_validity_date_and_expiry(client, world):
    soon = _label(world["public"], 20)
    later = _label(ClusterFactory(is_published=True), 400, level="gold")
    today = timezone.localdate()

    def ids(query):
        return {row["id"] for row in client.get("/api/v1/labels" + query).json()["results"]}

    assert ids("?level=gold") == {later.pk}
    assert ids("?expiring_within=30") == {soon.pk}
    assert ids(f"?valid_on={today + timedelta(days=100)}") == {later.pk}
    assert client.get("/api/v1/labels?level=platinum").status_code == 422


def test_the_list_pages_with_the_total(client, world):
    for _number in range(3):
        _label(ClusterFactory(is_published=True), 100)
    body = client.get("/api/v1/labels?page=2&page_size=2").json()
    assert (body["count"], body["page"], body["page_size"], len(body["results"])) == (3, 2, 2, 1)


def test_an_officer_records_a_label_and_gets_the_computed_validity(client, world):
    first, _ = record_label(world["officer"], world["public"], "bronze", date(2023, 1, 10), "esca")
    payload = {"cluster": "public", "level": "bronze", "assessed_on": "2024-12-01", "report_id": "SWE1"}
    response = client.post("/api/v1/labels", payload, content_type="application/json", **bearer(world["officer"]))
    assert response.status_code == 201
    body = response.json()
    assert (body["valid_from"], body["valid_until"], body["renews"]) == ("2025-01-11", "2028-01-10", first.pk)
    assert body["awarding_body"] == "eucles"


def test_a_cluster_manager_may_not_record_a_label(client, world):
    payload = {"cluster": "public", "level": "bronze", "assessed_on": "2024-12-01"}
    response = client.post("/api/v1/labels", payload, content_type="application/json", **bearer(world["manager"]))
    assert response.status_code == 403
    assert not Label.objects.exists()


def test_recording_without_a_token_is_401(client, world):
    payload = {"cluster": "public", "level": "bronze", "assessed_on": "2024-12-01"}
    assert client.post("/api/v1/labels", payload, content_type="application/json").status_code == 401


@pytest.mark.parametrize(
    "changes",
    [
        {"assessed_on": "2999-01-01"},
        {"source_url": "not an address"},
        {"level": "platinum"},
        {"assessed_on": "yesterday"},
        {"certificate": "x"},
    ],
)
def test_bad_input_is_a_422_and_nothing_is_written(client, world, changes):
    payload = {"cluster": "public", "level": "bronze", "assessed_on": "2024-12-01", **changes}
    response = client.post("/api/v1/labels", payload, content_type="application/json", **bearer(world["officer"]))
    assert response.status_code == 422
    assert response.json()["detail"]
    assert not Label.objects.exists()


def test_an_unknown_cluster_is_a_404(client, world):
    payload = {"cluster": "nowhere", "level": "bronze", "assessed_on": "2024-12-01"}
    response = client.post("/api/v1/labels", payload, content_type="application/json", **bearer(world["officer"]))
    assert response.status_code == 404


def test_a_clusters_history_shows_the_renewal_chain_and_the_lapse(client, world):
    first, _ = record_label(world["officer"], world["public"], "bronze", date(2019, 7, 25), "esca")
    renewal, _ = record_label(world["officer"], world["public"], "bronze", date(2021, 9, 1), "eucles")
    rows = client.get("/api/v1/clusters/public/labels", HTTP_ACCEPT_LANGUAGE="en").json()
    assert [(row["id"], row["renews"], row["renewed_by"]) for row in rows] == [
        (first.pk, None, renewal.pk),
        (renewal.pk, first.pk, None),
    ]
    assert rows[1]["lapsed_days"] == 38
    assert rows[0]["status"]["code"] == "renewed"


def test_the_labels_of_an_invisible_cluster_are_a_404(client, world):
    _label(world["hidden"], 100)
    assert client.get("/api/v1/clusters/hidden/labels").status_code == 404
    assert client.get("/api/v1/clusters/hidden/labels", **bearer(world["officer"])).status_code == 200


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(path_regex="labels")


@pytest.fixture
def fuzz_data(world):
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    _label(world["public"], 50)
    yield world
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_label_operation_answers_as_its_schema_says(case, fuzz_data):
    case.call_and_validate()
