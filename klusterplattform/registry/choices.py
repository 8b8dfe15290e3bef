from django.db import models
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.roles import Role  # noqa: F401 - re-exported: the registry's grants are stored by role


class RegionLevel(models.TextChoices):
    COUNTRY = "nuts0", _("Country (NUTS 0)")
    NUTS1 = "nuts1", _("NUTS 1")
    NUTS2 = "nuts2", _("NUTS 2")
    NUTS3 = "nuts3", _("NUTS 3")
    COUNTY = "county", _("County (län)")


class OrganisationType(models.TextChoices):
    SME = "sme", _("SME")
    LARGE_COMPANY = "large_company", _("Large company")
    RESEARCH = "research", _("Research organisation or university")
    EDUCATION = "education", _("Education")
    PUBLIC_BODY = "public_body", _("Public body")
    OTHER = "other", _("Other")


class SizeClass(models.TextChoices):
    MICRO = "micro", _("Micro (< 10 employees)")
    SMALL = "small", _("Small (10–49)")
    MEDIUM = "medium", _("Medium (50–249)")
    LARGE = "large", _("Large (250+)")
    UNKNOWN = "unknown", _("Unknown")


class MembershipKind(models.TextChoices):
    MEMBER = "member", _("Dedicated member")
    PARTICIPANT = "participant", _("Participating organisation")


class ParticipationStatus(models.TextChoices):
    SELECTED = "selected", _("Selected")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# ECCP's triple-helix member types (DOMAIN.md 2.3), from our organisation types.
TRIPLE_HELIX_TYPE = {
    OrganisationType.SME: "industry",
    OrganisationType.LARGE_COMPANY: "industry",
    OrganisationType.RESEARCH: "research",
    OrganisationType.EDUCATION: "research",
    OrganisationType.PUBLIC_BODY: "public",
    OrganisationType.OTHER: "civil_society",
}
