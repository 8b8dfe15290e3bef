from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExcellenceConfig(AppConfig):
    name = "klusterplattform.excellence"
    verbose_name = _("Cluster excellence")

    def ready(self):
        from klusterplattform.accounts import audit

        from .models import Label

        audit.track(Label)
