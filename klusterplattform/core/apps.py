from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "klusterplattform.core"
    verbose_name = "Core"
