"""The admin shows KPIs and surveys for support. Invitations are read-only (the one-answer rule lives in
reporting/surveys.py) and responses are not registered at all: the results page is the only way to read them, and
only from the survey's smallest group up."""

from django.contrib import admin

from klusterplattform.core.readonly_admin import ReadOnlyAdmin

from .models import Kpi, KpiValue, QuestionSet, Survey, SurveyInvitation


class KpiValueInline(admin.TabularInline):
    model = KpiValue
    extra = 0
    fields = ["period", "value", "note", "entered_by"]
    raw_id_fields = ["entered_by"]


@admin.register(Kpi)
class KpiAdmin(admin.ModelAdmin):
    list_display = ["code", "name_sv", "programme", "source", "metric", "order"]
    list_filter = ["programme", "source"]
    inlines = [KpiValueInline]


@admin.register(QuestionSet)
class QuestionSetAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "updated_at"]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title_sv", "programme", "audience", "opens_on", "closes_on", "min_group"]
    list_filter = ["programme", "audience"]
    readonly_fields = ["definition", "created_by"]


@admin.register(SurveyInvitation)
class SurveyInvitationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["survey", "user", "invited_at", "responded_on"]
    list_filter = ["survey"]
