"""The activities' list exports in the permission matrix: the activity list is public (the rows follow each user's
visibility; activities/tests/test_list_exports.py checks them); a programme's contacts answer as their page does:
public for a published programme, a 404 for a hidden one except to officers."""

from tests.matrix_common import GET, PUBLIC, Call, page, statuses

PAGES = {
    "aktiviteter/export.<str:file_format>": page(
        Call(GET, "/aktiviteter/export.csv", PUBLIC), Call(GET, "/aktiviteter/export.xlsx?when=all", PUBLIC)
    ),
    # A programme's focus areas: as their page, for officers (the needs part's programme).
    "program/<slug:slug>/fokusomraden/export.<str:file_format>": page(
        Call(
            GET,
            "/program/{needs_programme}/fokusomraden/export.csv",
            statuses(403, anonymous=302, officer=200, admin=200),
        )
    ),
    "program/<slug:slug>/kontakter/export.<str:file_format>": page(
        Call(GET, "/program/{programme}/kontakter/export.csv", PUBLIC),
        Call(GET, "/program/{hidden_programme}/kontakter/export.csv", statuses(404, officer=200, admin=200)),
    ),
}
