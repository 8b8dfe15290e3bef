"""An object's history export in the permission matrix: for officers only, as the history page (404 for everyone
else, anonymous to sign in)."""

from tests.matrix_common import GET, STAFF_PAGE, Call, page

PAGES = {
    "historik/<str:reference>/export.<str:file_format>": page(Call(GET, "/historik/{a_ref}/export.csv", STAFF_PAGE)),
}
