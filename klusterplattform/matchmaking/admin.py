"""The admin shows partner searches for support: officers may correct a post (its text, terms, dates); expressions
of interest and follows are read-only here, since their answers go through services.py (one answer, only by the
post's cluster) and contact details follow from them."""

from django.contrib import admin

from klusterplattform.core.readonly_admin import ReadOnlyAdmin

from .models import MatchFeedback, PartnerInterest, PartnerSearch, PartnerSearchFollow
from .services import search_text


class InterestInline(ReadOnlyAdmin, admin.TabularInline):
    model = PartnerInterest
    extra = 0
    fields = ["cluster", "author", "status", "created_at", "decided_at", "decided_by"]
    readonly_fields = fields


@admin.register(PartnerSearch)
class PartnerSearchAdmin(admin.ModelAdmin):
    list_display = ["title", "cluster", "purpose", "expires_on", "closed_at", "created_at"]
    list_filter = ["purpose", "cluster__is_demo"]
    search_fields = ["title", "cluster__name", "cluster__slug"]
    list_select_related = ["cluster"]
    raw_id_fields = ["cluster", "funding_call"]
    filter_horizontal = ["ecosystems", "sectors", "technology_fields", "regions_sought"]
    readonly_fields = ["author", "closed_at", "created_at", "updated_at"]
    inlines = [InterestInline]

    def save_model(self, request, obj, form, change):
        obj.search_text = search_text(obj)  # as services.save_post does for pages and the API
        super().save_model(request, obj, form, change)


@admin.register(PartnerInterest)
class PartnerInterestAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["post", "cluster", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["post__title", "cluster__name"]
    list_select_related = ["post__cluster", "cluster"]


@admin.register(PartnerSearchFollow)
class PartnerSearchFollowAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["post", "user", "created_at"]
    list_select_related = ["post__cluster", "user"]


@admin.register(MatchFeedback)
class MatchFeedbackAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The thumbs up and down on matches, with the score and reasons shown then: the evidence for tuning the
    weights in matching/weights.py."""

    list_display = ["created_at", "subject", "subject_key", "candidate_kind", "candidate_id", "vote", "score"]
    list_filter = ["vote", "subject", "candidate_kind"]
    readonly_fields = ["user", "subject", "subject_key", "need_text", "candidate_kind", "candidate_id", "vote"]


from . import admin_events  # noqa: E402,F401 - matchmaking events, read-only
