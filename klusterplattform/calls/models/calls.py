"""A programme's call for applications (utlysning): its texts, eligibility rules, dates, form, review set-up.

Times are stored in UTC; `time_zone` is the zone the call's dates are announced in and shown in. Whether a call is
open is derived from the dates (never stored): forthcoming before `opens_at`, open until `closes_at`, then closed.
The application form is data (`FormVersion.definition`, see calls/forms_engine.py); the version in force is frozen
when the call opens, so every applicant answers the same questions.
"""

import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.zones import validate_time_zone
from klusterplattform.registry.models.translated import in_language

from ..choices import ReviewVisibility


class CallQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import call_visibility_filter

        return self.filter(call_visibility_filter(user))


class Call(models.Model):
    programme = models.ForeignKey(
        "registry.Programme", on_delete=models.PROTECT, related_name="calls", verbose_name=_("programme")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    text_sv = models.TextField(_("text (Swedish)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    eligibility_sv = models.TextField(_("who may apply (Swedish)"), blank=True)
    eligibility_en = models.TextField(_("who may apply (English)"), blank=True)
    requires_legal_person = models.BooleanField(
        _("the applicant must be a legal person (an organisation number)"), default=True
    )
    requires_s3_priority = models.BooleanField(
        _("the cluster must be prioritised in a regional smart-specialisation strategy"), default=True
    )
    requires_endorsement = models.BooleanField(_("the region must confirm the priority before review"), default=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Stockholm", validators=[validate_time_zone]
    )
    target_selections = models.PositiveIntegerField(_("clusters to select"), null=True, blank=True)
    # The current review phase (see ReviewPhase); None before review starts.
    current_phase = models.ForeignKey(
        "calls.ReviewPhase", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Which decision e-mails go out for this call: a list of decided statuses, e.g. ["selected", "reserve"].
    notify_decisions = models.JSONField(_("decisions that are e-mailed to the applicant"), default=list, blank=True)
    outcome_sv = models.TextField(_("outcome (Swedish)"), blank=True)
    outcome_en = models.TextField(_("outcome (English)"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at", "slug"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after")
        ]

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def text(self) -> str:
        return in_language(self, "text")

    @property
    def eligibility(self) -> str:
        return in_language(self, "eligibility")

    @property
    def outcome(self) -> str:
        return in_language(self, "outcome")

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def status(self, now=None) -> str:
        """forthcoming, open or closed, from the dates."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "forthcoming"
        return "open" if now < self.closes_at else "closed"

    def is_open(self, now=None) -> bool:
        return self.status(now) == "open"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("calls:call", args=[self.slug])


class FormVersion(models.Model):
    """One version of a call's application form, as data. Frozen (`frozen_at`) when the call opens; a frozen version
    never changes, and a changed form before opening is a new version."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="form_versions")
    number = models.PositiveIntegerField(_("version"))
    definition = models.JSONField(_("form definition"), default=dict)
    frozen_at = models.DateTimeField(_("frozen"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("application form version")
        verbose_name_plural = _("application form versions")
        ordering = ["call", "-number"]
        constraints = [models.UniqueConstraint(fields=["call", "number"], name="one_form_version_number")]

    def __str__(self):
        return f"{self.call.slug} v{self.number}"


class ReviewCriterion(models.Model):
    """A weighted assessment criterion of a call (scored by core/scoring.py)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("code"), max_length=40)
    label_sv = models.CharField(_("criterion (Swedish)"), max_length=300)
    label_en = models.CharField(_("criterion (English)"), max_length=300)
    help_sv = models.TextField(_("guidance (Swedish)"), blank=True)
    help_en = models.TextField(_("guidance (English)"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    allows_na = models.BooleanField(_("may be marked not applicable"), default=False)
    comment_required = models.BooleanField(_("a comment is required"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")
        ordering = ["call", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["call", "code"], name="one_criterion_code_per_call"),
            models.CheckConstraint(condition=models.Q(scale_max__gt=models.F("scale_min")), name="criterion_scale"),
        ]

    @property
    def label(self) -> str:
        return in_language(self, "label")

    @property
    def help_text(self) -> str:
        return in_language(self, "help")

    def __str__(self):
        return self.label


class ReviewPhase(models.Model):
    """A phase of the review: what reviewers may see of each other, and whether applicants' names are hidden."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="phases")
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    visibility = models.CharField(
        _("reviewers see each other's reviews"),
        max_length=12,
        choices=ReviewVisibility.choices,
        default=ReviewVisibility.AFTER_OWN,
    )
    hide_applicants = models.BooleanField(_("hide the applicants' names from reviewers"), default=False)

    class Meta:
        verbose_name = _("review phase")
        verbose_name_plural = _("review phases")
        ordering = ["call", "position", "pk"]

    @property
    def name(self) -> str:
        return in_language(self, "name")

    def __str__(self):
        return self.name


def call_document_path(document, filename):
    import secrets

    return f"calls/{document.call_id}/{secrets.token_hex(8)}/{filename}"


class CallDocument(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=call_document_path)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("call document")
        verbose_name_plural = _("call documents")
        ordering = ["call", "title", "pk"]

    def __str__(self):
        return self.title
