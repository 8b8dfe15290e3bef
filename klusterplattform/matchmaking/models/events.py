"""Matchmaking events: an activity of type "matchmaking" whose participants publish what they offer and seek,
request one-to-one meetings, and answer requests; accepted meetings are placed into the event's time slots by
scheduling.py without double-booking anyone, and afterwards either side records what followed.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..choices import MeetingOutcome, MeetingStatus


class EventParticipant(models.Model):
    activity = models.ForeignKey("activities.Activity", on_delete=models.CASCADE, related_name="match_participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    cluster = models.ForeignKey(
        "registry.ClusterOrganisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cluster organisation"),
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    offer = models.TextField(_("what we offer"), max_length=3000, blank=True)
    seek = models.TextField(_("what we seek"), max_length=3000, blank=True)
    unavailable_slots = models.ManyToManyField(
        "matchmaking.MeetingSlot", blank=True, related_name="+", verbose_name=_("slots I cannot meet in")
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event participant")
        verbose_name_plural = _("event participants")
        ordering = ["organisation_name", "id"]
        constraints = [models.UniqueConstraint(fields=["activity", "user"], name="one_participation_per_event")]

    def __str__(self):
        return self.organisation_name


class MeetingSlot(models.Model):
    activity = models.ForeignKey("activities.Activity", on_delete=models.CASCADE, related_name="meeting_slots")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="slot_ends_after_start"),
            models.UniqueConstraint(fields=["activity", "starts_at"], name="one_slot_per_start"),
        ]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class MeetingRequest(models.Model):
    activity = models.ForeignKey("activities.Activity", on_delete=models.CASCADE, related_name="meeting_requests")
    requester = models.ForeignKey(EventParticipant, on_delete=models.CASCADE, related_name="requests_made")
    invitee = models.ForeignKey(EventParticipant, on_delete=models.CASCADE, related_name="requests_received")
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PENDING, db_index=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    slot = models.ForeignKey(
        MeetingSlot, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings", verbose_name=_("slot")
    )
    table = models.PositiveSmallIntegerField(_("table"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=MeetingOutcome.choices, blank=True, default="")
    outcome_note = models.TextField(_("note on the outcome"), max_length=2000, blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(requester=F("invitee")), name="meeting_between_two_participants"),
            models.UniqueConstraint(fields=["requester", "invitee"], name="one_request_per_pair_and_direction"),
        ]

    def __str__(self):
        return f"{self.requester} → {self.invitee}"


class ScheduleRun(models.Model):
    """One run of the scheduler for an event: who ran it, how many accepted meetings it placed and left over."""

    activity = models.ForeignKey("activities.Activity", on_delete=models.CASCADE, related_name="schedule_runs")
    run_at = models.DateTimeField(auto_now_add=True)
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    placed = models.PositiveIntegerField(default=0)
    unplaced = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-run_at"]
