"""Changing a cluster's profile through the API: its own managers, programme officers and administrators."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema, Status
from pydantic import ConfigDict

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.core.permissions import check

from .. import services
from ..models import ClusterOrganisation
from .clusters import router
from .common import in_request_language
from .profile import cluster_profile
from .schemas import ClusterDetail, ErrorOut

# PATCH /clusters/{slug} joins GET on the clusters router: ninja answers one path from one router, so an operation on
# the same path in another router would never be reached (405).

MAY_NOT_EDIT = _("You may not edit this cluster organisation.")


def _leave_out_default(schema: dict) -> None:
    schema.pop("default", None)  # absent means "unchanged", not "null"


def _optional(description: str):
    return Field(None, description=description, json_schema_extra=_leave_out_default)


class ClusterPatchIn(Schema):
    """The fields to change; every other field keeps its value. Linked terms are lists of codes, as the read API
    shows them, and replace the current list."""

    model_config = ConfigDict(extra="forbid")

    name: str = _optional("The name the cluster organisation is known by (required, at most 200 characters).")
    legal_name: str = _optional("The registered name of the legal entity.")
    organisation_number: str = _optional("Swedish organisation number, NNNNNN-NNNN (the check digit is verified).")
    website: str = _optional("An http(s) address.")
    website_in_english: bool = _optional("The website has pages in English.")
    founded: date | None = _optional("The founding date, YYYY-MM-DD.")
    description: str = _optional("What the cluster does and for whom.")
    strengths: str = _optional("The cluster's strengths.")
    strategy: str = _optional("The cluster's strategy.")
    management_fte: Decimal | None = _optional("Full-time equivalents in cluster management, 0–999.99.")
    eccp_profile_url: str = _optional("The profile on the European Cluster Collaboration Platform.")
    is_published: bool = _optional("Published or not: programme officers and administrators only.")
    regions: list[str] = _optional("Region codes (länskod or NUTS code); at least one.")
    ecosystems: list[str] = _optional("Industrial ecosystem codes.")
    sectors: list[str] = _optional("Sectoral industry codes.")
    technology_fields: list[str] = _optional("Technology field codes.")
    s3_priority_areas: list[str] = _optional("S3 priority area codes.")


def field_errors(error: ValidationError, where: tuple = ("body", "payload")) -> dict:
    """A ValidationError in the shape of ninja's own 422, so a client handles every invalid request one way."""
    by_field = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    return {
        "detail": [
            {"loc": [*where, *([] if name == NON_FIELD_ERRORS else [name])], "msg": message, "type": "value_error"}
            for name, messages in by_field.items()
            for message in messages
        ]
    }


def editable_cluster(user, slug: str, action: str) -> ClusterOrganisation:
    """The cluster if the user may do `action` to it; Http404 when they cannot see it, PermissionDenied else."""
    if "\x00" in slug:  # PostgreSQL cannot even compare such text: no cluster has it
        raise Http404
    # Regions prefetched: every permission check on the cluster reads them.
    cluster = ClusterOrganisation.objects.visible_to(user).prefetch_related("regions").filter(slug=slug).first()
    if cluster is None:
        raise Http404
    if not check(user, action, cluster):
        raise PermissionDenied
    return cluster


@router.patch(
    "/clusters/{slug}",
    auth=token_or_session,
    response={200: ClusterDetail, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
    summary="Change a cluster profile",
)
@in_request_language
def patch_cluster(request, slug: str, payload: ClusterPatchIn):
    """Change only the fields sent; answers with the whole profile, as `GET /clusters/{slug}` does.

    Invalid values are a 422 listing each field, and nothing is saved. 403: the caller may see the cluster but not
    edit it, a cluster manager sent `is_published`, or a signed-in browser session sent no CSRF token (a bearer token
    needs none). Every change is recorded in the audit trail with the caller and channel "api".
    """
    user = request.auth
    try:
        cluster = editable_cluster(user, slug, "cluster.edit")
    except PermissionDenied:
        return Status(403, {"detail": str(MAY_NOT_EDIT)})
    try:
        services.update_cluster_profile(cluster, payload.model_dump(exclude_unset=True), user=user)
    except PermissionDenied as refused:
        return Status(403, {"detail": str(refused)})
    except ValidationError as error:
        return Status(422, field_errors(error))
    return cluster_profile(request, cluster, user)
