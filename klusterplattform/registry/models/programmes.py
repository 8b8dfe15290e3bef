from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..choices import ParticipationStatus
from .translated import in_language


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import programme_visibility_filter

        return self.filter(programme_visibility_filter(user))


class Programme(models.Model):
    """A cluster programme run by an agency, e.g. Tillväxtverket's S3-piloten 2018–2021."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    owner = models.CharField(_("run by"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    website = models.URLField(_("website"), max_length=400, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)
    clusters = models.ManyToManyField(
        "registry.ClusterOrganisation", through="registry.ProgrammeParticipation", related_name="programmes"
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["is_demo", "-starts_on", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_start",
            )
        ]

    @property
    def name(self) -> str:
        return in_language(self, "name")

    @property
    def description(self) -> str:
        return in_language(self, "description")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("registry:programme", args=[self.slug])


class ProgrammeParticipation(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="participations")
    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="participations")
    selected_on = models.DateField(_("selected"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ParticipationStatus.choices, default=ParticipationStatus.SELECTED
    )

    class Meta:
        verbose_name = _("participation in programme")
        verbose_name_plural = _("participations in programmes")
        constraints = [models.UniqueConstraint(fields=["programme", "cluster"], name="one_participation")]

    def __str__(self):
        return f"{self.cluster} – {self.programme}"
