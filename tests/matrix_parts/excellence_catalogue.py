"""Permission matrix rows of the indicator catalogue: the catalogues and their export are public facts; importing a
new version is for programme officers (and administrators) only, and does not exist for anyone else."""

from tests.matrix_common import GET, POST, PUBLIC, STAFF_PAGE, Call, page

PAGES = {
    "indikatorer/": page(Call(GET, "/indikatorer/", PUBLIC)),
    # An empty upload: whoever may import gets the form back with the error, everyone else never sees the page.
    "indikatorer/import/": page(
        Call(GET, "/indikatorer/import/", STAFF_PAGE), Call(POST, "/indikatorer/import/", STAFF_PAGE, {})
    ),
    "indikatorer/<slug:code>/": page(Call(GET, "/indikatorer/{catalogue}/", PUBLIC)),
    "indikatorer/<slug:code>/export.json": page(Call(GET, "/indikatorer/{catalogue}/export.json", PUBLIC)),
}

API = {
    ("GET", "/api/v1/indicators"): page(Call(GET, "/api/v1/indicators?catalogue={catalogue}", PUBLIC)),
    ("GET", "/api/v1/catalogues"): page(Call(GET, "/api/v1/catalogues", PUBLIC)),
}


def values(objects):
    from klusterplattform.excellence.tests.factories import small_catalogue

    return {"catalogue": small_catalogue(code="matrix-catalogue").code}
