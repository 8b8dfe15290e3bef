"""Self-assessments through the API in the permission matrix.

The world's assessment belongs to the unpublished cluster A and is under validation by the assessor persona. Whoever
may see it: A's manager, the regional officer of A's region, the assigned assessor, officers and administrators;
for everyone else it does not exist (404), and the API never redirects anonymous callers: 401. Writes that the
permission table allows but the state does not (answering or deleting an assessment under validation) are 409.
"""

from klusterplattform.excellence.choices import AssessmentStatus
from klusterplattform.excellence.tests.factories import AssessmentFactory, RoundFactory, small_catalogue
from klusterplattform.registry.models import Programme
from tests.matrix_common import API_SIGNED_IN, GET, POST, Call, page, statuses

SEES_A = statuses(404, anonymous=401, manager_a=200, regional_in=200, assessor=200, officer=200, admin=200)
# Seen but not theirs to change (403); A's manager is refused by the state instead (409).
EDITS_A = statuses(404, anonymous=401, manager_a=409, regional_in=403, assessor=403, officer=403, admin=403)
VALIDATES_A = statuses(404, anonymous=401, manager_a=403, regional_in=403, assessor=200, officer=403, admin=200)

API = {
    ("GET", "/api/v1/assessments"): page(Call(GET, "/api/v1/assessments", API_SIGNED_IN)),
    ("POST", "/api/v1/assessments"): page(
        # A already has its assessment in the round: who may start one gets that one back.
        Call(
            POST,
            "/api/v1/assessments",
            statuses(404, anonymous=401, manager_a=200, regional_in=403, officer=200, admin=200),
            {"round": "matrix-assessments", "cluster": "kluster-a"},
            True,
        ),
        Call(
            POST,
            "/api/v1/assessments",
            statuses(403, anonymous=401, manager_b=201, officer=201, admin=201),
            {"round": "matrix-assessments", "cluster": "kluster-b"},
            True,
        ),
    ),
    ("GET", "/api/v1/assessments/{assessment_id}"): page(Call(GET, "/api/v1/assessments/{api_assessment_a}", SEES_A)),
    ("DELETE", "/api/v1/assessments/{assessment_id}"): page(
        Call("DELETE", "/api/v1/assessments/{api_assessment_a}", EDITS_A)
    ),
    ("PATCH", "/api/v1/assessments/{assessment_id}/answers"): page(
        Call("PATCH", "/api/v1/assessments/{api_assessment_a}/answers", EDITS_A, {"answers": {"S1": 1}}, True)
    ),
    ("POST", "/api/v1/assessments/{assessment_id}/actions/{action}"): page(
        Call(POST, "/api/v1/assessments/{api_assessment_a}/actions/return", VALIDATES_A, {"comment": "Why?"}, True),
        Call(
            POST,
            "/api/v1/assessments/{api_assessment_a}/actions/submit",
            statuses(404, anonymous=401, manager_a=409, regional_in=403, assessor=403, officer=403, admin=403),
            {},
            True,
        ),
    ),
    ("GET", "/api/v1/assessments/{assessment_id}/comments"): page(
        Call(GET, "/api/v1/assessments/{api_assessment_a}/comments", SEES_A)
    ),
    ("POST", "/api/v1/assessments/{assessment_id}/comments"): page(
        Call(
            POST,
            "/api/v1/assessments/{api_assessment_a}/comments",
            {**VALIDATES_A, "assessor": 201, "admin": 201},
            {"indicator": "S1", "text": "Source?"},
            True,
        )
    ),
}


def values(objects: dict) -> dict:
    # objects["programme"] is the open programme's slug (the world's values override its objects).
    programme = Programme.objects.get(slug="open-programme")
    catalogue = small_catalogue(code="matrix-small")
    round_ = RoundFactory(slug="matrix-assessments", programme=programme, catalogue=catalogue)
    assessment = AssessmentFactory(
        round=round_,
        cluster=objects["cluster_a"],
        status=AssessmentStatus.UNDER_VALIDATION,
        assessor=objects["users"]["assessor"],
    )
    return {
        "api_assessment_round": round_.slug,
        "api_assessment_a": assessment.pk,
    }  # the calls name the round literally
