"""The admin shows the register for support: a call with its deadlines, and the thematic tags officers may extend.

The derived fields (opens_at, closes_at) and the search index (search_text, search_terms) are read-only here; after
a save in the admin they are recomputed from the saved call and deadlines, as services.save_call does for pages.
"""

from django.contrib import admin

from . import search
from .models import FundingCall, FundingDeadline, ThematicTag


class DeadlineInline(admin.TabularInline):
    model = FundingDeadline
    extra = 0
    fields = ["at", "time_zone", "stage", "label"]


@admin.register(FundingCall)
class FundingCallAdmin(admin.ModelAdmin):
    list_display = ["identifier", "title", "programme", "source", "closes_at", "is_published", "is_demo"]
    list_filter = ["source", "deadline_model", "is_published", "is_demo", "programme"]
    search_fields = ["identifier", "title", "programme", "funder"]
    filter_horizontal = ["ecosystems", "tags"]
    readonly_fields = [
        "opens_at",
        "closes_at",
        "last_imported_at",
        "created_by",
        "content_hash",
        "search_text",
        "search_terms",
        "created_at",
        "updated_at",
    ]
    inlines = [DeadlineInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        call = form.instance
        call.refresh_dates()
        search.reindex([call])


@admin.register(ThematicTag)
class ThematicTagAdmin(admin.ModelAdmin):
    list_display = ["code", "name_sv", "name_en", "position"]
    search_fields = ["code", "name_sv", "name_en"]
