"""The accounts app's rows of the permission table (the engine is core/permissions.py)."""

from django.utils.translation import gettext_lazy as _

from klusterplattform.core.permissions import Scope, define

ALL = Scope.ALL

define("audit.view", _("See the audit trail of an object"), officer=ALL, admin=ALL)
