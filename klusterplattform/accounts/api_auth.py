"""Who is calling the API: a personal token (`Authorization: Bearer kp_…`) or the browser session.

Write endpoints declare `auth=token_or_session`; public GET endpoints that show more to a signed-in caller ask
`api_user(request)`. A token that is sent but not valid (unknown, expired, revoked, user inactive) is always a 401,
never a silent fall-back to anonymous: a client with a broken token must find out.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from .models import ApiToken


class TokenRejected(AuthenticationError):
    """A bearer token was sent but is unknown, expired or revoked, or its user is inactive."""


# Lazy: the message is put into words when the 401 is written, in the request's language.
INVALID_TOKEN = _("The API token is invalid, expired or revoked.")
MISSING_CREDENTIALS = _("Authentication required: send Authorization: Bearer <token>.")


def invalid_token_error() -> TokenRejected:
    return TokenRejected(message=INVALID_TOKEN)


def missing_credentials_error() -> AuthenticationError:
    return AuthenticationError(message=MISSING_CREDENTIALS)


def unauthorised_response(api, request, exc: AuthenticationError):
    """The JSON 401 for every authentication failure (ninja's own "Unauthorized" gets our translated message)."""
    detail = str(exc.message) if isinstance(exc, TokenRejected) else str(MISSING_CREDENTIALS)
    response = api.create_response(request, {"detail": detail}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


class BearerToken(HttpBearer):
    """Ninja auth class: resolves `Authorization: Bearer <token>` with ApiToken.authenticate."""

    def authenticate(self, request, token):
        user = ApiToken.authenticate(token.strip())
        if user is None:
            raise invalid_token_error()
        # Later code (and Django's own helpers) read request.user; make it the token's user.
        request.user = user
        return user


class SignedInSession(SessionAuth):
    """The browser session, for pages that call the API with the user's cookie."""


token_auth = BearerToken()
session_auth = SignedInSession()
# The order matters: a bad token fails the request before the session is looked at.
token_or_session = [token_auth, session_auth]


def bearer_value(request) -> str | None:
    """The raw token from the Authorization header, or None when no bearer token was sent."""
    header = request.headers.get("Authorization", "")
    scheme, _space, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip()


def api_user(request):
    """The caller of a public endpoint: the token's user, else the session user, else AnonymousUser.

    Raises AuthenticationError (a JSON 401) when a bearer token is sent and is not valid.
    """
    cached = getattr(request, "_kp_api_user", None)
    if cached is not None:
        return cached
    raw = bearer_value(request)
    if raw is not None:
        user = ApiToken.authenticate(raw)
        if user is None:
            raise invalid_token_error()
        request.user = user
    else:
        user = getattr(request, "user", None) or AnonymousUser()
    request._kp_api_user = user
    return user
