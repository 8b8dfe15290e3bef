"""PDF documents from templates, by WeasyPrint: one source for the page and the printed report.

The print template carries its own styles and inline SVG charts, so rendering needs nothing from the network:
the URL fetcher serves static files from disk and refuses every other URL (a PDF must never make a request, nor
depend on the site answering itself).
"""

import mimetypes

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.text import get_valid_filename


class RefusedURL(ValueError):
    """A print template referred to something outside the static files."""


def local_fetcher():
    """A WeasyPrint URL fetcher: /static/<path> from the static files finders, data: URLs, nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            marker = "/static/"
            if marker in url:
                path = finders.find(url.split(marker, 1)[1].split("?")[0])
                if path:
                    with open(path, "rb") as handle:
                        body = handle.read()
                    return URLFetcherResponse(url, body, {"Content-Type": mimetypes.guess_type(path)[0] or ""})
            raise RefusedURL(url)

    return LocalFetcher(allowed_protocols=["data", "http"])


def render_pdf(template: str, context: dict, request=None) -> bytes:
    """The template rendered to PDF bytes."""
    from weasyprint import HTML  # imported here: loading WeasyPrint (Pango, fonts) costs every process start

    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url="http://localhost/", url_fetcher=local_fetcher()).write_pdf()


def pdf_response(request, template: str, context: dict, filename: str) -> HttpResponse:
    """The template as a downloaded PDF named `filename` (made safe for the header)."""
    response = HttpResponse(render_pdf(template, context, request), content_type="application/pdf")
    name = get_valid_filename(filename) or "report.pdf"
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    return response
