from django.db import models
from django.utils.translation import gettext_lazy as _


class CallStatus(models.TextChoices):
    """Derived from the dates (see FundingCall.status); never stored."""

    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class DeadlineModel(models.TextChoices):
    SINGLE_STAGE = "single-stage", _("Single-stage")
    TWO_STAGE = "two-stage", _("Two-stage")
    MULTIPLE_CUTOFF = "multiple-cut-off", _("Multiple cut-off dates")


class Source(models.TextChoices):
    EU_FUNDING_TENDERS = "eu-ft", _("EU Funding & Tenders Portal (imported)")
    MANUAL = "manual", _("Entered by hand")


# The time zone of the EU Funding & Tenders Portal's deadlines ("17:00:00 Brussels time") and its usual hour, used
# when a source gives only a date.
BRUSSELS = "Europe/Brussels"
EU_DEADLINE_HOUR = 17
