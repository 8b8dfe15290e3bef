from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "klusterplattform.reporting"
    verbose_name = _("Programme dashboard, evaluation and reports")

    def ready(self):
        from klusterplattform.accounts import audit
        from klusterplattform.registry import people

        from . import models, permissions, personal_data

        permissions.register_facts()
        for key, (explanation, records) in personal_data.ACCOUNT_SECTIONS.items():
            people.register_section(key, explanation, records)
        audit.track(models.Kpi, exclude=("created_at", "updated_at"))
        audit.track(models.KpiValue, exclude=("entered_at",))
        audit.track(models.QuestionSet, exclude=("created_at", "updated_at"))
        audit.track(models.Survey, exclude=("created_at", "updated_at"))
        audit.track(models.SurveyInvitation, exclude=("invited_at",))
