"""The admin shows matchmaking events for support, read-only: joining, answers, placements and outcomes go through
event_services.py (who may take each step, no double-booking, placements cleared when slots change), which the admin
would bypass. Officers work on the event's own pages."""

from django.contrib import admin

from klusterplattform.core.readonly_admin import ReadOnlyAdmin

from .models import EventParticipant, MeetingRequest, MeetingSlot, ScheduleRun


@admin.register(EventParticipant)
class EventParticipantAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["organisation_name", "activity", "user", "cluster", "joined_at"]
    search_fields = ["organisation_name", "user__email", "activity__title_sv", "activity__title_en"]
    list_select_related = ["activity", "user", "cluster"]


@admin.register(MeetingSlot)
class MeetingSlotAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["activity", "starts_at", "ends_at"]
    list_select_related = ["activity"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["requester", "invitee", "activity", "status", "slot", "table", "outcome"]
    list_filter = ["status", "outcome"]
    search_fields = ["requester__organisation_name", "invitee__organisation_name"]
    list_select_related = ["requester", "invitee", "activity", "slot"]


@admin.register(ScheduleRun)
class ScheduleRunAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["activity", "run_at", "run_by", "placed", "unplaced"]
    list_select_related = ["activity", "run_by"]
