"""Taxonomies as data, translatable and editable in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .translated import TranslatedNameMixin


class TaxonomyTerm(TranslatedNameMixin, models.Model):
    code = models.SlugField(_("code"), max_length=80, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "code"]


class Ecosystem(TaxonomyTerm):
    """One of the 14 EU industrial ecosystems (Industrial Strategy 2020)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("industrial ecosystem")
        verbose_name_plural = _("industrial ecosystems")


class SectoralIndustry(TaxonomyTerm):
    """One of the 51 sectoral (traded) industries used by ECCP and the European Cluster Observatory."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sectoral industry")
        verbose_name_plural = _("sectoral industries")


class TechnologyField(TaxonomyTerm):
    """A free, admin-editable list of technology fields."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("technology field")
        verbose_name_plural = _("technology fields")
