"""Focus areas of a programme's competence development, and which indicators each one is meant to move.

Focus areas with no programme are the defaults (the S3 pilot's four, loaded by migration 0002); a programme that has
none of its own uses them. An indicator is named by its lineage, so the mapping survives new catalogue versions.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from klusterplattform.registry.models.translated import in_language


class FocusAreaQuerySet(models.QuerySet):
    def for_programme(self, programme):
        """The programme's own focus areas, or the defaults when it has none."""
        own = self.filter(programme=programme)
        return own if own.exists() else self.filter(programme__isnull=True)


class FocusArea(models.Model):
    programme = models.ForeignKey(
        "registry.Programme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="focus_areas",
        verbose_name=_("programme"),
        help_text=_("Empty for the default focus areas, used by programmes that have none of their own."),
    )
    code = models.SlugField(_("code"), max_length=40)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    themes_sv = models.TextField(
        _("suggested activity themes (Swedish)"), blank=True, help_text=_("One theme per line.")
    )
    themes_en = models.TextField(
        _("suggested activity themes (English)"), blank=True, help_text=_("One theme per line.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = FocusAreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["programme_id", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="focus_area_code_per_programme"),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(programme__isnull=True), name="default_focus_area_code"
            ),
        ]

    @property
    def name(self) -> str:
        return in_language(self, "name")

    @property
    def description(self) -> str:
        return in_language(self, "description")

    @property
    def themes(self) -> list[str]:
        return [line.strip() for line in in_language(self, "themes").splitlines() if line.strip()]

    def __str__(self):
        return self.name


class FocusAreaIndicator(models.Model):
    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="indicators")
    lineage = models.CharField(_("indicator lineage"), max_length=60, help_text=_("For example kp-2026:FIN-03."))

    class Meta:
        verbose_name = _("indicator of a focus area")
        verbose_name_plural = _("indicators of focus areas")
        ordering = ["focus_area", "lineage"]
        constraints = [models.UniqueConstraint(fields=["focus_area", "lineage"], name="one_mapping_per_indicator")]

    def __str__(self):
        return f"{self.focus_area.code} ← {self.lineage}"
