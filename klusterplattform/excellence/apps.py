from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExcellenceConfig(AppConfig):
    name = "klusterplattform.excellence"
    verbose_name = _("Cluster excellence")
