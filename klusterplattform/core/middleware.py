"""Security headers Django 5.2 does not set itself.

The Content-Security-Policy allows scripts and styles only from our own origin: no inline scripts anywhere (the API
docs page keeps its settings in a JSON data block, which is not executed), no CDN, no framing.
"""

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, JsonResponse


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Content-Security-Policy": settings.KP_CONTENT_SECURITY_POLICY,
            "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value:
                response.headers.setdefault(name, value)
        return response


class RejectNullCharactersMiddleware:
    """A null character in a query parameter is never meaningful, and PostgreSQL refuses it in any text comparison
    (a server error there, silently nothing on SQLite). Answer every such request alike, before any view runs: the
    API with its documented 422 and the parameter named, pages with 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:  # no address holds one, and a path parameter would reach the database
            raise Http404
        bad = [name for name, values in request.GET.lists() if "\x00" in name or any("\x00" in v for v in values)]
        if not bad:
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            detail = [
                {
                    "type": "value_error",
                    "loc": ["query", name.replace("\x00", "")],
                    "msg": "Null characters are not allowed.",
                }
                for name in bad
            ]
            return JsonResponse({"detail": detail}, status=422)
        return HttpResponseBadRequest("Null characters are not allowed in the address.", content_type="text/plain")
