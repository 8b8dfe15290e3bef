from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "klusterplattform.calls"
    verbose_name = _("Programme calls")

    def ready(self):
        from klusterplattform.accounts import audit
        from klusterplattform.registry import people

        from . import decisions, models, permissions, personal_data, submission  # noqa: F401  (workflow hooks)

        permissions.register_facts()
        for key, section in personal_data.ADDRESS_SECTIONS.items():
            people.register_address_section(key, section)
        for key, (explanation, records) in personal_data.ACCOUNT_SECTIONS.items():
            people.register_section(key, explanation, records)
        audit.track(models.Call, exclude=("created_at", "updated_at"))
        audit.track(models.FormVersion, exclude=("created_at",))
        audit.track(models.ReviewCriterion)
        audit.track(models.ReviewPhase)
        audit.track(models.CallDocument, exclude=("uploaded_at",))
        audit.track(models.Application, exclude=("created_at", "updated_at"))
        audit.track(models.ApplicationFile, exclude=("uploaded_at",))
        audit.track(models.ApplicationEditor, exclude=("created_at", "token"))
        audit.track(models.Endorsement)
        audit.track(models.ReviewAssignment, exclude=("assigned_at",))
        audit.track(models.Review, exclude=("updated_at",))
        audit.track(models.ApplicationEvent, exclude=("at",))
        audit.track(models.DecisionNotice, exclude=("sent_at",))
