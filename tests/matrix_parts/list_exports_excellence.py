"""The excellence list exports in the permission matrix: each answers as its list page does (the rows are checked
in excellence/tests/test_list_exports.py)."""

from tests.matrix_common import GET, PUBLIC, Call, page, statuses

PAGES = {
    "bedomningsomgangar/export.<str:file_format>": page(
        Call(GET, "/bedomningsomgangar/export.csv", statuses(200, anonymous=302, reviewer=403))
    ),
    "bedomningar/export.<str:file_format>": page(
        Call(GET, "/bedomningar/export.csv", statuses(200, anonymous=302)),
        Call(GET, "/bedomningar/export.xlsx?status=draft", statuses(200, anonymous=302)),
    ),
    "indikatorer/export.<str:file_format>": page(Call(GET, "/indikatorer/export.csv", PUBLIC)),
}
