from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "klusterplattform.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import permissions  # noqa: F401 - defines the app's actions in the permission table
