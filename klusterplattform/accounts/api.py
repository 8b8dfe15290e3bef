"""The caller's own account and personal API tokens, and (for officers) objects' audit trails; every operation needs
a token or a signed-in session."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status

from klusterplattform.core.paging import page_envelope, page_request, total_count
from klusterplattform.core.permissions import check

from . import audit, tokens
from .api_auth import token_or_session
from .models import AuditEvent

router = Router(tags=["account"])


class GrantOut(Schema):
    role: str
    cluster: str | None = None
    region: str | None = None


class MeOut(Schema):
    email: str
    full_name: str
    grants: list[GrantOut]


class UnauthorizedOut(Schema):
    detail: str


@router.get("/me", auth=token_or_session, response={200: MeOut, 401: UnauthorizedOut}, summary="The caller")
def me(request):
    """Who the token (or session) belongs to, with the role grants and their scopes (cluster slug, region code)."""
    user = request.auth
    grants = user.role_grants.select_related("cluster", "region").order_by("role", "id")
    return {
        "email": user.email,
        "full_name": user.full_name,
        "grants": [
            {
                "role": grant.role,
                "cluster": grant.cluster.slug if grant.cluster else None,
                "region": grant.region.code if grant.region else None,
            }
            for grant in grants
        ],
    }


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The first characters, to recognise the token; the rest is never shown again.")
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    status: str = Field(description="active, expired or revoked")


class NewTokenIn(Schema):
    name: str = ""
    expires_in_days: int | None = Field(None, description="1–3650; leave out for a token that does not expire.")


class NewTokenOut(TokenOut):
    token: str = Field(description="The token itself. Shown only in this answer: store it now.")


class ProblemOut(Schema):
    """An error with one message. 403 on a write: a signed-in browser session sent no CSRF token (tokens need none)."""

    detail: str


class FieldErrorsOut(Schema):
    detail: list[dict] = Field(description="One entry per problem: loc (where), msg (why), type.")


def _token_out(token) -> dict:
    fields = ("id", "name", "prefix", "created_at", "expires_at", "last_used_at")
    return {**{field: getattr(token, field) for field in fields}, "status": token.status}


@router.get(
    "/tokens", auth=token_or_session, response={200: list[TokenOut], 401: UnauthorizedOut}, summary="My API tokens"
)
def list_tokens(request):
    return [_token_out(token) for token in tokens.tokens_of(request.auth)]


@router.post(
    "/tokens",
    auth=token_or_session,
    response={201: NewTokenOut, 401: UnauthorizedOut, 403: ProblemOut, 422: FieldErrorsOut},
    summary="Create an API token",
)
def create_token(request, payload: NewTokenIn):
    try:
        token, raw = tokens.issue(request.auth, payload.name, payload.expires_in_days)
    except ValidationError as error:
        # The same shape as ninja's own 422, so a client handles every invalid body one way.
        field = {"name": "name", "expiry": "expires_in_days"}.get(error.code, "payload")
        problems = [{"loc": ["body", "payload", field], "msg": m, "type": "value_error"} for m in error.messages]
        return Status(422, {"detail": problems})
    return Status(201, {**_token_out(token), "token": raw})


@router.delete(
    "/tokens/{token_id}",
    auth=token_or_session,
    response={204: None, 401: UnauthorizedOut, 403: ProblemOut, 404: ProblemOut},
    summary="Revoke an API token",
)
def revoke_token(request, token_id: int):
    tokens.revoke(request.auth, token_id)
    return Status(204, None)


class AuditQuery(Schema):
    object: str = Field(description="The object, as app_label.model:id, e.g. registry.clusterorganisation:42.")
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Events per page (capped by the server).")


class AuditActorOut(Schema):
    id: int
    email: str


class AuditEventOut(Schema):
    id: int
    at: datetime = Field(description="When, in the platform's time zone, with its offset.")
    actor: AuditActorOut | None = Field(description="Who; null for the system (commands, imports run by it).")
    channel: str = Field(description="page, api, import or command")
    action: str = Field(description="create, update or delete")
    object_type: str = Field(description="app_label.model")
    object_id: str
    object_repr: str = Field(description="The object's name when the event was recorded.")
    changes: dict[str, list] = Field(description="Field by field: [before, after].")


class AuditPage(Schema):
    count: int = Field(description="Total number of events of the object.")
    page: int
    page_size: int
    results: list[AuditEventOut]


AUDIT_FORBIDDEN = gettext_lazy("Only programme officers and administrators may see the audit trail.")
BAD_OBJECT = gettext_lazy("Name a tracked object as app_label.model:id, e.g. registry.clusterorganisation:42.")


@router.get(
    "/audit",
    auth=token_or_session,
    response={200: AuditPage, 401: UnauthorizedOut, 403: ProblemOut, 422: FieldErrorsOut},
    summary="An object's audit trail",
    tags=["audit"],
)
def audit_trail(request, filters: Query[AuditQuery]):
    """Every recorded create, change and delete of one object, newest first, field by field (officers only).

    The trail is read-only: there is no operation that changes or deletes it."""
    if not check(request.auth, "audit.view"):
        return Status(403, {"detail": str(AUDIT_FORBIDDEN)})
    try:
        content_type, object_id = audit.parse_object_reference(filters.object.strip())
    except ValueError:
        problem = {"loc": ["query", "object"], "msg": str(BAD_OBJECT), "type": "value_error"}
        return Status(422, {"detail": [problem]})
    paging = page_request(filters.page, filters.page_size)
    events = AuditEvent.objects.filter(content_type=content_type, object_id=object_id)
    rows = list(events.select_related("actor")[paging.offset : paging.offset + paging.size])
    total = total_count(events, paging, len(rows))
    object_type = f"{content_type.app_label}.{content_type.model}"
    results = [
        {
            "id": event.pk,
            "at": timezone.localtime(event.at),
            "actor": {"id": event.actor.pk, "email": event.actor.email} if event.actor else None,
            "channel": event.channel,
            "action": event.action,
            "object_type": object_type,
            "object_id": event.object_id,
            "object_repr": event.object_repr,
            "changes": event.changes,
        }
        for event in rows
    ]
    return page_envelope(total, paging, results)
