"""The excellence API: self-assessments, read and written within the permission table (excellence/permissions.py).

Every operation needs a token or a signed-in session: an assessment is never public. An assessment the caller may not
see is a 404, as an unknown one is; one they see but may not change is a 403; a change the assessment's state does
not allow is a 409. Answers are saved by answering.save_answers and the status moves only by workflow.transition, the
same services the pages use.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.core.paging import page_envelope, page_request, total_count
from klusterplattform.registry.api.cluster_edit import editable_cluster, field_errors
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut
from klusterplattform.registry.models import Programme

from .. import answering, evidence, services
from ..choices import AssessmentStatus
from ..models import Assessment, AssessmentRound, IndicatorComment
from ..permissions import can
from ..workflow import TransitionRefused, transition
from .assessment_data import comment_data, detail, list_item, listed, visible_assessment
from .assessment_schemas import (
    Action,
    ActionIn,
    AnswersIn,
    AssessmentDetail,
    AssessmentPage,
    AssessmentQuery,
    CommentOut,
    CommentPage,
    NewAssessmentIn,
    NewCommentIn,
)

router = Router(tags=["excellence"])

MAY_NOT_START = _("You may not start a self-assessment for this cluster organisation.")
MAY_NOT_EDIT = _("You may not change this self-assessment.")
MAY_NOT_COMMENT = _("Only the assigned assessor may comment on, validate or return this self-assessment.")
ONLY_DRAFTS = _("Only a draft self-assessment can be deleted.")
COMMENT_WHEN = _("Comments can be written while the self-assessment is under validation.")
EMPTY_COMMENT = _("Write a comment.")
NO_SUCH_INDICATOR = _("There is no indicator with this code in the assessment's catalogue.")
MAY_NOT_ACT = {
    "submit": MAY_NOT_EDIT,
    "assign": _("Only programme officers may assign an assessor."),
    "validate": MAY_NOT_COMMENT,
    "return": MAY_NOT_COMMENT,
}

READ = {200: AssessmentDetail, 401: ErrorOut, 404: ErrorOut}
# 400: ninja's answer to a body that is not JSON at all.
WRITE = {**READ, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut, 422: FieldErrorsOut}


def _forbidden(message) -> Status:
    # The permission engine's reason is for logs ("no role grants …"); the caller gets a sentence in their language.
    return Status(403, {"detail": str(message)})


@router.get(
    "/assessments",
    auth=token_or_session,
    response={200: AssessmentPage, 401: ErrorOut},
    summary="Self-assessments",
)
@in_request_language
def list_assessments(request, filters: Query[AssessmentQuery]):
    """The self-assessments the caller may see (own cluster's, own region's, assigned ones; all for officers),
    latest round first, then by cluster name."""
    assessments = listed(Assessment.objects.visible_to(request.auth))
    if filters.round:
        assessments = assessments.filter(round__slug=filters.round)
    if filters.cluster:
        assessments = assessments.filter(cluster__slug=filters.cluster)
    if filters.status:
        assessments = assessments.filter(status=filters.status.value)
    paging = page_request(filters.page, filters.page_size)
    rows = list(assessments[paging.offset : paging.offset + paging.size])
    return page_envelope(total_count(assessments, paging, len(rows)), paging, [list_item(a) for a in rows])


@router.post(
    "/assessments",
    auth=token_or_session,
    response={200: AssessmentDetail, 201: AssessmentDetail, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Start a self-assessment",
)
@in_request_language
def start_assessment(request, payload: NewAssessmentIn):
    """Start the cluster's self-assessment in the round (201), pre-filled from the registry; a cluster has one per
    round, so when it exists already the answer is that one (200). 404: no such round or cluster (or not visible);
    403: the caller may see the cluster but not start its assessment."""
    user = request.auth
    visible_programmes = Programme.objects.visible_to(user)
    round_ = AssessmentRound.objects.filter(slug=payload.round, programme__in=visible_programmes).first()
    if round_ is None:
        raise Http404
    try:
        cluster = editable_cluster(user, payload.cluster, "assessment.start")
    except PermissionDenied:
        return _forbidden(MAY_NOT_START)
    try:
        assessment, created = services.start_assessment(user, round_, cluster)
    except PermissionDenied:
        return _forbidden(MAY_NOT_START)
    return Status(201 if created else 200, detail(visible_assessment(user, assessment.pk), user))


@router.get("/assessments/{assessment_id}", auth=token_or_session, response=READ, summary="A self-assessment")
@in_request_language
def get_assessment(request, assessment_id: int):
    """Status, completeness per area, every indicator's answer (marked when pre-filled from the registry), the
    assessors' comments and `actions`: the transitions the caller may make now."""
    return detail(visible_assessment(request.auth, assessment_id), request.auth)


