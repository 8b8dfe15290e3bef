"""Cluster Management Excellence labels as recorded from the labelling body (ESCA/EUCLES).

The platform records official labels here; its own computed estimates (issue: self-assessment and benchmarking)
live elsewhere and are always shown as estimates.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LabelLevel(models.TextChoices):
    BRONZE = "bronze", _("Bronze")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Gold")


class LabelQuerySet(models.QuerySet):
    def valid_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(awarded_on__lte=day, valid_until__gte=day)


class Label(models.Model):
    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="labels")
    level = models.CharField(_("level"), max_length=10, choices=LabelLevel.choices)
    awarded_on = models.DateField(_("assessed on"))
    valid_until = models.DateField(_("valid until"))
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
