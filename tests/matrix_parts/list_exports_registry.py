"""The registry's list exports in the permission matrix: programmes and regions are public like their pages; the
member register is for A's managers and staff (A_EDIT, as its page); invitations only for staff (404 for anyone
else, as the page)."""

from tests.matrix_common import A_EDIT, GET, PUBLIC, STAFF_PAGE, Call, page, statuses

PAGES = {
    "program/export.<str:file_format>": page(Call(GET, "/program/export.csv", PUBLIC)),
    # A programme's clusters: as its page, public for a published programme, staff only for a hidden one.
    "program/<slug:slug>/export.<str:file_format>": page(
        Call(GET, "/program/{programme}/export.csv", PUBLIC),
        Call(GET, "/program/{hidden_programme}/export.xlsx", statuses(404, officer=200, admin=200)),
    ),
    "regioner/export.<str:file_format>": page(Call(GET, "/regioner/export.xlsx", PUBLIC)),
    "kluster/<slug:slug>/medlemmar/export.<str:file_format>": page(
        Call(GET, "/kluster/{a}/medlemmar/export.csv", A_EDIT)
    ),
    "kluster/<slug:slug>/inbjudningar/export.<str:file_format>": page(
        Call(GET, "/kluster/{a}/inbjudningar/export.csv", STAFF_PAGE)
    ),
}
