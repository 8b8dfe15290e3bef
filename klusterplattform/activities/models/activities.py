"""Activities of a programme (knowledge exchanges, workshops, study visits …) and their documents.

Times are stored in UTC; `time_zone` is the zone the organiser entered them in and the zone pages show them in, so a
study visit in Hannover is shown in Hannover's time. Whether an activity is demo data is the programme's flag
(derived, not stored twice).
"""

import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.zones import validate_time_zone
from klusterplattform.registry.models.translated import in_language

from ..choices import ActivityType, DocumentAccess


def calendar_token() -> str:
    return secrets.token_urlsafe(24)


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import activity_visibility_filter

        return self.filter(activity_visibility_filter(user))

    def real(self):
        return self.filter(programme__is_demo=False)


class Activity(models.Model):
    programme = models.ForeignKey(
        "registry.Programme", on_delete=models.PROTECT, related_name="activities", verbose_name=_("programme")
    )
    type = models.CharField(_("type"), max_length=20, choices=ActivityType.choices)
    focus_areas = models.ManyToManyField(
        "activities.FocusArea", blank=True, related_name="activities", verbose_name=_("focus areas")
    )
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Stockholm", validators=[validate_time_zone]
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), max_length=400, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Places for participants; empty for no limit.")
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gte=models.F("starts_at")), name="activity_ends_after")
        ]

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def description(self) -> str:
        return in_language(self, "description")

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.zone)

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        deadline = self.registration_deadline or self.starts_at
        return now < deadline

    def has_ended(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The activity cannot end before it starts.")})
        if self.registration_deadline and self.ends_at and self.registration_deadline > self.ends_at:
            raise ValidationError({"registration_deadline": _("The registration deadline must be before the end.")})

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:activity", args=[self.pk])


def document_path(document, filename):
    return f"activities/{document.activity_id}/{secrets.token_hex(8)}/{filename}"


class ActivityDocument(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path)
    access = models.CharField(
        _("who may download it"), max_length=12, choices=DocumentAccess.choices, default=DocumentAccess.PARTICIPANTS
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("activity document")
        verbose_name_plural = _("activity documents")
        ordering = ["activity", "title", "pk"]

    def __str__(self):
        return self.title


class CalendarFeed(models.Model):
    """The secret in a calendar-feed URL. Calendar programs cannot sign in, so a feed that shows what is not public
    (unpublished activities, a cluster's own registrations) is reached by an unguessable token that its owner can
    replace; the public programme feed needs none."""

    programme = models.ForeignKey("registry.Programme", on_delete=models.CASCADE, related_name="+")
    cluster = models.ForeignKey(
        "registry.ClusterOrganisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [models.UniqueConstraint(fields=["programme", "cluster"], name="one_feed_per_cluster")]
