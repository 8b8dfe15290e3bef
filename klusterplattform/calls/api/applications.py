"""The applications API: a call's applications (within permissions), one application, starting one, changing a
draft's answers and regions, and every workflow transition as an action.

Every operation needs a token or a signed-in session. An application the caller may not see is a 404, as an unknown
one is; one they see but may not change is a 403; a change its state or the call's rules do not allow (a draft only;
the deadline; a transition not possible now or whose conditions are unmet) is a 409 with the reason. The writes are
the pages' services: calls/applying.py and calls/workflow.py.
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

from .. import applying, workflow
from ..models import Application, Call
from ..permissions import may_edit, undeclared_assignment
from .application_data import detail, list_item, listed, visible_application
from .application_schemas import (
    Action,
    ApplicationActionIn,
    ApplicationDetail,
    ApplicationPage,
    ApplicationPatchIn,
    ApplicationQuery,
    NewApplicationIn,
)

router = Router(tags=["calls"])

MAY_NOT_START = _("Only the cluster's managers start its application.")
MAY_NOT_EDIT = _("You may not change this application.")
MAY_NOT_ACT = _("You may not do this to the application.")
DECLARE_FIRST = _("Declare whether you have a conflict of interest first, on the review page.")

READ = {200: ApplicationDetail, 401: ErrorOut, 404: ErrorOut}
WRITE = {**READ, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut, 422: FieldErrorsOut}


def _forbidden(message) -> Status:
    return Status(403, {"detail": str(message)})


def _visible_call(user, slug: str) -> Call:
    if "\x00" in slug:
        raise Http404
    call = Call.objects.visible_to(user).select_related("programme").filter(slug=slug).first()
    if call is None:
        raise Http404
    return call


@router.get(
    "/calls/{slug}/applications",
    auth=token_or_session,
    response={200: ApplicationPage, 401: ErrorOut, 404: ErrorOut},
    summary="A call's applications",
)
@in_request_language
def list_applications(request, slug: str, filters: Query[ApplicationQuery]):
    """The call's applications the caller may see: officers all of them, cluster managers their own cluster's,
    regional officers the submitted ones naming their region, reviewers those assigned to them; by cluster name."""
    user = request.auth
    call = _visible_call(user, slug)
    visible = Application.objects.visible_to(user).filter(call=call).values("pk")
    applications = listed(Application.objects.filter(pk__in=visible)).order_by("cluster__sort_name", "pk")
    if filters.status:
        applications = applications.filter(status=filters.status.value)
    if filters.region:
        applications = applications.filter(regions__code=filters.region)
    paging = page_request(filters.page, filters.page_size)
    rows = list(applications[paging.offset : paging.offset + paging.size])
    return page_envelope(total_count(applications, paging, len(rows)), paging, [list_item(a, user) for a in rows])


@router.post(
    "/calls/{slug}/applications",
    auth=token_or_session,
    response={**WRITE, 201: ApplicationDetail},
    summary="Start an application",
)
@in_request_language
def start_application(request, slug: str, payload: NewApplicationIn):
    """Start the cluster's application to the call (201) as a draft on the form in force; a cluster has one per
    call, so when it exists already the answer is that one (200). 404: no such call or cluster (or not visible);
    403: not one of the cluster's managers; 409: the call is not open."""
    user = request.auth
    call = _visible_call(user, slug)
    try:
        cluster = editable_cluster(user, payload.cluster, "application.start")
        application, created = applying.start(user, call, cluster)
    except PermissionDenied:
        return _forbidden(MAY_NOT_START)
    except ValidationError as error:
        return Status(409, {"detail": " ".join(error.messages)})
    return Status(201 if created else 200, detail(visible_application(user, application.pk), user))


@router.get(
    "/applications/{application_id}", auth=token_or_session, response={**READ, 403: ErrorOut}, summary="An application"
)
@in_request_language
def get_application(request, application_id: int):
    """Status, answers, files, regions and their endorsements, completeness, history and `actions`: the transitions
    the caller may make now. An assigned reviewer gets 403 until they have declared that they have no conflict of
    interest (on the review page)."""
    application = visible_application(request.auth, application_id)
    if undeclared_assignment(request.auth, application) is not None:
        return _forbidden(DECLARE_FIRST)
    return detail(application, request.auth)


@router.patch("/applications/{application_id}", auth=token_or_session, response=WRITE, summary="Change a draft")
@in_request_language
def patch_application(request, application_id: int, payload: ApplicationPatchIn):
    """Answers by field code (fields not sent keep theirs) and the named regions; all or nothing: an invalid
    value is a 422 naming each field (loc body.payload.answers.<code>) and nothing is saved. Required fields are
    checked on submission. 409: the application is no longer a draft."""
    user = request.auth
    application = visible_application(user, application_id)
    if not may_edit(user, application):
        return _forbidden(MAY_NOT_EDIT)
    answers, errors = applying.validate_answers(application.form_version, payload.answers)
    if errors:
        return Status(422, field_errors(ValidationError(errors), ("body", "payload", "answers")))
    regions = None
    if payload.regions is not None:
        counties = {r.code: r for r in applying.swedish_counties()}
        unknown = [code for code in payload.regions if code not in counties]
        if unknown:
            message = _("Not a Swedish county (län) code: %(codes)s.") % {"codes": ", ".join(unknown)}
            return Status(422, field_errors(ValidationError({"regions": str(message)})))
        regions = [counties[code] for code in dict.fromkeys(payload.regions)]
    merged = dict(application.answers or {})
    for code in payload.answers:
        if code in answers:
            merged[code] = answers[code]
        else:
            merged.pop(code, None)  # cleared
    try:
        with transaction.atomic():
            applying.save_draft(application, user, answers=merged if payload.answers else None, regions=regions)
    except PermissionDenied:
        return _forbidden(MAY_NOT_EDIT)
    except ValidationError as error:
        return Status(409, {"detail": " ".join(error.messages)})
    return detail(visible_application(user, application_id), user)


@router.post(
    "/applications/{application_id}/actions/{action}",
    auth=token_or_session,
    response=WRITE,
    summary="Move an application on (submit, withdraw, check, admit, reject_ineligible, select, reserve, reject)",
)
@in_request_language
def act(request, application_id: int, action: Action, payload: ApplicationActionIn | None = None):
    """Make a workflow transition: `submit` and `withdraw` (the cluster's managers and invited editors), `check`,
    `admit`, `reject_ineligible`, `select`, `reserve`, `reject` (officers; decisions need a `comment`). The
    `actions` of GET /applications/{id} lists what the caller may do now. 409: not possible from the current status,
    or a condition is unmet (the deadline, missing answers, the regions' endorsement) — the message says which."""
    user = request.auth
    payload = payload or ApplicationActionIn()
    application = visible_application(user, application_id)
    try:
        workflow.transition(application, user, action.value, payload.comment)
    except PermissionDenied:
        return _forbidden(MAY_NOT_ACT)
    except workflow.TransitionRefused as refused:
        return Status(409, {"detail": " ".join(refused.messages)})
    return detail(visible_application(user, application_id), user)
