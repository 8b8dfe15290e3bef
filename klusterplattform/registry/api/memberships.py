"""A cluster's member register through the API: read by its managers and staff, who also add and end memberships.

Names of member organisations are personal data for sole traders, so even the list needs a token or a session.
"""

from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import ConfigDict

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.core.paging import page_request

from .. import services
from ..choices import MembershipKind
from ..models import Membership
from .cluster_edit import editable_cluster, field_errors
from .common import in_request_language, page_envelope, total_count
from .schemas import ErrorOut

router = Router(tags=["memberships"])

MAY_NOT_VIEW = _("You may not see the members of this cluster organisation.")
MAY_NOT_CHANGE = _("You may not change the members of this cluster organisation.")
CONFLICTS = {"duplicate", "already_ended"}
MAX_ID = 2**63 - 1


class MembershipQuery(Schema):
    active_on: date | None = Field(None, description="Only memberships in force on this day (YYYY-MM-DD).")
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class MemberOrganisationOut(Schema):
    key: str = Field(description="The organisation's stable key, e.g. SE:556677-8899.")
    name: str
    organisation_number: str
    type: str


class MembershipOut(Schema):
    id: int
    organisation: MemberOrganisationOut
    kind: str = Field(description="member (dedicated member) or participant.")
    joined: date | None
    left: date | None = Field(description="The first day the organisation no longer counts; null while open.")


class MembershipPage(Schema):
    count: int = Field(description="Total number of matching memberships.")
    page: int
    page_size: int
    results: list[MembershipOut]


class NewMembershipIn(Schema):
    model_config = ConfigDict(extra="forbid")

    organisation_key: str = Field(
        description="The organisation's stable key (e.g. SE:556677-8899) or its Swedish organisation number.",
    )
    kind: MembershipKind = Field(MembershipKind.MEMBER, description="member or participant.")
    joined: date | None = Field(None, description="The first day of the membership; today when left out.")


class EndMembershipQuery(Schema):
    left: date | None = Field(None, description="The first day the organisation no longer counts; default today.")


def membership_data(membership) -> dict:
    organisation = membership.organisation
    return {
        "id": membership.pk,
        "organisation": {
            "key": organisation.key,
            "name": organisation.name,
            "organisation_number": organisation.organisation_number,
            "type": organisation.type,
        },
        "kind": membership.kind,
        "joined": membership.joined,
        "left": membership.left,
    }


def _cluster(request, slug, action, refusal):
    try:
        return editable_cluster(request.auth, slug, action), None
    except PermissionDenied:
        return None, Status(403, {"detail": str(refusal)})


def _refused(error: ValidationError, where: tuple):
    """A conflict with the register's state (already a member, already ended) is a 409; bad input a 422."""
    if services.error_codes(error) & CONFLICTS:
        return Status(409, {"detail": " ".join(error.messages)})
    return Status(422, field_errors(error, where))


@router.get(
    "/clusters/{slug}/memberships",
    auth=token_or_session,
    response={200: MembershipPage, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="A cluster's memberships",
)
@in_request_language
def list_memberships(request, slug: str, filters: Query[MembershipQuery]):
    """Memberships, present and past (or those in force on `active_on`), by organisation name."""
    cluster, refused = _cluster(request, slug, "cluster.view_members", MAY_NOT_VIEW)
    if refused:
        return refused
    paging = page_request(filters.page, filters.page_size)
    memberships = Membership.objects.filter(cluster=cluster)
    if filters.active_on:
        memberships = memberships.active_on(filters.active_on)
    memberships = memberships.select_related("organisation").order_by("organisation__sort_name", "-joined", "pk")
    rows = list(memberships[paging.offset : paging.offset + paging.size])
    total = total_count(memberships, paging, len(rows))
    return page_envelope(total, paging, [membership_data(m) for m in rows])


@router.post(
    "/clusters/{slug}/memberships",
    auth=token_or_session,
    response={201: MembershipOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: FieldErrorsOut},
    summary="Add a membership",
)
@in_request_language
def add_membership(request, slug: str, payload: NewMembershipIn):
    """Record an existing organisation as a member from `joined`. 409: it already has an open membership. 403 also
    when a signed-in browser session sent no CSRF token (a bearer token needs none)."""
    cluster, refused = _cluster(request, slug, "cluster.edit_members", MAY_NOT_CHANGE)
    if refused:
        return refused
    where = ("body", "payload")
    try:
        organisation = services.find_organisation(payload.organisation_key)
        membership = services.add_membership(cluster, organisation, payload.kind.value, payload.joined)
    except ValidationError as error:
        # The service names the organisation; the body calls it organisation_key.
        errors = error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.error_list}
        renamed = {("organisation_key" if name == "organisation" else name): e for name, e in errors.items()}
        return _refused(ValidationError(renamed), where)
    return Status(201, membership_data(membership))


@router.delete(
    "/clusters/{slug}/memberships/{membership_id}",
    auth=token_or_session,
    response={200: MembershipOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: FieldErrorsOut},
    summary="End a membership",
)
@in_request_language
def end_membership(request, slug: str, membership_id: int, params: Query[EndMembershipQuery]):
    """End an open membership on `left` (default today). The membership stays in the history: it is not deleted.
    409: it already ended. 403 also when a signed-in browser session sent no CSRF token."""
    cluster, refused = _cluster(request, slug, "cluster.edit_members", MAY_NOT_CHANGE)
    if refused:
        return refused
    if membership_id > MAX_ID:  # beyond any database's integer: no such membership
        raise Http404
    membership = cluster.memberships.select_related("organisation").filter(pk=membership_id).first()
    if membership is None:
        raise Http404
    try:
        services.end_membership(membership, params.left)
    except ValidationError as error:
        return _refused(error, ("query",))
    return membership_data(membership)
