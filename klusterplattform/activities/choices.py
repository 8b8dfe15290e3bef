from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityType(models.TextChoices):
    KNOWLEDGE_EXCHANGE = "knowledge_exchange", _("Knowledge exchange")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    STUDY_VISIT = "study_visit", _("Study visit")
    TRADE_FAIR = "trade_fair", _("Trade fair participation")
    MATCHMAKING = "matchmaking", _("Matchmaking event")
    CLOSING_WORKSHOP = "closing_workshop", _("Closing workshop")
    WEBINAR = "webinar", _("Webinar")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class DocumentAccess(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    PARTICIPANTS = "participants", _("Registered participants and the programme's clusters")
    OFFICERS = "officers", _("Programme officers only")


class NewsAudience(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTICIPANTS = "participants", _("Participants of the programme only")


class DeliveryKind(models.TextChoices):
    """The e-mails the platform sends from `send_activity_mail`; each is sent once per object and recipient."""

    REMINDER = "reminder", _("Reminder before an activity")
    FEEDBACK = "feedback", _("Feedback invitation after an activity")
    NEWS = "news", _("Programme news")
    PROMOTED = "promoted", _("Moved up from the waiting list")
