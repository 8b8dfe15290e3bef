from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "klusterplattform.matchmaking"
    verbose_name = _("Partner search and matchmaking")

    def ready(self):
        from klusterplattform.accounts import audit
        from klusterplattform.registry import people

        from . import models, permissions, personal_data

        permissions.register_facts()
        for key, section in personal_data.ACCOUNT_SECTIONS.items():
            people.register_section(key, *section)
        audit.track(models.PartnerSearch, exclude=("created_at", "updated_at", "search_text"))
        audit.track(models.PartnerInterest, exclude=("created_at",))
        audit.track(models.PartnerSearchFollow, exclude=("created_at",))
