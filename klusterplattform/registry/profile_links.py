"""An extension point of the cluster profile: feature apps add links to their pages about a cluster (labels,
readiness, self-assessments …) without the registry importing them.

    from klusterplattform.registry.profile_links import register
    register(lambda request, cluster: [(_("Labels"), url)] if allowed else [])

Called from the feature app's AppConfig.ready(); the profile shows the links the user may follow.
"""

from collections.abc import Callable

_PROVIDERS: list[Callable] = []


def register(provider: Callable) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def links_for(request, cluster) -> list[tuple[str, str]]:
    return [link for provider in _PROVIDERS for link in provider(request, cluster)]
