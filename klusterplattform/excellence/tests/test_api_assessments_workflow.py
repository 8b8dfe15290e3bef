"""/api/v1/assessments: answering, the workflow's transitions as actions, and the assessors' comments."""

import pytest

from klusterplattform.accounts.audit import events_for
from klusterplattform.excellence.models import Answer, AssessmentVersion, IndicatorComment

from .api_assessments_world import COMPLETE, action_url, answers_url, as_user, make_world, move, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return make_world()


EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def answer(client, user, assessment, values, **headers):
    return send(as_user(client, user), "PATCH", answers_url(assessment), {"answers": values}, **headers)


def act(client, user, assessment, action, body=None, **headers):
    return send(as_user(client, user), "POST", action_url(assessment, action), body or {}, **headers)


# --- answers -----------------------------------------------------------------------------------------------------


def test_a_manager_saves_answers_and_gets_the_assessment_back(client, world):
    response = answer(client, world["users"]["manager"], world["draft"], COMPLETE)
    assert response.status_code == 200
    body = response.json()
    assert body["completeness"]["is_complete"] is True
    assert body["answers"]["S2"]["number"] == 40.5
    assert body["answers"]["G2"]["choices"] == ["none", "full"]
    assert body["answers"]["F1"]["yes_no"] is True
    assert world["draft"].answers.count() == len(COMPLETE)


def test_one_invalid_value_is_a_422_per_code_and_nothing_is_saved(client, world):
    values = {**COMPLETE, "S2": "140", "G1": "never", "XX-99": 1}
    response = answer(client, world["users"]["manager"], world["draft"], values, **EN)
    assert response.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in response.json()["detail"]}
    assert problems == {
        ("body", "payload", "answers", "S2"): "Enter a value of at most 100.",
        ("body", "payload", "answers", "G1"): "Choose one of the listed options.",
        ("body", "payload", "answers", "XX-99"): "There is no indicator with this code in the assessment's catalogue.",
    }
    assert not Answer.objects.exists()


def test_an_empty_value_clears_an_answer(client, world):
    manager = world["users"]["manager"]
    answer(client, manager, world["draft"], {"S1": 5})
    body = answer(client, manager, world["draft"], {"S1": None}).json()
    assert (body["answers"]["S1"]["number"], body["answers"]["S1"]["answered"]) == (None, False)


def test_an_answer_with_a_null_character_is_a_422(client, world):
    response = answer(client, world["users"]["manager"], world["draft"], {"F2": "a\x00b"})
    assert response.status_code == 422
    assert not Answer.objects.exists()


@pytest.mark.parametrize("status", ["submitted", "under_validation", "validated"])
def test_answers_of_a_submitted_or_validated_assessment_cannot_change(client, world, status):
    move(world["draft"], status, world["users"]["assessor"])
    response = answer(client, world["users"]["manager"], world["draft"], {"S1": 5}, **EN)
    assert response.status_code == 409
    assert response.json()["detail"] == "This self-assessment can no longer be changed."
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("officer", 403), ("admin", 403), ("regional_in", 403), ("other_manager", 404), ("other_assessor", 404)],
)
def test_only_the_clusters_managers_may_answer(client, world, persona, status):
    response = answer(client, world["users"][persona], world["draft"], {"S1": 5})
    assert response.status_code == status
    assert not Answer.objects.exists()


def test_the_assigned_assessor_may_not_answer(client, world):
    move(world["draft"], "returned", world["users"]["assessor"])
    assert answer(client, world["users"]["assessor"], world["draft"], {"S1": 5}).status_code == 403


# --- actions -----------------------------------------------------------------------------------------------------


