"""The call module's list exports in the permission matrix: each answers as its list page does (the file then holds
only the rows the page would show; calls/tests/test_list_exports.py checks the rows)."""

from tests.matrix_common import GET, PUBLIC, Call, page, statuses

SIGNED_IN = statuses(200, anonymous=302)
REGIONAL = statuses(403, anonymous=302, regional_in=200, regional_out=200)

PAGES = {
    "utlysningar/export.<str:file_format>": page(
        Call(GET, "/utlysningar/export.csv", PUBLIC), Call(GET, "/utlysningar/export.xlsx?status=open", PUBLIC)
    ),
    # The unpublished call does not exist outside the officers (404), as its list page.
    "utlysningar/<slug:slug>/ansokningar/export.<str:file_format>": page(
        Call(GET, "/utlysningar/{applications_call}/ansokningar/export.csv", SIGNED_IN),
        Call(
            GET,
            "/utlysningar/{calls_hidden}/ansokningar/export.csv",
            statuses(404, anonymous=302, officer=200, admin=200),
        ),
    ),
    "ansokningar/regionala-beslut/export.<str:file_format>": page(
        Call(GET, "/ansokningar/regionala-beslut/export.csv", REGIONAL)
    ),
    "granskning/export.<str:file_format>": page(Call(GET, "/granskning/export.csv", SIGNED_IN)),
}
