"""The admin shows the module's records for support. Registrations, feedback and sent e-mails are read-only here:
the waiting list and the one-response-per-participant rule live in services the admin would bypass."""

from django.contrib import admin

from klusterplattform.core.readonly_admin import ReadOnlyAdmin

from .models import (
    Activity,
    ActivityDocument,
    Delivery,
    FeedbackResponse,
    FocusArea,
    FocusAreaIndicator,
    NewsItem,
    ProgrammeContact,
    Registration,
    StatedNeeds,
)


class FocusAreaIndicatorInline(admin.TabularInline):
    model = FocusAreaIndicator
    extra = 0


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name_sv", "programme", "position"]
    list_filter = ["programme"]
    inlines = [FocusAreaIndicatorInline]


class DocumentInline(admin.TabularInline):
    model = ActivityDocument
    extra = 0
    fields = ["title", "file", "access"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title_sv", "programme", "type", "starts_at", "capacity", "is_published"]
    list_filter = ["programme", "type", "is_published"]
    search_fields = ["title_sv", "title_en"]
    date_hierarchy = "starts_at"
    inlines = [DocumentInline]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["activity", "cluster", "name", "status", "queued_at", "attended"]
    list_filter = ["status"]
    search_fields = ["name", "email", "cluster__name"]
    exclude = ["token"]


@admin.register(FeedbackResponse)
class FeedbackResponseAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["activity", "submitted_on"]


@admin.register(StatedNeeds)
class StatedNeedsAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["cluster", "round", "updated_at"]


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ["title_sv", "programme", "audience", "published_at"]
    list_filter = ["programme", "audience"]


@admin.register(ProgrammeContact)
class ProgrammeContactAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "role_sv", "away_until"]
    list_filter = ["programme"]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["kind", "reference", "recipient", "sent_at"]
    list_filter = ["kind"]