@router.patch(
    "/assessments/{assessment_id}/answers", auth=token_or_session, response=WRITE, summary="Answer indicators"
)
@in_request_language
def save_answers(request, assessment_id: int, payload: AnswersIn):
    """Save answers by indicator code; indicators not sent keep their answers. All or nothing: any invalid value is
    a 422 naming each code (loc body.payload.answers.<code>) and nothing is saved. 409: submitted or validated
    assessments cannot be changed."""
    user = request.auth
    assessment = visible_assessment(user, assessment_id, details=False)
    try:
        errors = answering.save_answers(assessment, user, payload.answers)
    except PermissionDenied:
        return _forbidden(MAY_NOT_EDIT)
    except ValidationError as error:  # the assessment's state, not the values: those come back as `errors`
        return Status(409, {"detail": " ".join(error.messages)})
    if errors:
        return Status(422, field_errors(ValidationError(errors), ("body", "payload", "answers")))
    return detail(visible_assessment(user, assessment_id), user)


@router.delete(
    "/assessments/{assessment_id}",
    auth=token_or_session,
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Delete a draft self-assessment",
)
@in_request_language
def delete_assessment(request, assessment_id: int):
    """Only a draft, and only by who may fill it in (the cluster's managers); a submitted or returned assessment
    has a history with the assessor, so it stays (409)."""
    assessment = visible_assessment(request.auth, assessment_id, details=False)
    if not can(request.auth, "assessment.edit", assessment):
        return _forbidden(MAY_NOT_EDIT)
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().filter(pk=assessment.pk, status=AssessmentStatus.DRAFT)
        if not locked.exists():
            return Status(409, {"detail": str(ONLY_DRAFTS)})
        # Evidence goes through its own service: it records each file in the audit trail and deletes it once the
        # transaction is committed (a cascade would not).
        for attached in assessment.evidence.all():
            evidence.remove(attached, request.auth)
        assessment.delete()
    return Status(204, None)


@router.post(
    "/assessments/{assessment_id}/actions/{action}",
    auth=token_or_session,
    response=WRITE,
    summary="Move a self-assessment on (submit, assign, validate, return)",
)
@in_request_language
def act(request, assessment_id: int, action: Action, payload: ActionIn | None = None):
    """Make a workflow transition: `submit` (the cluster's managers, when every required indicator is answered),
    `assign` (officers; body `assessor`: a user id holding the assessor role), `validate` and `return` (the assigned
    assessor; `return` needs a `comment`). The `actions` of GET /assessments/{id} lists what the caller may do now.
    409: not possible from the current state, or a condition is unmet (the message says which)."""
    user = request.auth
    payload = payload or ActionIn()
    assessment = visible_assessment(user, assessment_id, details=False)
    try:
        transition(assessment, user, action.value, assessor=payload.assessor, comment=payload.comment)
    except PermissionDenied:
        return _forbidden(MAY_NOT_ACT[action.value])
    except TransitionRefused as refused:
        return Status(409, {"detail": " ".join(refused.messages)})
    return detail(visible_assessment(user, assessment_id), user)


@router.get(
    "/assessments/{assessment_id}/comments",
    auth=token_or_session,
    response={200: CommentPage, 401: ErrorOut, 404: ErrorOut},
    summary="The assessors' comments",
)
@in_request_language
def list_comments(request, assessment_id: int):
    """Comments on the assessment's indicators, oldest first."""
    assessment = visible_assessment(request.auth, assessment_id, details=False)
    comments = assessment.comments.select_related("indicator", "author")
    return {"results": [comment_data(c) for c in comments]}


@router.post(
    "/assessments/{assessment_id}/comments",
    auth=token_or_session,
    response={
        201: CommentOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: FieldErrorsOut,
    },
    summary="Comment on an indicator",
)
@in_request_language
def add_comment(request, assessment_id: int, payload: NewCommentIn):
    """The assigned assessor comments on one indicator while the assessment is under validation (409 otherwise)."""
    user = request.auth
    assessment = visible_assessment(user, assessment_id, details=False)
    if not can(user, "assessment.validate", assessment):
        return _forbidden(MAY_NOT_COMMENT)
    if assessment.status != AssessmentStatus.UNDER_VALIDATION:
        return Status(409, {"detail": str(COMMENT_WHEN)})
    where = ("body", "payload")
    indicator = assessment.catalogue.indicators.filter(code=payload.indicator).first()
    if indicator is None:
        return Status(422, field_errors(ValidationError({"indicator": str(NO_SUCH_INDICATOR)}), where))
    text = payload.text.strip()
    if not text:
        return Status(422, field_errors(ValidationError({"text": str(EMPTY_COMMENT)}), where))
    comment = IndicatorComment.objects.create(assessment=assessment, indicator=indicator, author=user, text=text)
    return Status(201, comment_data(comment))
