"""An extension point of the programme page: feature apps add sections (news, activities, contacts …) without the
registry importing them.

    from klusterplattform.registry.programme_sections import register
    register(lambda request, programme: [("myapp/programme_section.html", {"items": ...})])

A provider returns a list of sections, each either rendered HTML (a SafeString) or a (template name, context) pair
that is rendered here with the request. Called from the feature app's AppConfig.ready(); a provider decides itself
what the user may see, and should use a fixed number of queries.
"""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

_PROVIDERS: list[Callable] = []


def register(provider: Callable) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def sections_for(request, programme) -> list[SafeString]:
    sections = []
    for provider in _PROVIDERS:
        for section in provider(request, programme):
            if isinstance(section, tuple):
                template_name, context = section
                section = mark_safe(render_to_string(template_name, context, request=request))  # noqa: S308
            sections.append(section)
    return sections
