"""PDF from templates (core/pdf.py): a real PDF whose text can be extracted, no network access."""

import io

import pytest
from django.test import RequestFactory
from pypdf import PdfReader

from klusterplattform.core import pdf


@pytest.fixture
def template(tmp_path, settings):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "print.html").write_text(
        "<html><body><h1>{{ title }}</h1>"
        '<svg xmlns="http://www.w3.org/2000/svg" width="50" height="10"><rect width="50" height="10"/></svg>'
        '{% if image %}<img src="{{ image }}" alt="">{% endif %}</body></html>',
        encoding="utf-8",
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [folder, *settings.TEMPLATES[0]["DIRS"]]}]
    return "print.html"  # changing TEMPLATES resets the engines (Django's setting_changed signal)


def text_of(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_pdf_response_is_a_downloaded_pdf_with_the_rendered_text(template):
    request = RequestFactory().get("/")
    response = pdf.pdf_response(request, template, {"title": "Åre kluster & co"}, "rapport åre.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''rapport_%C3%A5re.pdf"
    assert response.content.startswith(b"%PDF")
    assert "Åre kluster & co" in text_of(response.content)


def test_a_filename_without_the_extension_gets_it(template):
    response = pdf.pdf_response(RequestFactory().get("/"), template, {"title": "x"}, "report")
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'


def test_the_fetcher_refuses_urls_outside_the_static_files():
    fetcher = pdf.local_fetcher()
    with pytest.raises(pdf.RefusedURL):
        fetcher.fetch("http://example.org/tracker.png")


def test_the_fetcher_serves_static_files_from_disk():
    response = pdf.local_fetcher().fetch("http://localhost/static/kp/favicon.svg")
    assert b"<svg" in response.read()


def test_a_template_that_refers_to_the_network_still_renders(template):
    content = pdf.render_pdf(template, {"title": "Offline", "image": "http://example.org/x.png"})
    assert "Offline" in text_of(content)
