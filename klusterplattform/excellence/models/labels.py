"""Cluster Management Excellence labels as recorded from the labelling body (ESCA/EUCLES).

The platform records official labels here; its own computed estimates (issue: self-assessment and benchmarking)
live elsewhere and are always shown as estimates.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import AwardingBody


class LabelLevel(models.TextChoices):
    BRONZE = "bronze", _("Bronze")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Gold")


def in_force_on(day) -> models.Q:
    """Labels in force on `day`: a renewal counts from its valid_from (the day after the label it renews ends), not
    from its assessment; records without valid_from count from the assessment."""
    started = models.Q(valid_from__lte=day) | models.Q(valid_from__isnull=True, awarded_on__lte=day)
    return started & models.Q(valid_until__gte=day)


class LabelQuerySet(models.QuerySet):
    def valid_on(self, day=None):
        return self.filter(in_force_on(day or timezone.localdate()))


class Label(models.Model):
    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="labels")
    level = models.CharField(_("level"), max_length=10, choices=LabelLevel.choices)
    awarding_body = models.CharField(
        _("awarding body"), max_length=10, choices=AwardingBody.choices, default=AwardingBody.EUCLES
    )
    awarded_on = models.DateField(_("assessed on"))
    # Computed from the validity rules (labels.py) when the label is recorded; kept as columns for fast queries.
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"))
    # The label this one renews: a renewal extends the previous validity seamlessly (DOMAIN.md 1.3).
    # RESTRICT, not PROTECT: a chain can still go when its cluster is deleted (both sides go in one cascade).
    renews = models.OneToOneField(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="renewed_by", verbose_name=_("renews")
    )
    certificate = models.FileField(_("certificate"), upload_to="excellence/certificates/", blank=True)
    report_id = models.CharField(_("report identifier"), max_length=40, blank=True)
    source_url = models.URLField(_("source"), blank=True)
    is_demo = models.BooleanField(default=False, db_index=True)

    objects = LabelQuerySet.as_manager()

    class Meta:
        verbose_name = _("label (official record)")
        verbose_name_plural = _("labels (official records)")
        ordering = ["-valid_until"]
        indexes = [models.Index(fields=["level", "valid_until"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("awarded_on")), name="label_valid_after_award"
            )
        ]

    def __str__(self):
        return f"{self.get_level_display()} – {self.cluster} ({self.valid_until:%Y-%m-%d})"

    def is_valid_on(self, day) -> bool:
        return (self.valid_from or self.awarded_on) <= day <= self.valid_until


class LabelRule(models.Model):
    """Validity rules as data, one row per level (defaults from DOMAIN.md 1.3, 1.5, 1.6; officers may change them)."""

    level = models.CharField(_("level"), max_length=10, choices=LabelLevel.choices, unique=True)
    first_validity_months = models.PositiveSmallIntegerField(_("first label valid (months)"), default=24)
    renewal_grace_months = models.PositiveSmallIntegerField(_("renewal allowed after expiry (months)"), default=12)
    renewal_extension_months = models.PositiveSmallIntegerField(_("a renewal extends validity by (months)"))
    note = models.TextField(_("source or note"), blank=True)

    class Meta:
        verbose_name = _("label validity rule")
        verbose_name_plural = _("label validity rules")
        ordering = ["level"]

    def __str__(self):
        return self.get_level_display()
