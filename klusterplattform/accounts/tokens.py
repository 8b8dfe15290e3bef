"""Personal API tokens: the one place that issues, lists and revokes them (account page and API both call it)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken
from .permissions import credentials_of

MAX_DAYS = 3650


def issue(user, name: str, expires_in_days: int | None) -> tuple[ApiToken, str]:
    """A new token for `user`; the raw value is returned once and never stored."""
    name = (name or "").strip()
    if len(name) > 100:
        raise ValidationError(_("The name can be at most 100 characters."), code="name")
    if expires_in_days is not None and not 1 <= expires_in_days <= MAX_DAYS:
        raise ValidationError(
            _("A token expires after 1 to %(max)d days, or never.") % {"max": MAX_DAYS}, code="expiry"
        )
    expires = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
    return ApiToken.issue(user, name=name, expires_at=expires)


def tokens_of(user):
    return credentials_of(user, ApiToken.objects.all()).order_by("-created_at")


def own_token(user, token_id) -> ApiToken:
    """The user's own token; someone else's (or an unknown id) is a 404, so ids reveal nothing."""
    token = tokens_of(user).filter(pk=token_id).first()
    if token is None:
        raise Http404
    return token


def revoke(user, token_id) -> ApiToken:
    token = own_token(user, token_id)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
