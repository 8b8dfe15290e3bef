from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "klusterplattform.registry"
    verbose_name = _("Registry")

    def ready(self):
        from klusterplattform.accounts import audit

        from . import models, permissions

        permissions.register_facts()
        derived = ("search_text", "sort_name", "created_at", "updated_at")
        audit.track(models.ClusterOrganisation, exclude=derived)
        audit.track(models.ContactPerson)
        audit.track(models.Membership)
        audit.track(models.Programme)
        audit.track(models.ProgrammeParticipation)
        audit.track(models.RoleGrant, exclude=("granted_at",))
        audit.track(models.Invitation, exclude=("token_hash",))
