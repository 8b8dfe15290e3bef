from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Assessment, AssessmentRound, CatalogueVersion, Indicator, Label, LabelRule, ReadinessCriterion


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["cluster", "level", "awarded_on", "valid_until", "report_id", "is_demo"]
    list_filter = ["level", "is_demo"]
    autocomplete_fields = ["cluster"]
    search_fields = ["cluster__name", "report_id"]


def unused_catalogues():
    """Catalogue versions no round or assessment uses: the only ones whose indicators may change."""
    return CatalogueVersion.objects.exclude(pk__in=Assessment.objects.values("catalogue")).exclude(
        pk__in=AssessmentRound.objects.values("catalogue")
    )


class WithoutBulkDelete:
    """The bulk "delete selected" action deletes through the queryset, which skips the model's CatalogueInUse guard;
    objects are deleted one at a time from their own page instead."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["position", "code", "area", "answer_type", "direction", "is_required", "prefill"]
    show_change_link = True

    # `obj` is the catalogue version: a used version's indicators are read-only.
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not (obj and obj.is_used)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_used)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_used)


@admin.register(CatalogueVersion)
class CatalogueVersionAdmin(WithoutBulkDelete, admin.ModelAdmin):
    list_display = ["code", "name_sv", "previous", "created_at", "in_use"]
    search_fields = ["code", "name_sv", "name_en"]
    readonly_fields = ["created_at"]
    inlines = [IndicatorInline]

    @admin.display(boolean=True, description=_("in use"))
    def in_use(self, obj):
        return obj.is_used

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_used)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_used)


@admin.register(Indicator)
class IndicatorAdmin(WithoutBulkDelete, admin.ModelAdmin):
    list_display = ["code", "catalogue", "area", "answer_type", "direction", "prefill", "lineage"]
    list_filter = ["catalogue", "area", "answer_type"]
    list_select_related = ["catalogue"]
    search_fields = ["code", "question_sv", "question_en", "lineage"]
    readonly_fields = ["lineage"]
    raw_id_fields = ["previous"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "catalogue":
            kwargs["queryset"] = unused_catalogues()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.catalogue.is_used)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.catalogue.is_used)


@admin.register(AssessmentRound)
class AssessmentRoundAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_sv", "programme", "catalogue", "opens_on", "closes_on", "is_demo"]
    list_filter = ["is_demo", "programme", "catalogue"]
    list_select_related = ["programme", "catalogue"]
    search_fields = ["slug", "name_sv", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_readonly_fields(self, request, obj=None):
        # Assessments keep the catalogue they were started with; the round must not point elsewhere.
        if obj and obj.assessments.exists():
            return ["catalogue"]
        return []


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["cluster", "round", "status", "assessor", "assessed_on", "is_demo"]
    list_filter = ["status", "is_demo", "round"]
    list_select_related = ["cluster", "round", "assessor"]
    search_fields = ["cluster__name", "round__slug"]
    autocomplete_fields = ["cluster"]
    raw_id_fields = ["assessor"]
    # The status moves only through the workflow (excellence/workflow.py), which checks and records each step.
    readonly_fields = ["status", "submitted_at", "validated_at", "version", "created_at", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "round", "catalogue"] if obj else fields


@admin.register(LabelRule)
class LabelRuleAdmin(admin.ModelAdmin):
    list_display = ["level", "first_validity_months", "renewal_grace_months", "renewal_extension_months"]


@admin.register(ReadinessCriterion)
class ReadinessCriterionAdmin(admin.ModelAdmin):
    list_display = ["code", "level", "position", "source", "points", "requires_evidence", "is_active"]
    list_filter = ["level", "source", "is_active"]
    search_fields = ["code", "text_sv", "text_en", "indicator_lineage"]
