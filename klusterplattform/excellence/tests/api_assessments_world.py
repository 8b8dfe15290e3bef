"""The world of the assessments API tests: two clusters, their managers, two assessors, officers, one round."""

from .assessment_pages_world import COMPLETE, PERSONAS  # noqa: F401 - the API tests import them from here
from .assessment_pages_world import make_world as pages_world
from .factories import AssessmentFactory


def make_world() -> dict:
    """The page tests' world plus the other cluster's draft; each test module wraps it in its own `world` fixture."""
    world = pages_world()
    world["others"] = AssessmentFactory(round=world["round"], cluster=world["other"])
    return world


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def send(client, method: str, url: str, body=None, **headers):
    call = getattr(client, method.lower())
    if body is None:
        return call(url, **headers)
    return call(url, body, content_type="application/json", **headers)


def answers_url(assessment) -> str:
    return f"/api/v1/assessments/{assessment.pk}/answers"


def action_url(assessment, action: str) -> str:
    return f"/api/v1/assessments/{assessment.pk}/actions/{action}"


def move(assessment, status, assessor=None):
    """Put an assessment into a state directly (tests of what happens *in* a state, not of getting there)."""
    assessment.status = status
    assessment.assessor = assessor
    assessment.save()
    return assessment
