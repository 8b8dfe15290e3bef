"""Registrations for activities, the waiting list, attendance and the anonymous feedback.

A registration is one person of one cluster organisation. The waiting list is ordered by `queued_at`; who holds a
seat is the status, and the services in registrations.py keep the number of confirmed seats within the capacity
(see there for how concurrent registrations are serialised).

Feedback is anonymous: a FeedbackResponse holds no link to the registration or person. The registration only records
that its person has answered (`feedback_given_at`), which is what makes it one response per participant.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import DeliveryKind, RegistrationStatus


def registration_token() -> str:
    return secrets.token_urlsafe(24)


ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


class Registration(models.Model):
    activity = models.ForeignKey("activities.Activity", on_delete=models.CASCADE, related_name="registrations")
    cluster = models.ForeignKey(
        "registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="activity_registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    queued_at = models.DateTimeField(_("registered"), db_index=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The person's own link (feedback, their .ics): they may have no account.
    token = models.CharField(max_length=64, unique=True, default=registration_token, editable=False)
    feedback_given_at = models.DateTimeField(_("feedback given"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["activity", "queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "email"],
                condition=models.Q(status__in=["confirmed", "waiting"]),
                name="one_active_registration_per_person",
            )
        ]
        indexes = [models.Index(fields=["activity", "status"])]

    def __str__(self):
        return f"{self.name} ({self.cluster}) – {self.activity}"


class FeedbackResponse(models.Model):
    activity = models.ForeignKey("activities.Activity", on_delete=models.CASCADE, related_name="feedback")
    answers = models.JSONField(_("answers"), default=dict)  # question code -> 1..5 (or None for no answer)
    comment = models.TextField(_("comment"), blank=True, max_length=4000)
    submitted_on = models.DateField(_("submitted"))  # a day, not a time: a time could tell who answered

    class Meta:
        verbose_name = _("feedback response")
        verbose_name_plural = _("feedback responses")
        ordering = ["activity", "pk"]


class Delivery(models.Model):
    """One e-mail sent (or being sent) to one recipient about one object. The unique constraint is what makes
    `send_activity_mail` idempotent: a row is claimed before the message goes out, and a claimed row is skipped."""

    kind = models.CharField(max_length=12, choices=DeliveryKind.choices)
    reference = models.CharField(max_length=80)  # "registration:12", "news:4"
    recipient = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")
        constraints = [
            models.UniqueConstraint(fields=["kind", "reference", "recipient"], name="one_delivery_per_recipient")
        ]
