"""The admin shows the module's records for support. Applications, reviews and their history are read-only here:
states change only through calls/workflow.py, which the admin would bypass."""

from django.contrib import admin

from klusterplattform.core.readonly_admin import ReadOnlyAdmin

from .models import (
    Application,
    ApplicationEvent,
    Call,
    CallDocument,
    Endorsement,
    FormVersion,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    ReviewPhase,
)


class CriterionInline(admin.TabularInline):
    model = ReviewCriterion
    extra = 0


class PhaseInline(admin.TabularInline):
    model = ReviewPhase
    extra = 0


class DocumentInline(admin.TabularInline):
    model = CallDocument
    extra = 0
    fields = ["title", "file"]


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["slug", "title_sv", "programme", "opens_at", "closes_at", "is_published"]
    list_filter = ["programme", "is_published"]
    search_fields = ["slug", "title_sv", "title_en"]
    inlines = [CriterionInline, PhaseInline, DocumentInline]


@admin.register(FormVersion)
class FormVersionAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["call", "number", "frozen_at"]


class EventInline(ReadOnlyAdmin, admin.TabularInline):
    model = ApplicationEvent
    extra = 0


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["cluster", "call", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "call"]
    search_fields = ["cluster__name"]
    inlines = [EventInline]


@admin.register(Endorsement)
class EndorsementAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["application", "region", "status", "decided_at"]
    list_filter = ["status"]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["application", "reviewer", "conflict_declared_at"]


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["assignment", "submitted_at"]
