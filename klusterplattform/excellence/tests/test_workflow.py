"""The workflow through workflow.transition(): who may make each transition, from which states, and what follows."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from klusterplattform.excellence import workflow
from klusterplattform.excellence.answering import save_answers
from klusterplattform.excellence.models import AssessmentVersion
from klusterplattform.excellence.workflow import TransitionRefused

from . import assessment_pages_world
from .assessment_pages_world import at, complete

pytestmark = pytest.mark.django_db
world = assessment_pages_world.world  # the fixture

# (transition, the state it starts from, the personas allowed; everyone else is refused with PermissionDenied)
WHO_MAY = [
    ("submit", "draft", {"manager"}),
    ("submit", "returned", {"manager"}),
    ("assign", "submitted", {"officer", "admin"}),
    ("validate", "under_validation", {"assessor", "admin"}),
    ("return", "under_validation", {"assessor", "admin"}),
]
EVERYONE = ("manager", "other_manager", "assessor", "other_assessor", "regional_in", "officer", "admin", "anonymous")


def _user(world, persona):
    return AnonymousUser() if persona == "anonymous" else world["users"][persona]


def _details(world, code):
    return {"assessor": world["users"]["assessor"], "comment": "Add the sources, please."}


@pytest.mark.parametrize("persona", EVERYONE)
@pytest.mark.parametrize(("code", "state", "allowed"), WHO_MAY)
def test_each_transition_is_made_only_by_the_personas_the_table_allows(world, code, state, allowed, persona):
    assessment = complete(world["draft"], world["users"]["manager"])
    at(assessment, state, world["users"]["assessor"] if state == "under_validation" else None)
    user = _user(world, persona)
    if persona in allowed:
        workflow.transition(assessment, user, code, **_details(world, code))
        assessment.refresh_from_db()
        assert assessment.status == workflow.TRANSITIONS[code].target
    else:
        with pytest.raises(PermissionDenied):
            workflow.transition(assessment, user, code, **_details(world, code))
        assessment.refresh_from_db()
        assert assessment.status == state


@pytest.mark.parametrize(
    ("code", "state", "persona"),
    [
        ("submit", "submitted", "manager"),
        ("submit", "validated", "manager"),
        ("assign", "draft", "officer"),
        ("assign", "validated", "officer"),
        ("validate", "submitted", "assessor"),
        ("validate", "returned", "assessor"),
        ("return", "draft", "assessor"),
        ("return", "validated", "assessor"),
    ],
)
def test_a_transition_from_the_wrong_state_is_refused(world, code, state, persona):
    assessment = complete(world["draft"], world["users"]["manager"])
    at(assessment, state, world["users"]["assessor"])
    with pytest.raises(TransitionRefused):
        workflow.transition(assessment, world["users"][persona], code, **_details(world, code))
    assessment.refresh_from_db()
    assert assessment.status == state


def test_submitting_is_refused_while_required_answers_are_missing_and_says_which(world):
    manager = world["users"]["manager"]
    save_answers(world["draft"], manager, {"S1": 3})
    with pytest.raises(TransitionRefused) as refused, translation.override("en"):
        workflow.transition(world["draft"], manager, "submit")
    message = refused.value.messages[0]
    assert message.startswith("Answer every required indicator before submitting: 5 still open")
    assert "S2, G1, G2, F1, F2" in message
    world["draft"].refresh_from_db()
    assert world["draft"].status == "draft"


def test_a_returned_assessment_is_changed_and_submitted_again(world):
    users = world["users"]
    assessment = complete(world["draft"], users["manager"])
    workflow.transition(assessment, users["manager"], "submit")
    workflow.transition(assessment, users["officer"], "assign", assessor=users["assessor"])
    workflow.transition(assessment, users["assessor"], "return", comment="S1 looks too small.")
    assert assessment.status == "returned" and assessment.return_comment == "S1 looks too small."
    assert save_answers(assessment, users["manager"], {"S1": 120}) == {}
    workflow.transition(assessment, users["manager"], "submit")
    assessment.refresh_from_db()
    assert assessment.status == "submitted"
    assert assessment.return_comment == ""
    assert assessment.answers.get(indicator__code="S1").number == 120


def test_returning_needs_a_comment(world):
    assessment = at(complete(world["draft"], world["users"]["manager"]), "under_validation", world["users"]["assessor"])
    with pytest.raises(TransitionRefused):
        workflow.transition(assessment, world["users"]["assessor"], "return", comment="  ")


def test_assigning_needs_an_active_assessor(world):
    assessment = at(complete(world["draft"], world["users"]["manager"]), "submitted")
    with pytest.raises(TransitionRefused):
        workflow.transition(assessment, world["users"]["officer"], "assign", assessor=world["users"]["manager"])
    world["users"]["assessor"].is_active = False
    world["users"]["assessor"].save()
    with pytest.raises(TransitionRefused):
        workflow.transition(assessment, world["users"]["officer"], "assign", assessor=world["users"]["assessor"])


def test_validating_creates_a_version_and_counts_it_up(world):
    assessor = world["users"]["assessor"]
    assessment = at(complete(world["draft"], world["users"]["manager"]), "under_validation", assessor)
    workflow.transition(assessment, assessor, "validate")
    version = AssessmentVersion.objects.get(assessment=assessment)
    assert assessment.version == 1 and version.number == 1
    assert version.validated_by == assessor
    assert version.answers["S2"]["number"] == "40.50"


def test_a_validated_assessment_is_frozen(world):
    manager = world["users"]["manager"]
    assessment = at(complete(world["draft"], manager), "validated")
    with pytest.raises(ValidationError):
        save_answers(assessment, manager, {"S1": 1})
    assert assessment.answers.get(indicator__code="S1").number == 12


def test_available_lists_the_transitions_the_user_may_make_now(world):
    users = world["users"]
    assessment = at(world["draft"], "under_validation", users["assessor"])
    assert [t.code for t in workflow.available(assessment, users["assessor"])] == ["validate", "return"]
    assert [t.code for t in workflow.available(assessment, users["officer"])] == ["assign"]
    assert workflow.available(assessment, users["manager"]) == []
