"""The world of the self-assessment page and workflow tests: two clusters of one programme, their managers, two
assessors, a regional officer, an officer and an admin, one round on the small catalogue and the own cluster's draft."""

import pytest

from klusterplattform.excellence.answering import save_answers
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, UserFactory

from .factories import AssessmentFactory, ProgrammeFactory, RoundFactory, small_catalogue

# Valid answers to every required indicator of small_catalogue() (F3, the evidence upload, is optional).
COMPLETE = {"S1": 12, "S2": "40,5", "G1": "some", "G2": ["none", "full"], "F1": True, "F2": "Three stories."}

PERSONAS = ("manager", "other_manager", "assessor", "other_assessor", "regional_in", "officer", "admin")


@pytest.fixture
def world(db):
    return make_world()


def make_world() -> dict:
    north, south = RegionFactory(code="25"), RegionFactory(code="12")
    own = ClusterFactory(slug="eget", name="Eget kluster", is_published=False, regions=[north])
    other = ClusterFactory(slug="annat", name="Annat kluster", is_published=True, regions=[south])
    programme = ProgrammeFactory(slug="s3", clusters=[own, other])
    round_ = RoundFactory(slug="bronze-2026", programme=programme, catalogue=small_catalogue())
    users = {persona: UserFactory(email=f"{persona}@example.org", full_name=persona.title()) for persona in PERSONAS}
    grant_role(users["manager"], "cluster_manager", clusters=["eget"])
    grant_role(users["other_manager"], "cluster_manager", clusters=["annat"])
    grant_role(users["assessor"], "assessor")
    grant_role(users["other_assessor"], "assessor")
    grant_role(users["regional_in"], "regional_officer", regions=["25"])
    grant_role(users["officer"], "officer")
    grant_role(users["admin"], "admin")
    return {
        "own": own,
        "other": other,
        "programme": programme,
        "round": round_,
        "users": users,
        "draft": AssessmentFactory(round=round_, cluster=own),
    }


def at(assessment, status, assessor=None):
    """Put an assessment into a state directly (tests of what happens in a state, not of getting there)."""
    assessment.status = status
    assessment.assessor = assessor
    assessment.save()
    return assessment


def complete(assessment, manager):
    assert save_answers(assessment, manager, COMPLETE) == {}
    return assessment


def signed_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client
