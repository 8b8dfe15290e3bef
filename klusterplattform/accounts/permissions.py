"""The accounts app's rows of the permission table (the engine is core/permissions.py)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.permissions import Facts, Scope, define, describe, filter_for

from .models import ApiToken, TwoFactorDevice

ALL, SELF = Scope.ALL, Scope.SELF

define("audit.view", _("See the audit trail of an object"), officer=ALL, admin=ALL)
# Nobody, administrators included, manages another person's tokens or two-factor device: they are credentials.
define(
    "account.manage_credentials",
    _("Create and revoke API tokens, and set up two-factor sign-in, for one's own account"),
    signed_in=SELF,
)

describe(ApiToken, lambda token: Facts(owner_id=token.user_id))
describe(TwoFactorDevice, lambda device: Facts(owner_id=device.user_id))


def credentials_of(user, queryset):
    """The rows of `queryset` (tokens, devices) the user may manage: their own."""
    return queryset.filter(filter_for(user, "account.manage_credentials", {SELF: lambda ids: Q(user_id__in=ids)}))
