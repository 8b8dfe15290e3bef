"""The caller's own account. The accounts issue extends this router (profile, tokens); it needs authentication."""

from ninja import Router, Schema

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
