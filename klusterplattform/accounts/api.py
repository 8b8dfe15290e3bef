"""The caller's own account and personal API tokens; every operation needs a token or a signed-in session."""

from datetime import datetime

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema, Status

from . import tokens
from .api_auth import token_or_session

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
