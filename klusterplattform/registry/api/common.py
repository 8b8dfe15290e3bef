"""Helpers every registry endpoint shares: the request language, fast JSON, links to the public pages."""

import functools
import json

from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

# The language rule lives in core, so middleware outside the registry answers API calls by the same rule.
from klusterplattform.core.i18n import LANGUAGE_CODES, request_language  # noqa: F401 - re-exported
from klusterplattform.core.paging import page_envelope, total_count  # noqa: F401 - re-exported


def in_request_language(view):
    """Run the view in the request language (see request_language).

    Views build plain dicts inside this block, so translated names are resolved before ninja serialises them.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        language = request_language(request)
        with translation.override(language):
            response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponse):
            response["Content-Language"] = language
        return response

    return wrapper


def json_response(data) -> HttpResponse:
    """Serialise plain dicts of str/int/bool straight to JSON (no model validation): the hot list endpoints use it."""
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")), content_type="application/json; charset=utf-8"
    )


def page_url_parts(request, url_name: str) -> tuple[str, str]:
    """(before, after) the slug in a detail page's absolute URL, resolved once per request: reverse() per row is slow.

    A row's link is then `before + slug + after`.
    """
    placeholder = "-"
    path = reverse(url_name, args=[placeholder])
    cut = path.rindex(placeholder)
    return request.build_absolute_uri(path[:cut]), path[cut + 1 :]
