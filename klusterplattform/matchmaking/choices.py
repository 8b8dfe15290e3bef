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
