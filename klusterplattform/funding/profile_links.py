"""The funding module's link on a cluster's profile (registered in apps.py): its "calls for you"."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .permissions import can


def cluster_links(request, cluster) -> list[tuple[str, str]]:
    if can(request.user, "funding.fit", cluster):
        return [(_("Funding calls for you"), reverse("funding:for_cluster", args=[cluster.slug]))]
    return []


def register() -> None:
    """Called from FundingConfig.ready()."""
    from klusterplattform.registry import profile_links

    profile_links.register(cluster_links)
