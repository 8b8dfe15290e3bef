"""Calls (their public pages, the officers' pages and the API) in the permission matrix.

A published call is public; an unpublished one does not exist (404) for anyone but officers. The officers' pages
send anonymous visitors to sign in (302) and refuse everyone else who sees the call (403).
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.matrix_common import GET, POST, PUBLIC, Call, page, statuses

OFFICERS = statuses(403, anonymous=302, officer=200, admin=200)
OFFICERS_HIDDEN = statuses(404, anonymous=302, officer=200, admin=200)
HIDDEN = statuses(404, officer=200, admin=200)
DOCUMENT = "calls/matrix/guide.pdf"


def managed(path: str, *extra: Call):
    return page(
        Call(GET, path.replace("{slug}", "{calls_open}"), OFFICERS),
        Call(GET, path.replace("{slug}", "{calls_hidden}"), OFFICERS_HIDDEN),
        *extra,
    )


PAGES = {
    "utlysningar/": page(
        Call(GET, "/utlysningar/", PUBLIC), Call(GET, "/utlysningar/?status=open&programme=open-programme", PUBLIC)
    ),
    # Missing fields: officers reach the form's errors, nothing is created.
    "utlysningar/ny/": page(
        Call(GET, "/utlysningar/ny/", OFFICERS), Call(POST, "/utlysningar/ny/", OFFICERS, {"slug": "matrix-new"})
    ),
    "utlysningar/<slug:slug>/": page(
        Call(GET, "/utlysningar/{calls_open}/", PUBLIC), Call(GET, "/utlysningar/{calls_hidden}/", HIDDEN)
    ),
    "utlysningar/<slug:slug>/redigera/": managed("/utlysningar/{slug}/redigera/"),
    # The open call's form is frozen: officers are sent back to the read-only editor, nothing is saved; the hidden
    # (forthcoming) call's form is invalid: officers see the problems listed, nothing is saved.
    "utlysningar/<slug:slug>/formular/": managed(
        "/utlysningar/{slug}/formular/",
        Call(
            POST,
            "/utlysningar/{calls_open}/formular/",
            {**OFFICERS, "officer": 302, "admin": 302},
            {"definition": '{"sections": []}'},
        ),
        Call(POST, "/utlysningar/{calls_hidden}/formular/", OFFICERS_HIDDEN, {"definition": '{"sections": []}'}),
    ),
    "utlysningar/<slug:slug>/kriterier/": managed("/utlysningar/{slug}/kriterier/"),
    "utlysningar/<slug:slug>/faser/": managed("/utlysningar/{slug}/faser/"),
    "utlysningar/<slug:slug>/dokument/ny/": managed("/utlysningar/{slug}/dokument/ny/"),
    "utlysningar/<slug:slug>/dokument/<int:document_id>/": page(
        Call(GET, "/utlysningar/{calls_open}/dokument/{calls_document}/", PUBLIC)
    ),
    "utlysningar/<slug:slug>/dokument/<int:document_id>/ta-bort/": page(
        Call(GET, "/utlysningar/{calls_open}/dokument/{calls_document}/ta-bort/", OFFICERS)
    ),
}

API = {
    ("GET", "/api/v1/calls"): page(Call(GET, "/api/v1/calls", PUBLIC), Call(GET, "/api/v1/calls?status=open", PUBLIC)),
    ("GET", "/api/v1/calls/{slug}"): page(
        Call(GET, "/api/v1/calls/{calls_open}", PUBLIC), Call(GET, "/api/v1/calls/{calls_hidden}", HIDDEN)
    ),
}


def values(objects: dict) -> dict:
    import datetime

    from django.utils import timezone

    from klusterplattform.calls.models import Call as CallModel
    from klusterplattform.calls.models import CallDocument
    from klusterplattform.registry.models import Programme

    now = timezone.now()
    programme = Programme.objects.get(slug="open-programme")
    calls = {}
    for slug, published, opens in (("matrix-calls-open", True, -1), ("matrix-calls-hidden", False, 10)):
        calls[slug], _created = CallModel.objects.get_or_create(
            slug=slug,
            defaults={
                "programme": programme,
                "title_sv": "Utlysning (matris)",
                "title_en": "Call (matrix)",
                "opens_at": now + datetime.timedelta(days=opens),
                "closes_at": now + datetime.timedelta(days=30),
                "is_published": published,
            },
        )
    if not default_storage.exists(DOCUMENT):
        default_storage.save(DOCUMENT, ContentFile(b"%PDF-1.4\n% matrix\n"))
    document, _created = CallDocument.objects.get_or_create(
        call=calls["matrix-calls-open"], title="Guide", defaults={"file": DOCUMENT}
    )
    return {
        "calls_open": "matrix-calls-open",
        "calls_hidden": "matrix-calls-hidden",
        "calls_document": document.pk,
    }
