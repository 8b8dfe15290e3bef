from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExcellenceConfig(AppConfig):
    name = "klusterplattform.excellence"
    verbose_name = _("Cluster excellence")

    def ready(self):
        from klusterplattform.accounts import audit
        from klusterplattform.registry import people, profile_links

        from . import models, permissions, personal_data
        from .profile_links import cluster_links

        permissions.register_facts()
        profile_links.register(cluster_links)
        for key, (explanation, records) in personal_data.SECTIONS.items():
            people.register_section(key, explanation, records)
        audit.track(models.Label)
        audit.track(models.LabelRule)
        audit.track(models.CatalogueVersion, exclude=("created_at",))
        audit.track(models.AssessmentRound)
        audit.track(models.Assessment, exclude=("created_at", "updated_at"))
        audit.track(models.Answer, exclude=("updated_at", "value"))
        audit.track(models.Evidence, exclude=("uploaded_at",))
        audit.track(models.IndicatorComment, exclude=("created_at",))
        audit.track(models.ReadinessCriterion)
        audit.track(models.ReadinessDeclaration, exclude=("updated_at",))
        audit.track(models.ImprovementArea, exclude=("updated_at",))
