"""Choices of the excellence module: benchmarking areas, answer types, assessment states, peer groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    """The six ESCA benchmarking areas (DOMAIN.md 1.3), plus strategy and the post-2019 transition themes."""

    STRUCTURE = "structure", _("Structure of the cluster")
    GOVERNANCE = "governance", _("Cluster management and governance")
    FINANCING = "financing", _("Financing of the cluster management")
    STRATEGY = "strategy", _("Strategy")
    SERVICES = "services", _("Services of the cluster management")
    INTERACTION = "interaction", _("Contacts and interaction within the cluster")
    ACHIEVEMENTS = "achievements", _("Achievements and recognition")
    TRANSITIONS = "transitions", _("Digital, green and social transitions")


class AnswerType(models.TextChoices):
    NUMBER = "number", _("Number")
    SHARE = "share", _("Share (percent)")
    CHOICE = "choice", _("Choice")
    MULTIPLE = "multiple", _("Multiple choice")
    YES_NO = "yes_no", _("Yes or no")
    TEXT = "text", _("Text")
    EVIDENCE = "evidence", _("Evidence upload")


# Answer types with a number to benchmark (a choice by its option's score, a multiple choice by how many are ticked).
BENCHMARKED_TYPES = {AnswerType.NUMBER, AnswerType.SHARE, AnswerType.CHOICE, AnswerType.MULTIPLE, AnswerType.YES_NO}


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")
    NEUTRAL = "neutral", _("Neither is better")


class PrefillSource(models.TextChoices):
    """Registry facts an indicator can be pre-filled from (see prefill.py)."""

    NONE = "", _("Not pre-filled")
    PARTICIPANTS_TOTAL = "participants_total", _("Participating organisations (registry)")
    DEDICATED_MEMBERS = "dedicated_members", _("Dedicated members (registry)")
    SME_SHARE = "sme_share", _("Share of SMEs among participants (registry)")
    RESEARCH_PARTICIPANTS = "research_participants", _("Research and education participants (registry)")
    PUBLIC_PARTICIPANTS = "public_participants", _("Public-body participants (registry)")
    LARGE_COMPANIES = "large_companies", _("Large companies among participants (registry)")
    REGIONAL_CONCENTRATION = "regional_concentration", _("Share of participants in the cluster's regions (registry)")
    ORGANISATION_AGE = "organisation_age", _("Age of the cluster organisation in years (registry)")
    MANAGEMENT_FTE = "management_fte", _("Management team in full-time equivalents (registry)")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_VALIDATION = "under_validation", _("Under validation")
    VALIDATED = "validated", _("Validated")
    RETURNED = "returned", _("Returned with comments")


class ClusterSize(models.TextChoices):
    """Size classes of a cluster by participating organisations, for the "same size class" peer group."""

    SMALL = "s", _("Fewer than 50 participants")
    MEDIUM = "m", _("50–149 participants")
    LARGE = "l", _("150–499 participants")
    VERY_LARGE = "xl", _("500 participants or more")


def cluster_size(participants: int) -> str:
    if participants < 50:
        return ClusterSize.SMALL
    if participants < 150:
        return ClusterSize.MEDIUM
    if participants < 500:
        return ClusterSize.LARGE
    return ClusterSize.VERY_LARGE


class PeerGroupKind(models.TextChoices):
    ALL = "all", _("All organisations")
    ECOSYSTEM = "ecosystem", _("Same industrial ecosystem")
    SECTOR = "sector", _("Same sector")
    COUNTRY = "country", _("Same country")
    SIZE = "size", _("Same size class")
    PROGRAMME = "programme", _("Same programme")
    LABEL = "label", _("Label holders of a level")


class AwardingBody(models.TextChoices):
    ESCA = "esca", "ESCA"
    EUCLES = "eucles", "EUCLES"


class ReadinessSource(models.TextChoices):
    """Where a readiness criterion's answer comes from."""

    REGISTRY = "registry", _("Registry fact")
    INDICATOR = "indicator", _("Answer to an indicator")
    DECLARATION = "declaration", _("Declaration with evidence")
