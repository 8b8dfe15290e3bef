"""Label readiness criteria (configurable data) and what a cluster documents for them.

Readiness is the platform's own estimate, never an official label: pages always say so.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from klusterplattform.registry.models.translated import in_language

from ..choices import Area, ReadinessSource
from .labels import LabelLevel


class ReadinessCriterion(models.Model):
    """One criterion of a readiness check: Bronze eligibility, Silver minimum requirements, Gold weighted criteria.

    `source` says how it is judged: a registry fact (`fact` names it, see readiness.py), an indicator answer
    (`indicator_lineage` compared with `threshold` in the indicator's direction of "better"), or a declaration the
    cluster makes with evidence. Gold criteria carry `points` (31 criteria, 150 points, pass mark 120 by default).
    """

    level = models.CharField(_("level"), max_length=10, choices=LabelLevel.choices)
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_sv = models.TextField(_("criterion (Swedish)"))
    text_en = models.TextField(_("criterion (English)"))
    source = models.CharField(_("judged by"), max_length=12, choices=ReadinessSource.choices)
    fact = models.CharField(_("registry fact"), max_length=40, blank=True)
    indicator_lineage = models.CharField(_("indicator"), max_length=60, blank=True)
    threshold = models.FloatField(_("threshold"), null=True, blank=True)
    points = models.PositiveSmallIntegerField(_("points"), default=0)
    requires_evidence = models.BooleanField(_("needs evidence"), default=False)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("readiness criterion")
        verbose_name_plural = _("readiness criteria")
        ordering = ["level", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["level", "code"], name="one_readiness_code_per_level")]

    def __str__(self):
        return f"{self.code} {self.text}"

    @property
    def text(self) -> str:
        return in_language(self, "text")


class ReadinessDeclaration(models.Model):
    """A cluster's statement that it meets a declaration criterion, with its evidence."""

    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(ReadinessCriterion, on_delete=models.CASCADE, related_name="declarations")
    is_met = models.BooleanField(_("met"), default=False)
    explanation = models.TextField(_("explanation"), blank=True)
    evidence = models.FileField(_("evidence"), upload_to="excellence/readiness/", blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("readiness declaration")
        verbose_name_plural = _("readiness declarations")
        constraints = [models.UniqueConstraint(fields=["cluster", "criterion"], name="one_declaration")]

    def __str__(self):
        return f"{self.cluster} {self.criterion.code}"


class ImprovementArea(models.Model):
    """One of the three improvement areas a Silver candidate documents: what changed and its effect."""

    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="+")
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    what_changed = models.TextField(_("what changed"))
    effect = models.TextField(_("effect on the cluster"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("improvement area")
        verbose_name_plural = _("improvement areas")
        ordering = ["cluster", "area"]
        constraints = [models.UniqueConstraint(fields=["cluster", "area"], name="one_improvement_per_area")]

    def __str__(self):
        return f"{self.cluster} {self.area}"