def test_the_whole_path_from_draft_to_validated_goes_through_the_api(client, world):
    users, assessment = world["users"], world["draft"]
    assert answer(client, users["manager"], assessment, COMPLETE).status_code == 200
    submitted = act(client, users["manager"], assessment, "submit")
    assert (submitted.status_code, submitted.json()["status"]) == (200, "submitted")
    assert submitted.json()["assessed_on"] is not None
    assigned = act(client, users["officer"], assessment, "assign", {"assessor": users["assessor"].pk})
    assert assigned.json()["status"] == "under_validation"
    assert assigned.json()["assessor"] == {"id": users["assessor"].pk, "name": "Assessor"}
    validated = act(client, users["assessor"], assessment, "validate")
    assert (validated.status_code, validated.json()["status"], validated.json()["version"]) == (200, "validated", 1)
    assert validated.json()["actions"] == []
    assert AssessmentVersion.objects.get(assessment=assessment).answers["S1"]["number"] == "12.00"


def test_a_returned_assessment_is_changed_and_submitted_again(client, world):
    users, assessment = world["users"], world["draft"]
    answer(client, users["manager"], assessment, COMPLETE)
    move(assessment, "under_validation", users["assessor"])
    returned = act(client, users["assessor"], assessment, "return", {"comment": "Count the members again."})
    assert (returned.json()["status"], returned.json()["return_comment"]) == ("returned", "Count the members again.")
    assert answer(client, users["manager"], assessment, {"S1": 14}).status_code == 200
    again = act(client, users["manager"], assessment, "submit")
    assert (again.status_code, again.json()["status"], again.json()["return_comment"]) == (200, "submitted", "")


def test_submitting_an_incomplete_assessment_is_a_409_that_says_why(client, world):
    response = act(client, world["users"]["manager"], world["draft"], "submit", **EN)
    assert response.status_code == 409
    assert response.json()["detail"].startswith("Answer every required indicator before submitting: 6 still open")
    world["draft"].refresh_from_db()
    assert world["draft"].status == "draft"


@pytest.mark.parametrize(
    ("status", "persona", "action", "body"),
    [
        ("draft", "officer", "assign", "assessor"),
        ("draft", "admin", "validate", None),
        ("submitted", "admin", "return", "comment"),
        ("validated", "officer", "assign", "assessor"),
        ("submitted", "manager", "submit", None),
    ],
)
def test_a_transition_from_the_wrong_state_is_a_409(client, world, status, persona, action, body):
    move(world["draft"], status, world["users"]["assessor"])
    payload = {"assessor": world["users"]["assessor"].pk} if body == "assessor" else {}
    payload = {"comment": "Why."} if body == "comment" else payload
    response = act(client, world["users"][persona], world["draft"], action, payload, **EN)
    assert response.status_code == 409
    assert "is not possible now" in response.json()["detail"]
    world["draft"].refresh_from_db()
    assert world["draft"].status == status


def test_returning_without_a_comment_is_a_409(client, world):
    move(world["draft"], "under_validation", world["users"]["assessor"])
    response = act(client, world["users"]["assessor"], world["draft"], "return", {"comment": "  "})
    assert response.status_code == 409
    world["draft"].refresh_from_db()
    assert world["draft"].status == "under_validation"


def test_assigning_someone_who_is_not_an_assessor_is_a_409(client, world):
    move(world["draft"], "submitted")
    response = act(
        client, world["users"]["officer"], world["draft"], "assign", {"assessor": world["users"]["admin"].pk}
    )
    assert response.status_code == 409
    assert act(client, world["users"]["officer"], world["draft"], "assign").status_code == 409  # nobody named


@pytest.mark.parametrize(
    ("status", "persona", "action", "expected"),
    [
        ("draft", "officer", "submit", 403),
        ("draft", "regional_in", "submit", 403),
        ("draft", "other_manager", "submit", 404),
        ("submitted", "manager", "assign", 403),
        ("under_validation", "manager", "validate", 403),
        ("under_validation", "officer", "validate", 403),
        ("under_validation", "other_assessor", "validate", 404),
        ("under_validation", "manager", "return", 403),
    ],
)
def test_a_transition_by_someone_not_allowed_is_refused(client, world, status, persona, action, expected):
    move(world["draft"], status, world["users"]["assessor"] if status == "under_validation" else None)
    body = {"assessor": world["users"]["assessor"].pk, "comment": "Why."}
    response = act(client, world["users"][persona], world["draft"], action, body)
    assert response.status_code == expected
    world["draft"].refresh_from_db()
    assert world["draft"].status == status


