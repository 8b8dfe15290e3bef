from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "klusterplattform.registry"
    verbose_name = _("Registry")

    def ready(self):
        from . import permissions

        permissions.register_facts()
