from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerType(models.TextChoices):
    CLUSTER_ORGANISATION = "cluster_organisation", _("Cluster organisation")
    SME = "sme", _("SME")
    LARGE_COMPANY = "large_company", _("Large company")
    RESEARCH = "research", _("Research and education")
    PUBLIC_BODY = "public_body", _("Public body")


class Purpose(models.TextChoices):
    FUNDING_CALL = "funding_call", _("A funding call")
    PROJECT = "project", _("A project")
    TRADE_MISSION = "trade_mission", _("A trade mission")
    VALUE_CHAIN = "value_chain", _("A value chain")


class PostStatus(models.TextChoices):
    """Derived from the dates and the author's closing (see PartnerSearch.status); never stored."""

    OPEN = "open", _("Open")
    EXPIRED = "expired", _("Expired")
    CLOSED = "closed", _("Closed")


class InterestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DocumentKind(models.TextChoices):
    """What the match index holds: cluster organisations, and (as a second tab) member organisations."""

    CLUSTER = "cluster", _("Cluster organisation")
    ORGANISATION = "organisation", _("Member organisation")


class MatchSubject(models.TextChoices):
    """What a ranking was asked for."""

    CLUSTER = "cluster", _("A cluster")
    POST = "post", _("A partner search")
    TEXT = "text", _("A described need")


class Vote(models.IntegerChoices):
    UP = 1, _("Good match")
    DOWN = -1, _("Poor match")


class MeetingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MeetingOutcome(models.TextChoices):
    """What followed a held meeting, recorded by either side afterwards."""

    UNKNOWN = "", _("Not recorded")
    NONE = "none", _("No follow-up")
    FOLLOW_UP = "follow_up", _("Further talks")
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    COOPERATION = "cooperation", _("Cooperation agreement")
    NOT_HELD = "not_held", _("The meeting did not take place")