def test_an_unknown_action_is_a_422(client, world):
    assert act(client, world["users"]["manager"], world["draft"], "approve").status_code == 422


def test_an_action_needs_no_body(client, world):
    move(world["draft"], "under_validation", world["users"]["assessor"])
    assessor = as_user(client, world["users"]["assessor"])
    response = assessor.post(action_url(world["draft"], "validate"), content_type="application/json")
    assert (response.status_code, response.json()["status"]) == (200, "validated")


def test_an_assessor_id_beyond_any_database_integer_is_a_422(client, world):
    move(world["draft"], "submitted")
    response = act(client, world["users"]["officer"], world["draft"], "assign", {"assessor": 2**64})
    assert response.status_code == 422


# --- comments ----------------------------------------------------------------------------------------------------


def comment(client, user, assessment, body, **headers):
    return send(as_user(client, user), "POST", f"/api/v1/assessments/{assessment.pk}/comments", body, **headers)


def test_the_assigned_assessor_comments_on_an_indicator(client, world):
    assessment = move(world["draft"], "under_validation", world["users"]["assessor"])
    response = comment(client, world["users"]["assessor"], assessment, {"indicator": "S1", "text": " Source? "})
    assert response.status_code == 201
    assert (response.json()["indicator"], response.json()["text"]) == ("S1", "Source?")
    listed = as_user(client, world["users"]["manager"]).get(f"/api/v1/assessments/{assessment.pk}/comments").json()
    assert [c["text"] for c in listed["results"]] == ["Source?"]
    detail = client.get(f"/api/v1/assessments/{assessment.pk}").json()
    assert detail["comments"][0]["author"] == {"id": world["users"]["assessor"].pk, "name": "Assessor"}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("manager", 403), ("officer", 403), ("regional_in", 403), ("other_assessor", 404), ("other_manager", 404)],
)
def test_only_the_assigned_assessor_may_comment(client, world, persona, expected):
    assessment = move(world["draft"], "under_validation", world["users"]["assessor"])
    assert (
        comment(client, world["users"][persona], assessment, {"indicator": "S1", "text": "x"}).status_code == expected
    )
    assert not IndicatorComment.objects.exists()


@pytest.mark.parametrize("status", ["submitted", "returned", "validated"])
def test_comments_are_written_only_under_validation(client, world, status):
    assessment = move(world["draft"], status, world["users"]["assessor"])
    assert comment(client, world["users"]["assessor"], assessment, {"indicator": "S1", "text": "x"}).status_code == 409


@pytest.mark.parametrize("body", [{"indicator": "XX-99", "text": "x"}, {"indicator": "S1", "text": "   "}, {}])
def test_a_comment_without_a_known_indicator_or_text_is_a_422(client, world, body):
    assessment = move(world["draft"], "under_validation", world["users"]["assessor"])
    assert comment(client, world["users"]["assessor"], assessment, body).status_code == 422
    assert not IndicatorComment.objects.exists()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("manager", 200), ("assessor", 200), ("officer", 200), ("regional_in", 200), ("other_manager", 404)],
)
def test_reading_comments_follows_who_may_see_the_assessment(client, world, persona, expected):
    assessment = move(world["draft"], "under_validation", world["users"]["assessor"])
    response = as_user(client, world["users"][persona]).get(f"/api/v1/assessments/{assessment.pk}/comments")
    assert response.status_code == expected


def test_a_transition_through_the_api_is_in_the_audit_trail_with_its_actor(client, world):
    move(world["draft"], "under_validation", world["users"]["assessor"])
    act(client, world["users"]["assessor"], world["draft"], "return", {"comment": "Check S1."})
    [event] = [e for e in events_for(world["draft"]) if e.changes.get("status") == ["under_validation", "returned"]]
    assert (event.actor, event.channel) == (world["users"]["assessor"], "api")
