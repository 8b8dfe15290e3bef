"""The API documents itself: OpenAPI lists every endpoint, and the interactive docs work offline."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

ENDPOINTS = {
    "/api/v1/clusters",
    "/api/v1/clusters/{slug}",
    "/api/v1/clusters/{slug}/memberships",
    "/api/v1/clusters/{slug}/memberships/{membership_id}",
    "/api/v1/organisations",
    "/api/v1/regions",
    "/api/v1/regions/{code}",
    "/api/v1/taxonomies/ecosystems",
    "/api/v1/taxonomies/sectors",
    "/api/v1/taxonomies/technology-fields",
    "/api/v1/programmes",
    "/api/v1/programmes/{slug}",
    "/api/v1/me",
    "/api/v1/tokens",
    "/api/v1/tokens/{token_id}",
    "/api/v1/audit",
    "/api/v1/catalogues",
    "/api/v1/indicators",
    "/api/v1/assessments",
    "/api/v1/assessments/{assessment_id}",
    "/api/v1/assessments/{assessment_id}/actions/{action}",
    "/api/v1/assessments/{assessment_id}/answers",
    "/api/v1/assessments/{assessment_id}/benchmark",
    "/api/v1/assessments/{assessment_id}/comments",
    "/api/v1/labels",
    "/api/v1/clusters/{slug}/labels",
    "/api/v1/activities",
    "/api/v1/activities/{activity_id}",
    "/api/v1/activities/{activity_id}/registrations",
    "/api/v1/activities/{activity_id}/registrations/{registration_id}",
    "/api/v1/programmes/{slug}/needs",
    "/api/v1/calls",
    "/api/v1/calls/{slug}",
    "/api/v1/calls/{slug}/applications",
    "/api/v1/applications/{application_id}",
    "/api/v1/applications/{application_id}/actions/{action}",
    "/api/v1/applications/{application_id}/reviews",
    "/api/v1/clusters/{slug}/funding-fit",
    "/api/v1/funding-calls",
    "/api/v1/funding-calls/{identifier}",
    "/api/v1/partner-searches",
    "/api/v1/partner-searches/{post_id}",
    "/api/v1/partner-searches/{post_id}/close",
    "/api/v1/partner-searches/{post_id}/follow",
    "/api/v1/partner-searches/{post_id}/interests",
    "/api/v1/partner-interests",
    "/api/v1/partner-interests/{interest_id}/decision",
    "/api/v1/partner-interests/{interest_id}/withdraw",
    "/api/v1/matches",
    "/api/v1/matches/feedback",
    "/api/v1/events/{activity_id}/participants",
    "/api/v1/events/{activity_id}/meetings",
    "/api/v1/events/{activity_id}/agenda",
    "/api/v1/events/{activity_id}/schedule",
    "/api/v1/event-meetings/{meeting_id}/decision",
    "/api/v1/event-meetings/{meeting_id}/withdraw",
    "/api/v1/event-meetings/{meeting_id}/outcome",
}


@pytest.fixture
def openapi(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_lists_every_endpoint(openapi):
    assert openapi["openapi"].startswith("3.")
    assert set(openapi["paths"]) == ENDPOINTS


def test_openapi_documents_the_directory_response_and_its_filters(openapi):
    operation = openapi["paths"]["/api/v1/clusters"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "region", "country", "ecosystem", "sector", "label", "programme", "demo", "sort"} <= names
    assert {"page", "page_size"} <= names
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("ClusterPage")


def test_me_is_documented_as_needing_a_bearer_token(openapi):
    schemes = openapi["components"]["securitySchemes"]
    assert any(scheme.get("scheme") == "bearer" for scheme in schemes.values())
    assert openapi["paths"]["/api/v1/me"]["get"]["security"]


def test_the_docs_page_loads_nothing_from_another_host(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    references = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert references, "the page references its scripts and styles"
    assert all(not re.match(r"^(?:[a-z]+:)?//", ref) for ref in references), references
    assert "cdn" not in html.lower()
    for ref in references:
        assert finders.find(ref.removeprefix(settings.STATIC_URL)), f"{ref} is served from the project's own files"
