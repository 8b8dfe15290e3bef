from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import RegionLevel
from .translated import TranslatedNameMixin, in_language


class Region(TranslatedNameMixin, models.Model):
    """A Swedish län (code = länskod, e.g. "01") or a European region by its NUTS code (code = NUTS code)."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=RegionLevel.choices)
    country = models.CharField(_("country"), max_length=2, db_index=True, help_text=_("ISO 3166-1 alpha-2"))
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=10, blank=True)
    nuts3_code = models.CharField(_("NUTS 3 code"), max_length=10, blank=True)
    nuts2_code = models.CharField(_("NUTS 2 code"), max_length=10, blank=True)
    nuts2_name = models.CharField(_("NUTS 2 name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "code"]

    @property
    def is_swedish_county(self) -> bool:
        return self.level == RegionLevel.COUNTY


class S3PriorityArea(models.Model):
    """A smart-specialisation priority area of a region's strategy, as published by the region."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="s3_areas")
    code = models.SlugField(_("code"), max_length=120, unique=True)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    nace_codes = models.JSONField(_("NACE codes"), default=list, blank=True)
    ecosystems = models.ManyToManyField("registry.Ecosystem", blank=True, related_name="s3_areas")
    strategy_name = models.CharField(_("strategy"), max_length=200, blank=True)
    period_start = models.PositiveSmallIntegerField(_("strategy period from"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("strategy period to"), null=True, blank=True)
    source_url = models.URLField(_("source"), max_length=400, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("S3 priority area")
        verbose_name_plural = _("S3 priority areas")
        ordering = ["region__code", "position"]

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def description(self) -> str:
        return in_language(self, "description")

    def __str__(self):
        return self.title
