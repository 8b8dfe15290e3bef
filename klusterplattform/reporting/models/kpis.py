"""Programme KPIs as data: what is measured, how (computed from the platform's own records or entered by an
officer), from which baseline towards which target, and one value per period. A computed KPI names a metric of
reporting/kpi_metrics.py in `metric`; its values are computed when asked for and only stored when an officer
freezes a period (so a report for a past period does not move when records are corrected later)."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class KpiSource(models.TextChoices):
    COMPUTED = "computed", _("computed from the platform")
    ENTERED = "entered", _("entered by an officer")


class KpiUnit(models.TextChoices):
    COUNT = "count", _("number")
    PERCENT = "percent", _("per cent")
    SCORE = "score", _("score")
    SEK = "sek", _("kronor")
    EUR = "eur", _("euro")


class Kpi(models.Model):
    programme = models.ForeignKey(
        "registry.Programme", on_delete=models.CASCADE, related_name="kpis", verbose_name=_("programme")
    )
    code = models.SlugField(_("code"), max_length=40)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    definition_sv = models.TextField(_("definition (Swedish)"), max_length=2000)
    definition_en = models.TextField(_("definition (English)"), max_length=2000)
    unit = models.CharField(_("unit"), max_length=10, choices=KpiUnit.choices, default=KpiUnit.COUNT)
    source = models.CharField(_("data source"), max_length=10, choices=KpiSource.choices)
    metric = models.CharField(_("computed metric"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_period = models.CharField(_("baseline period"), max_length=10, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    target_period = models.CharField(_("target period"), max_length=10, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["programme", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="one_kpi_code_per_programme")]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "sv").startswith("en") else self.name_sv

    @property
    def definition(self) -> str:
        return self.definition_en if (get_language() or "sv").startswith("en") else self.definition_sv


class KpiValue(models.Model):
    """One value of a KPI for one period ("2025", "2025-H1", "2025-Q3"): entered, or a computed value frozen."""

    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="values", verbose_name=_("KPI"))
    period = models.CharField(_("period"), max_length=10)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("KPI value")
        verbose_name_plural = _("KPI values")
        ordering = ["kpi", "period"]
        constraints = [models.UniqueConstraint(fields=["kpi", "period"], name="one_kpi_value_per_period")]

    def __str__(self):
        return f"{self.kpi.code} {self.period}: {self.value}"
