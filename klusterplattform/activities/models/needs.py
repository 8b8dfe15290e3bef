"""Needs that cluster managers state themselves in a round: a priority 1–5 per focus area and free text."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StatedNeeds(models.Model):
    round = models.ForeignKey(
        "excellence.AssessmentRound", on_delete=models.CASCADE, related_name="stated_needs", verbose_name=_("round")
    )
    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="stated_needs")
    free_text = models.TextField(_("other needs, in your own words"), blank=True, max_length=4000)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stated needs")
        verbose_name_plural = _("stated needs")
        constraints = [models.UniqueConstraint(fields=["round", "cluster"], name="one_statement_per_round")]

    def __str__(self):
        return f"{self.cluster} – {self.round}"


class StatedPriority(models.Model):
    stated = models.ForeignKey(StatedNeeds, on_delete=models.CASCADE, related_name="priorities")
    focus_area = models.ForeignKey("activities.FocusArea", on_delete=models.CASCADE, related_name="+")
    priority = models.PositiveSmallIntegerField(_("priority"), help_text=_("1 = low, 5 = high"))

    class Meta:
        verbose_name = _("stated priority")
        verbose_name_plural = _("stated priorities")
        constraints = [
            models.UniqueConstraint(fields=["stated", "focus_area"], name="one_priority_per_focus_area"),
            models.CheckConstraint(condition=models.Q(priority__gte=1, priority__lte=5), name="priority_1_to_5"),
        ]

    def __str__(self):
        return f"{self.focus_area.code}: {self.priority}"
