"""Review of applications: who is assigned to which application, conflicts of interest, and the reviews.

A reviewer who declares a conflict of interest is removed from the application: the assignment stays (so the
declaration is on record and the officer sees it) with `conflict_declared_at` set, and such assignments reach
nothing. `scores` holds {criterion code: score or None for n/a}; `comments` {criterion code: text}.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewAssignment(models.Model):
    application = models.ForeignKey("calls.Application", on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    conflict_declared_at = models.DateTimeField(_("conflict of interest declared"), null=True, blank=True)
    conflict_reason = models.TextField(_("conflict of interest"), blank=True)
    # The reviewer's declaration that they have no conflict of interest (needed before they see the application).
    no_conflict_declared_at = models.DateTimeField(_("no conflict of interest declared"), null=True, blank=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["application", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="one_assignment_per_reviewer")]

    @property
    def is_active(self) -> bool:
        return self.conflict_declared_at is None

    def __str__(self):
        return f"{self.reviewer} – {self.application}"


class Review(models.Model):
    assignment = models.OneToOneField(ReviewAssignment, on_delete=models.CASCADE, related_name="review")
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    comments = models.JSONField(_("comments"), default=dict, blank=True)
    overall_comment = models.TextField(_("overall comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None
