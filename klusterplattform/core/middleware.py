"""Security headers Django 5.2 does not set itself.

The Content-Security-Policy allows scripts and styles only from our own origin: no inline scripts anywhere (the API
docs page keeps its settings in a JSON data block, which is not executed), no CDN, no framing.
"""

from django.conf import settings


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
