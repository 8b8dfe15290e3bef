from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "klusterplattform.activities"
    verbose_name = _("Needs analysis and activities")

    def ready(self):
        from klusterplattform.accounts import audit
        from klusterplattform.registry import people

        from . import models, permissions, personal_data

        permissions.register_facts()
        for key, section in personal_data.ADDRESS_SECTIONS.items():
            people.register_address_section(key, section)
        for key, (explanation, records) in personal_data.ACCOUNT_SECTIONS.items():
            people.register_section(key, explanation, records)
        audit.track(models.FocusArea)
        audit.track(models.FocusAreaIndicator)
        audit.track(models.StatedNeeds, exclude=("updated_at",))
        audit.track(models.StatedPriority)
        audit.track(models.Activity, exclude=("created_at", "updated_at"))
        audit.track(models.ActivityDocument, exclude=("uploaded_at",))
        audit.track(models.Registration, exclude=("created_at", "token"))
        audit.track(models.NewsItem, exclude=("created_at", "updated_at"))
        audit.track(models.NewsSubscription, exclude=("created_at",))
        audit.track(models.ProgrammeContact)

        from klusterplattform.registry import programme_sections

        from .sections import programme_sections as activities_sections

        programme_sections.register(activities_sections)
