"""Scoped role grants. They live with the registry because scopes point at clusters and regions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import Role


class RoleGrant(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    cluster = models.ForeignKey(
        "registry.ClusterOrganisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_grants",
    )
    region = models.ForeignKey(
        "registry.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="role_grants"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role=Role.CLUSTER_MANAGER) | Q(cluster__isnull=False),
                name="manager_needs_cluster",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.REGIONAL_OFFICER) | Q(region__isnull=False),
                name="regional_needs_region",
            ),
        ]

    def __str__(self):
        scope = self.cluster or self.region or ""
        return f"{self.user} – {self.get_role_display()} {scope}".strip()
