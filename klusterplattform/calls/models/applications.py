"""Applications to a call, their files, the colleagues invited to edit them, the regions' endorsements, and the
history of their states.

`answers` holds the form's answers as {field code: value} for the form version the application was started on
(`form_version`); files live in ApplicationFile, one row per file field. The status changes only through
calls/workflow.py, which records every transition in ApplicationEvent (and the audit trail).
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..choices import ApplicationStatus, EndorsementStatus


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import application_visibility_filter

        return self.filter(application_visibility_filter(user))


class Application(models.Model):
    call = models.ForeignKey("calls.Call", on_delete=models.PROTECT, related_name="applications")
    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.PROTECT, related_name="applications")
    form_version = models.ForeignKey("calls.FormVersion", on_delete=models.PROTECT, related_name="applications")
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT, db_index=True
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    regions = models.ManyToManyField(
        "registry.Region", blank=True, related_name="applications", verbose_name=_("regions")
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    justification = models.TextField(_("justification of the decision"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["call", "cluster__sort_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "cluster"], name="one_application_per_cluster")]

    def __str__(self):
        return f"{self.cluster} – {self.call}"

    def get_absolute_url(self):
        return reverse("calls:application", args=[self.pk])


def application_file_path(file, filename):
    return f"calls/applications/{file.application_id}/{secrets.token_hex(8)}/{filename}"


class ApplicationFile(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    field = models.CharField(_("form field"), max_length=60)
    file = models.FileField(_("file"), upload_to=application_file_path)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["application", "field", "pk"]

    def __str__(self):
        return self.name


def editor_token() -> str:
    return secrets.token_urlsafe(24)


class ApplicationEditor(models.Model):
    """A colleague invited to edit an application: by e-mail, accepted by signing in with that address."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="editors")
    email = models.EmailField(_("e-mail"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="application_edits"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=editor_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invited editor")
        verbose_name_plural = _("invited editors")
        constraints = [models.UniqueConstraint(fields=["application", "email"], name="one_invitation_per_editor")]

    def __str__(self):
        return self.email


class Endorsement(models.Model):
    """A region's answer to whether the applying cluster is prioritised in its smart-specialisation strategy."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="endorsements")
    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT, related_name="endorsements")
    status = models.CharField(
        _("status"), max_length=12, choices=EndorsementStatus.choices, default=EndorsementStatus.PENDING
    )
    priority_area = models.ForeignKey(
        "registry.S3PriorityArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="endorsements",
        verbose_name=_("priority area"),
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("regional endorsement")
        verbose_name_plural = _("regional endorsements")
        constraints = [models.UniqueConstraint(fields=["application", "region"], name="one_endorsement_per_region")]

    def __str__(self):
        return f"{self.region} – {self.application}"


class ApplicationEvent(models.Model):
    """One transition of an application: from which state to which, by whom, when, and why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    transition = models.CharField(_("transition"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=ApplicationStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("application event")
        verbose_name_plural = _("application events")
        ordering = ["application", "at", "pk"]
