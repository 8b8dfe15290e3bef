"""Evaluation surveys. A question set is reusable across rounds (its `definition` is in the same format as a call's
application form, calls/forms_engine.py, so one engine checks and renders both). A survey sends a question set to
an audience (cluster managers or regional officers) of a programme. Who has answered is tracked on the invitation
(`responded_on`); what they answered is a separate row with no link to the person, and results are shown only for
groups of at least `min_group` responses, so answers cannot be traced back."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class SurveyAudience(models.TextChoices):
    CLUSTER_MANAGERS = "cluster_managers", _("cluster managers")
    REGIONAL_OFFICERS = "regional_officers", _("regional officers")


class QuestionSet(models.Model):
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    definition = models.JSONField(_("questions"), default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("question set")
        verbose_name_plural = _("question sets")
        ordering = ["name_sv"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "sv").startswith("en") else self.name_sv


class Survey(models.Model):
    programme = models.ForeignKey(
        "registry.Programme", on_delete=models.CASCADE, related_name="surveys", verbose_name=_("programme")
    )
    question_set = models.ForeignKey(
        QuestionSet, on_delete=models.PROTECT, related_name="surveys", verbose_name=_("question set")
    )
    # The questions as they were sent: a question set changed later does not change a survey already answered.
    definition = models.JSONField(_("questions"), default=dict)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    audience = models.CharField(_("audience"), max_length=20, choices=SurveyAudience.choices)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    min_group = models.PositiveSmallIntegerField(
        _("smallest group shown"),
        default=3,
        help_text=_("Results are shown only when at least this many have answered, so no answer can be traced."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("evaluation survey")
        verbose_name_plural = _("evaluation surveys")
        ordering = ["-opens_on", "pk"]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return self.title_en if (get_language() or "sv").startswith("en") else self.title_sv


class SurveyInvitation(models.Model):
    """Who was asked and whether they have answered: response tracking, with no link to the answers."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_invitations")
    invited_at = models.DateTimeField(auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    # The day only, like the response's submitted_on: a time could be matched with a response.
    responded_on = models.DateField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["survey", "pk"]
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="one_survey_invitation_per_user")]

    def __str__(self):
        return f"{self.user} – {self.survey}"


class SurveyResponse(models.Model):
    # A random key, not a sequence: the order of the rows must not tell who answered first.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    answers = models.JSONField(_("answers"), default=dict)
    submitted_on = models.DateField(_("submitted"))  # a day, not a time: a time could tell who answered

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["survey", "pk"]

    def __str__(self):
        return f"{self.survey} – {self.submitted_on}"
