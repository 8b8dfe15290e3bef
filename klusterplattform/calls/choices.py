from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    """draft → submitted → eligibility_check → in_review → selected | reserve | rejected; withdrawn before a
    decision (calls/workflow.py holds the transitions and who may make them)."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ELIGIBILITY_CHECK = "eligibility_check", _("Eligibility check")
    IN_REVIEW = "in_review", _("In review")
    SELECTED = "selected", _("Selected")
    RESERVE = "reserve", _("Reserve")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


DECIDED = (ApplicationStatus.SELECTED, ApplicationStatus.RESERVE, ApplicationStatus.REJECTED)


class EndorsementStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the region")
    CONFIRMED = "confirmed", _("Confirmed by the region")
    DECLINED = "declined", _("Declined by the region")


class ReviewVisibility(models.TextChoices):
    """Whether a reviewer sees the other reviewers' reviews of the same application."""

    NEVER = "never", _("Never")
    AFTER_OWN = "after_own", _("After submitting their own review")
    ALWAYS = "always", _("Always")
