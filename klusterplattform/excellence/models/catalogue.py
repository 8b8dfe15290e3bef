"""The indicator catalogue: versioned, translatable data. A version is immutable once an assessment uses it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from klusterplattform.registry.models.translated import in_language

from ..choices import BENCHMARKED_TYPES, AnswerType, Area, Direction, PrefillSource


class CatalogueInUse(ValidationError):
    """Raised when something tries to change a catalogue version that assessments already use."""


class CatalogueVersion(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    # The version this one replaces; its indicators map to that version's through Indicator.previous.
    previous = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_version", verbose_name=_("replaces")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("indicator catalogue version")
        verbose_name_plural = _("indicator catalogue versions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return in_language(self, "name")

    @property
    def is_used(self) -> bool:
        return self.assessments.exists() or self.rounds.exists()

    def guard_unused(self):
        if self.pk and self.is_used:
            raise CatalogueInUse(_("This catalogue version is used by assessments and cannot be changed."))

    def delete(self, *args, **kwargs):
        self.guard_unused()
        return super().delete(*args, **kwargs)


class Indicator(models.Model):
    catalogue = models.ForeignKey(CatalogueVersion, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=20)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    question_sv = models.TextField(_("question (Swedish)"))
    question_en = models.TextField(_("question (English)"))
    help_sv = models.TextField(_("help text (Swedish)"), blank=True)
    help_en = models.TextField(_("help text (English)"), blank=True)
    answer_type = models.CharField(_("answer type"), max_length=10, choices=AnswerType.choices)
    unit_sv = models.CharField(_("unit (Swedish)"), max_length=40, blank=True)
    unit_en = models.CharField(_("unit (English)"), max_length=40, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.NEUTRAL)
    # For choice and multiple choice: [{"code": "a", "sv": "…", "en": "…", "score": 2}, …]; the score is what a
    # choice is benchmarked by (a multiple choice by how many options are ticked).
    options = models.JSONField(_("options"), default=list, blank=True)
    minimum = models.DecimalField(_("smallest value"), max_digits=14, decimal_places=2, null=True, blank=True)
    maximum = models.DecimalField(_("largest value"), max_digits=14, decimal_places=2, null=True, blank=True)
    is_required = models.BooleanField(_("required"), default=True)
    prefill = models.CharField(_("pre-filled from"), max_length=30, choices=PrefillSource.choices, blank=True)
    # The indicator of the previous catalogue version this one continues, so results compare across versions.
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_indicator",
        verbose_name=_("maps to"),
    )
    # The code of the first indicator of the chain: peer distributions are kept per lineage, not per version.
    lineage = models.CharField(max_length=60, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["catalogue", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["catalogue", "code"], name="one_code_per_catalogue")]

    def __str__(self):
        return f"{self.code} {self.question}"

    @property
    def question(self) -> str:
        return in_language(self, "question")

    @property
    def help(self) -> str:
        return in_language(self, "help")

    @property
    def unit(self) -> str:
        return in_language(self, "unit")

    @property
    def is_benchmarked(self) -> bool:
        return self.answer_type in BENCHMARKED_TYPES

    def option_label(self, code: str) -> str:
        for option in self.options:
            if option.get("code") == code:
                return in_language_dict(option)
        return code

    def save(self, *args, **kwargs):
        if self.catalogue_id:
            self.catalogue.guard_unused()
        self.lineage = self.previous.lineage if self.previous_id else f"{self.catalogue.code}:{self.code}"
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.catalogue.guard_unused()
        return super().delete(*args, **kwargs)


def in_language_dict(option: dict) -> str:
    from django.utils.translation import get_language

    language = (get_language() or "sv")[:2]
    return option.get(language) or option.get("sv") or option.get("en") or option.get("code", "")
