from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "klusterplattform.activities"
    verbose_name = _("Needs analysis and activities")

    def ready(self):
        from klusterplattform.accounts import audit

        from . import models, permissions

        permissions.register_facts()
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
