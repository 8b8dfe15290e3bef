"""The applications API: listing within permissions, one application, starting, changing a draft and the workflow
actions, with 401/403/404/409/422 as the module's rules say."""

import datetime
import json

import pytest
from django.utils import timezone

from klusterplattform.calls.models import Application, ApplicationEvent, Call, ReviewAssignment
from klusterplattform.calls.tests.application_fixtures import COMPLETE_ANSWERS, application_in, draft
from klusterplattform.calls.tests.calls_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world()


def _json(client, method, url, body=None, user=None):
    if user is not None:
        client.force_login(user)
    call = getattr(client, method)
    if body is None:
        return call(url, HTTP_ACCEPT_LANGUAGE="en")
    return call(url, json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")


def test_list_within_permissions(client, world, django_assert_max_num_queries):
    submitted = application_in(world, "submitted")
    other = draft(world, cluster=world.cluster_b, complete=False)
    url = f"/api/v1/calls/{world.call.slug}/applications"
    assert client.get(url).status_code == 401

    def ids(user, query=""):
        response = _json(client, "get", url + query, user=user)
        assert response.status_code == 200
        return {row["id"] for row in response.json()["results"]}

    client.force_login(world.officer)
    with django_assert_max_num_queries(10):
        client.get(url)
    assert ids(world.officer) == {submitted.pk, other.pk}
    assert ids(world.officer, "?status=draft") == {other.pk}
    assert ids(world.officer, f"?region={world.region_a.code}") == {submitted.pk}
    assert ids(world.manager_a) == {submitted.pk}
    assert ids(world.manager_b) == {other.pk}
    assert ids(world.regional_a) == {submitted.pk}
    assert ids(world.regional_b) == set()  # cluster B's draft is not shown to its region
    assert ids(world.reviewer_1) == set()
    ReviewAssignment.objects.create(
        application=submitted, reviewer=world.reviewer_1, no_conflict_declared_at=timezone.now()
    )
    assert ids(world.reviewer_1) == {submitted.pk}
    assert ids(world.outsider) == set()


def test_an_unpublished_call_is_a_404_for_applicants(client, world):
    Call.objects.filter(pk=world.call.pk).update(is_published=False)
    url = f"/api/v1/calls/{world.call.slug}/applications"
    assert _json(client, "get", url, user=world.manager_a).status_code == 404
    assert _json(client, "get", url, user=world.officer).status_code == 200


def test_detail_is_a_404_for_whoever_may_not_see_it(client, world):
    application = draft(world, complete=False)
    url = f"/api/v1/applications/{application.pk}"
    assert client.get(url).status_code == 401
    for user in (world.manager_b, world.regional_a, world.regional_b, world.reviewer_1, world.outsider):
        assert _json(client, "get", url, user=user).status_code == 404
    body = _json(client, "get", url, user=world.manager_a).json()
    assert body["status"] == "draft" and body["cluster"] == world.cluster_a.slug
    assert [a["code"] for a in body["actions"]] == ["submit", "withdraw"]
    assert "strategy_document" in body["completeness"]["missing"]
    assert _json(client, "get", "/api/v1/applications/999999", user=world.officer).status_code == 404


def test_start_creates_once(client, world):
    url = f"/api/v1/calls/{world.call.slug}/applications"
    first = _json(client, "post", url, {"cluster": world.cluster_a.slug}, user=world.manager_a)
    assert first.status_code == 201
    second = _json(client, "post", url, {"cluster": world.cluster_a.slug})
    assert second.status_code == 200 and second.json()["id"] == first.json()["id"]
    assert first.json()["regions"] == [world.region_a.code]
    assert _json(client, "post", url, {"cluster": world.cluster_a.slug}, user=world.officer).status_code == 403
    assert _json(client, "post", url, {"cluster": world.cluster_a.slug}, user=world.manager_b).status_code == 403
    assert _json(client, "post", url, {"cluster": "finns-inte"}, user=world.manager_b).status_code == 404
    assert Application.objects.count() == 1


def test_start_in_a_closed_call_is_a_409(client, world):
    Call.objects.filter(pk=world.call.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    response = _json(
        client,
        "post",
        f"/api/v1/calls/{world.call.slug}/applications",
        {"cluster": world.cluster_a.slug},
        user=world.manager_a,
    )
    assert response.status_code == 409 and "The call closed on" in response.json()["detail"]
    assert not Application.objects.exists()


def test_patch_merges_answers_and_validates_all_or_nothing(client, world):
    application = draft(world, complete=False)
    url = f"/api/v1/applications/{application.pk}"
    response = _json(client, "patch", url, {"answers": {"mission": "Uppdrag", "staff": 3}}, user=world.manager_a)
    assert response.status_code == 200
    assert response.json()["answers"] == {"mission": "Uppdrag", "staff": 3}
    response = _json(
        client, "patch", url, {"answers": {"budget": [{"item": "Lön", "amount": 100}], "focus": ["green"]}}
    )
    assert response.json()["answers"]["budget"] == [{"item": "Lön", "amount": 100}]
    bad = _json(
        client,
        "patch",
        url,
        {"answers": {"mission": "Nytt", "staff": "många", "focus": ["okänd"], "nope": 1, "strategy_document": "x"}},
    )
    assert bad.status_code == 422
    where = {tuple(d["loc"]) for d in bad.json()["detail"]}
    assert {("body", "payload", "answers", c) for c in ("staff", "focus", "nope", "strategy_document")} <= where
    application.refresh_from_db()
    assert application.answers["mission"] == "Uppdrag"  # nothing of the bad request was saved
    cleared = _json(client, "patch", url, {"answers": {"mission": None}})
    assert "mission" not in cleared.json()["answers"] and cleared.json()["answers"]["staff"] == 3


def test_patch_regions(client, world):
    from klusterplattform.registry.tests.factories import RegionFactory

    RegionFactory(code="DE1", level="nuts2", country="DE")
    application = draft(world, complete=False)
    url = f"/api/v1/applications/{application.pk}"
    response = _json(
        client, "patch", url, {"regions": [world.region_a.code, world.region_b.code]}, user=world.manager_a
    )
    assert sorted(response.json()["regions"]) == sorted([world.region_a.code, world.region_b.code])
    assert _json(client, "patch", url, {"regions": ["DE1"]}).status_code == 422
    assert sorted(r.code for r in application.regions.all()) == sorted([world.region_a.code, world.region_b.code])


@pytest.mark.parametrize("persona,status", [("manager_b", 404), ("regional_a", 404), ("officer", 403)])
def test_patch_by_others(client, world, persona, status):
    application = draft(world, complete=False)
    response = _json(
        client,
        "patch",
        f"/api/v1/applications/{application.pk}",
        {"answers": {"mission": "X"}},
        user=getattr(world, persona),
    )
    assert response.status_code == status
    application.refresh_from_db()
    assert application.answers == {}


def test_patch_after_submission_is_a_409(client, world):
    application = application_in(world, "submitted")
    response = _json(
        client,
        "patch",
        f"/api/v1/applications/{application.pk}",
        {"answers": {"mission": "Ändrat"}},
        user=world.manager_a,
    )
    assert response.status_code == 409
    application.refresh_from_db()
    assert application.answers["mission"] == COMPLETE_ANSWERS["mission"]


def test_actions_submit_check_and_refusals(client, world):
    application = draft(world, regions=[world.region_a])
    base = f"/api/v1/applications/{application.pk}/actions"
    assert client.post(f"{base}/submit").status_code == 401
    assert _json(client, "post", f"{base}/check", {}, user=world.manager_a).status_code == 403
    assert _json(client, "post", f"{base}/submit", {}, user=world.manager_b).status_code == 404
    assert _json(client, "post", f"{base}/fly", {}, user=world.manager_a).status_code == 422
    submitted = _json(client, "post", f"{base}/submit", {"comment": ""}, user=world.manager_a)
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert submitted.json()["endorsements"][0]["status"] == "pending"
    again = _json(client, "post", f"{base}/submit", {})
    assert again.status_code == 409 and "not possible now" in again.json()["detail"]
    checked = _json(client, "post", f"{base}/check", {"comment": "Kontroll"}, user=world.officer)
    assert checked.json()["status"] == "eligibility_check"
    refused = _json(client, "post", f"{base}/admit", {})
    assert refused.status_code == 409 and "Waiting for the region" in refused.json()["detail"]
    no_reason = _json(client, "post", f"{base}/reject_ineligible", {})
    assert no_reason.status_code == 409
    assert ApplicationEvent.objects.filter(application=application).count() == 2


def test_a_decision_through_the_api(client, world):
    application = application_in(world, "in_review")
    response = _json(
        client,
        "post",
        f"/api/v1/applications/{application.pk}/actions/reserve",
        {"comment": "Bra men inte bäst"},
        user=world.officer,
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "reserve" and body["justification"] == "Bra men inte bäst"
    assert body["events"][-1]["transition"] == "reserve"


def test_a_late_submission_through_the_api_is_a_409_with_the_deadline(client, world):
    application = draft(world, regions=[world.region_a])
    Call.objects.filter(pk=world.call.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    response = _json(client, "post", f"/api/v1/applications/{application.pk}/actions/submit", {}, user=world.manager_a)
    assert response.status_code == 409
    assert "The call closed on" in response.json()["detail"] and "It is now" in response.json()["detail"]
    application.refresh_from_db()
    assert application.status == "draft"


def test_hidden_applicants_are_not_named_to_reviewers(client, world):
    application = application_in(world, "in_review")
    ReviewAssignment.objects.create(
        application=application, reviewer=world.reviewer_1, no_conflict_declared_at=timezone.now()
    )
    world.phase.hide_applicants = True
    world.phase.save()
    body = _json(client, "get", f"/api/v1/applications/{application.pk}", user=world.reviewer_1).json()
    assert body["cluster"] is None and body["cluster_name"] is None
    body = _json(client, "get", f"/api/v1/applications/{application.pk}", user=world.officer).json()
    assert body["cluster"] == world.cluster_a.slug


def test_an_invited_editor_changes_the_draft_through_the_api(client, world):
    from klusterplattform.calls.models import ApplicationEditor
    from klusterplattform.registry.tests.factories import UserFactory

    application = draft(world, complete=False)
    colleague = UserFactory(email="kollega@example.org")
    url = f"/api/v1/applications/{application.pk}"
    assert _json(client, "patch", url, {"answers": {"mission": "X"}}, user=colleague).status_code == 404
    ApplicationEditor.objects.create(application=application, email=colleague.email, user=colleague)
    response = _json(client, "patch", url, {"answers": {"mission": "Från kollegan"}}, user=colleague)
    assert response.status_code == 200 and response.json()["answers"] == {"mission": "Från kollegan"}
