"""The record that a decision's e-mail went to one recipient (so that sending again sends nothing twice)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ApplicationStatus


class DecisionNotice(models.Model):
    """One decision e-mail to one recipient. Claimed (inserted) before the message is sent; unique per application,
    decided status and recipient."""

    application = models.ForeignKey("calls.Application", on_delete=models.CASCADE, related_name="decision_notices")
    status = models.CharField(_("decision"), max_length=20, choices=ApplicationStatus.choices)
    recipient = models.EmailField(_("recipient"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision e-mail")
        verbose_name_plural = _("decision e-mails")
        ordering = ["application", "status", "recipient"]
        constraints = [
            models.UniqueConstraint(fields=["application", "status", "recipient"], name="one_decision_notice")
        ]

    def __str__(self):
        return f"{self.recipient} – {self.application_id} {self.status}"
