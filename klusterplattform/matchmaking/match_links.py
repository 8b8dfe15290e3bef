"""The match page's link on a cluster's profile: "Find matching clusters" (for anyone signed in, who may ask).

Registered with the registry's profile_links from MatchmakingConfig.ready(), like the funding module's link.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .permissions import can


def cluster_links(request, cluster) -> list[tuple[str, str]]:
    if not getattr(request.user, "is_authenticated", False) or not can(request.user, "matches.find"):
        return []
    return [(_("Find matching clusters"), f"{reverse('matchmaking:matches')}?{urlencode({'cluster': cluster.slug})}")]


def register() -> None:
    """Called from MatchmakingConfig.ready()."""
    from klusterplattform.registry import profile_links

    profile_links.register(cluster_links)
