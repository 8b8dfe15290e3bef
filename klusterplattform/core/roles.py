"""The roles a user can hold. Codes are what `klusterplattform adduser --role` and the API use.

They live in core (not in the registry, where the scoped grants are stored) so that every app, accounts included,
can name them without importing the registry.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Programme officer")
    CLUSTER_MANAGER = "cluster_manager", _("Cluster manager")
    ASSESSOR = "assessor", _("Assessor")
    REVIEWER = "reviewer", _("Reviewer")
    REGIONAL_OFFICER = "regional_officer", _("Regional officer")
    ADMIN = "admin", _("Administrator")


# Everyone holds one of these implicitly; the permission table can grant actions to them like to a role.
ANONYMOUS = "anonymous"
SIGNED_IN = "signed_in"

# Agency staff: they may be required to use two-factor authentication (KP_REQUIRE_2FA_FOR_STAFF).
STAFF_ROLES = (Role.OFFICER, Role.ADMIN)
