from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "klusterplattform.matchmaking"
    verbose_name = _("Partner search and matchmaking")

    def ready(self):
        from klusterplattform.accounts import audit
        from klusterplattform.registry import people

        from . import event_personal_data, match_links, models, permissions, personal_data
        from .matching import signals

        permissions.register_facts()
        signals.connect()
        match_links.register()
        for key, section in {**personal_data.ACCOUNT_SECTIONS, **event_personal_data.EVENT_SECTIONS}.items():
            people.register_section(key, *section)
        audit.track(models.PartnerSearch, exclude=("created_at", "updated_at", "search_text"))
        audit.track(models.PartnerInterest, exclude=("created_at",))
        audit.track(models.PartnerSearchFollow, exclude=("created_at",))
        audit.track(models.EventParticipant, exclude=("joined_at", "updated_at"))
        audit.track(models.MeetingSlot)
        audit.track(models.MeetingRequest, exclude=("created_at",))
        audit.track(models.ScheduleRun, exclude=("run_at",))
