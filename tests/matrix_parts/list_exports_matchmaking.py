"""The matchmaking list exports in the permission matrix. The partner-search list is public like its page (the rows
follow each user's visibility; matchmaking/tests/test_list_exports.py checks them). An event's participants (the
event of matchmaking_events.py: managers A and B take part) are for its participants and officers: 403 for others who
see the event, 404 for an activity that is not a matchmaking event."""

from tests.matrix_common import GET, PUBLIC, Call, page, statuses

PAGES = {
    "partnersok/export.<str:file_format>": page(
        Call(GET, "/partnersok/export.csv", PUBLIC), Call(GET, "/partnersok/export.xlsx?purpose=project", PUBLIC)
    ),
    "matchmaking/<int:pk>/deltagare/export.<str:file_format>": page(
        Call(
            GET,
            "/matchmaking/{mme_event}/deltagare/export.csv",
            statuses(403, anonymous=302, manager_a=200, manager_b=200, officer=200, admin=200),
        ),
        Call(GET, "/matchmaking/{mme_workshop}/deltagare/export.csv", statuses(404, anonymous=302)),
    ),
}
