"""Workflow transitions and assessors' comments through the pages."""

import pytest

from klusterplattform.excellence.models import AssessmentVersion, IndicatorComment

from . import assessment_pages_world
from .assessment_pages_world import at, complete, signed_in

pytestmark = pytest.mark.django_db
world = assessment_pages_world.world  # the fixture

PERSONAS = ("manager", "other_manager", "assessor", "other_assessor", "regional_in", "officer", "admin", "anonymous")
# (transition, from state, {persona: status of the POST}); a 302 of an allowed persona moves the assessment, every
# other answer leaves it where it was (anonymous: 302 to sign in).
CASES = [
    ("submit", "draft", {"manager": 302, "regional_in": 403, "officer": 403, "admin": 403, "anonymous": 302}),
    ("assign", "submitted", {"manager": 403, "regional_in": 403, "officer": 302, "admin": 302, "anonymous": 302}),
    (
        "validate",
        "under_validation",
        {"manager": 403, "assessor": 302, "regional_in": 403, "officer": 403, "admin": 302, "anonymous": 302},
    ),
    (
        "return",
        "under_validation",
        {"manager": 403, "assessor": 302, "regional_in": 403, "officer": 403, "admin": 302, "anonymous": 302},
    ),
]
TARGET = {"submit": "submitted", "assign": "under_validation", "validate": "validated", "return": "returned"}
ALLOWED = {"submit": {"manager"}, "assign": {"officer", "admin"}, "validate": {"assessor", "admin"}}
ALLOWED["return"] = ALLOWED["validate"]


def url(assessment, action=""):
    return f"/en/bedomningar/{assessment.pk}/{action + '/' if action else ''}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("code", "state", "expected"), CASES)
def test_each_transition_page_lets_only_the_allowed_personas_act(client, world, code, state, expected, persona):
    assessor = world["users"]["assessor"]
    assessment = at(complete(world["draft"], world["users"]["manager"]), state, assessor if "valid" in state else None)
    user = None if persona == "anonymous" else world["users"][persona]
    body = {"assessor": assessor.pk, "comment": "Please add sources."}
    response = signed_in(client, user).post(url(assessment, code), body)
    assert response.status_code == expected.get(persona, 404)
    assessment.refresh_from_db()
    assert assessment.status == (TARGET[code] if persona in ALLOWED[code] else state)


def test_submitting_asks_for_confirmation_first(client, world):
    client = signed_in(client, world["users"]["manager"])
    assessment = complete(world["draft"], world["users"]["manager"])
    page = client.get(url(assessment, "submit"))
    assert page.status_code == 200 and "Submit the self-assessment?" in page.text
    assessment.refresh_from_db()
    assert assessment.status == "draft"


def test_submitting_an_incomplete_assessment_says_what_is_missing(client, world):
    client = signed_in(client, world["users"]["manager"])
    page = client.get(url(world["draft"], "submit"))
    assert "6 required indicators are still open" in page.text and "S1, S2, G1, G2, F1, F2" in page.text
    response = client.post(url(world["draft"], "submit"), follow=True)
    assert "Answer every required indicator before submitting: 6 still open" in response.text
    world["draft"].refresh_from_db()
    assert world["draft"].status == "draft"


def test_a_transition_from_the_wrong_state_leads_back_with_a_message(client, world):
    response = signed_in(client, world["users"]["admin"]).post(url(world["draft"], "validate"), follow=True)
    assert "this self-assessment is draft; “validate” is not possible now." in response.text.lower()
    world["draft"].refresh_from_db()
    assert world["draft"].status == "draft"


def test_the_officer_picks_the_assessor_from_the_active_assessors(client, world):
    at(world["draft"], "submitted")
    world["users"]["other_assessor"].is_active = False
    world["users"]["other_assessor"].save()
    client = signed_in(client, world["users"]["officer"])
    form = client.get(url(world["draft"], "assign")).context["form"]
    assert list(form.fields["assessor"].queryset) == [world["users"]["assessor"]]
    refused = client.post(url(world["draft"], "assign"), {"assessor": world["users"]["manager"].pk})
    assert refused.status_code == 200
    response = client.post(url(world["draft"], "assign"), {"assessor": world["users"]["assessor"].pk}, follow=True)
    assert "Assessor is now the assessor of this self-assessment." in response.text
    world["draft"].refresh_from_db()
    assert world["draft"].assessor == world["users"]["assessor"]


def test_returning_needs_a_comment_on_the_page(client, world):
    at(world["draft"], "under_validation", world["users"]["assessor"])
    response = signed_in(client, world["users"]["assessor"]).post(url(world["draft"], "return"), {"comment": " "})
    assert response.status_code == 200
    assert "a comment is required when returning" in response.text
    world["draft"].refresh_from_db()
    assert world["draft"].status == "under_validation"


def test_a_returned_assessment_is_edited_and_submitted_again_through_the_pages(client, world):
    manager = world["users"]["manager"]
    assessment = at(complete(world["draft"], manager), "under_validation", world["users"]["assessor"])
    signed_in(client, world["users"]["assessor"]).post(url(assessment, "return"), {"comment": "S1 is too small."})
    client = signed_in(client, manager)
    page = client.get(url(assessment))
    assert "S1 is too small." in page.text
    assert (
        client.post(f"/en/bedomningar/{assessment.pk}/omrade/structure/", {"S1": "120", "S2": "40"}).status_code == 302
    )
    assert client.post(url(assessment, "submit")).status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "submitted"


def test_validating_through_the_page_freezes_a_version(client, world):
    assessment = at(complete(world["draft"], world["users"]["manager"]), "under_validation", world["users"]["assessor"])
    response = signed_in(client, world["users"]["assessor"]).post(url(assessment, "validate"), follow=True)
    assert "validated and frozen as version 1" in response.text
    assert AssessmentVersion.objects.filter(assessment=assessment, number=1).exists()
    assert "Validated versions" in response.text


def test_the_assigned_assessor_comments_on_an_indicator(client, world):
    at(world["draft"], "under_validation", world["users"]["assessor"])
    client = signed_in(client, world["users"]["assessor"])
    assert client.get(url(world["draft"])).context["comment_form"] is not None
    response = client.post(url(world["draft"], "kommentar"), {"indicator": "S1", "text": "Source?"}, follow=True)
    assert "Your comment on S1 is saved." in response.text
    comment = IndicatorComment.objects.get()
    assert comment.author == world["users"]["assessor"] and comment.indicator.code == "S1"
    manager_page = signed_in(client, world["users"]["manager"]).get(url(world["draft"]))
    assert "Source?" in manager_page.text


@pytest.mark.parametrize(("persona", "expected"), [("manager", 403), ("officer", 403), ("other_assessor", 404)])
def test_only_the_assigned_assessor_may_comment(client, world, persona, expected):
    at(world["draft"], "under_validation", world["users"]["assessor"])
    response = signed_in(client, world["users"][persona]).post(
        url(world["draft"], "kommentar"), {"indicator": "S1", "text": "x"}
    )
    assert response.status_code == expected
    assert not IndicatorComment.objects.exists()


def test_comments_are_added_only_under_validation(client, world):
    at(world["draft"], "validated", world["users"]["assessor"])
    client = signed_in(client, world["users"]["assessor"])
    client.post(url(world["draft"], "kommentar"), {"indicator": "S1", "text": "Late."})
    assert not IndicatorComment.objects.exists()
