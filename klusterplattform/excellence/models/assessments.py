"""Assessment rounds, self-assessments, their answers, evidence, assessors' comments and frozen versions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from klusterplattform.registry.models.translated import in_language

from ..choices import AssessmentStatus, ClusterSize


class AssessmentRound(models.Model):
    """A benchmarking round of a programme, e.g. "Bronze benchmarking Aug–Sep 2018"."""

    programme = models.ForeignKey("registry.Programme", on_delete=models.PROTECT, related_name="assessment_rounds")
    catalogue = models.ForeignKey(
        "excellence.CatalogueVersion", on_delete=models.PROTECT, related_name="rounds", verbose_name=_("catalogue")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)

    class Meta:
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        ordering = ["-opens_on", "slug"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")), name="round_closes_after")
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return in_language(self, "name")


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import assessment_visibility_filter

        return self.filter(assessment_visibility_filter(user))

    def real(self):
        return self.filter(is_demo=False)


class Assessment(models.Model):
    """One cluster's self-assessment in one round. The status moves only through services.transition()."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.PROTECT, related_name="assessments")
    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="assessments")
    catalogue = models.ForeignKey("excellence.CatalogueVersion", on_delete=models.PROTECT, related_name="assessments")
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT, db_index=True
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_assessments",
        verbose_name=_("assessor"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    # The day the assessment describes (the benchmarking "interview" day): label dates and the 18–24 month Silver
    # rule count from it. Set on submission.
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)
    # Facts frozen at validation for the peer groups (the registry may change later).
    size_class = models.CharField(_("size class"), max_length=2, choices=ClusterSize.choices, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    return_comment = models.TextField(_("comment on return"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-round__opens_on", "cluster__sort_name", "id"]
        constraints = [models.UniqueConstraint(fields=["round", "cluster"], name="one_assessment_per_round")]
        indexes = [models.Index(fields=["status", "is_demo"])]

    def __str__(self):
        return f"{self.cluster} – {self.round}"

    def get_absolute_url(self):
        return reverse("excellence:assessment", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)

    @property
    def is_frozen(self) -> bool:
        return self.status == AssessmentStatus.VALIDATED


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey("excellence.Indicator", on_delete=models.PROTECT, related_name="answers")
    number = models.DecimalField(_("number"), max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    choices = models.JSONField(_("chosen options"), default=list, blank=True)
    yes_no = models.BooleanField(_("yes or no"), null=True, blank=True)
    # Pre-filled from the registry and not changed by the manager since; the page marks such answers.
    is_prefilled = models.BooleanField(_("pre-filled from the registry"), default=False)
    # The number the benchmark uses (see answers.numeric_value); None when unanswered or not benchmarked.
    value = models.FloatField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="one_answer_per_indicator")]

    def __str__(self):
        return f"{self.indicator.code}: {self.value}"

    def save(self, *args, **kwargs):
        from ..answers import numeric_value

        self.value = numeric_value(self.indicator, self)
        super().save(*args, **kwargs)


def evidence_path(instance, filename):
    return f"excellence/evidence/{instance.assessment_id}/{filename}"


class Evidence(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    indicator = models.ForeignKey("excellence.Indicator", on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path)
    name = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["indicator__position", "uploaded_at"]

    def __str__(self):
        return self.name


class IndicatorComment(models.Model):
    """An assessor's comment on one indicator of an assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="comments")
    indicator = models.ForeignKey("excellence.Indicator", on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment on an indicator")
        verbose_name_plural = _("comments on indicators")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class AssessmentVersion(models.Model):
    """A frozen copy of a validated assessment: its answers as they were validated."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    validated_at = models.DateTimeField(_("validated"))
    validated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict)  # {indicator code: {"value", "number", "text", "choices", "yes_no"}}

    class Meta:
        verbose_name = _("validated version")
        verbose_name_plural = _("validated versions")
        ordering = ["assessment", "-number"]
        constraints = [models.UniqueConstraint(fields=["assessment", "number"], name="one_version_number")]

    def __str__(self):
        return f"{self.assessment} v{self.number}"
