from django.contrib import admin

from .models import Label


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["cluster", "level", "awarded_on", "valid_until", "report_id", "is_demo"]
    list_filter = ["level", "is_demo"]
    autocomplete_fields = ["cluster"]
    search_fields = ["cluster__name", "report_id"]
