from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "klusterplattform.funding"
    verbose_name = _("Funding opportunities")

    def ready(self):
        from klusterplattform.accounts import audit
        from klusterplattform.registry import people

        from . import models, permissions, personal_data

        permissions.register_facts()
        for key, section in personal_data.ACCOUNT_SECTIONS.items():
            people.register_section(key, *section)
        audit.track(models.FundingCall, exclude=("created_at", "updated_at", "last_imported_at", "search_terms"))
        audit.track(models.FundingDeadline)
        audit.track(models.FundingInterest, exclude=("updated_at",))
        audit.track(models.FundingPartner)
        audit.track(models.DigestPreference, exclude=("updated_at",))
        from . import profile_links

        profile_links.register()
