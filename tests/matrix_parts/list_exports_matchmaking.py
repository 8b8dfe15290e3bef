"""The matchmaking list exports in the permission matrix. The partner-search list is public like its page (the rows
follow each user's visibility; matchmaking/tests/test_list_exports.py checks them). An event's participants (the
event of matchmaking_events.py: managers A and B take part) are for its participants and officers: 403 for others who
see the event, 404 for an activity that is not a matchmaking event. "My partner searches" is any signed-in user's own
list (the rows are their clusters' posts). Match suggestions follow the match page (matchmaking_matches.py): signed
in; the unpublished cluster A as the subject only for those who see A. An event's meeting requests (the schedule
page's list) are for officers: 403 for others who see the event."""

from tests.matrix_common import GET, PUBLIC, Call, page, statuses

PAGES = {
    "partnersok/export.<str:file_format>": page(
        Call(GET, "/partnersok/export.csv", PUBLIC), Call(GET, "/partnersok/export.xlsx?purpose=project", PUBLIC)
    ),
    "partnersok/mina/export.<str:file_format>": page(
        Call(GET, "/partnersok/mina/export.csv", statuses(200, anonymous=302)),
        Call(GET, "/partnersok/mina/export.pdf", statuses(404, anonymous=302)),
    ),
    "matchning/export.<str:file_format>": page(
        Call(GET, "/matchning/export.csv?cluster={b}", statuses(200, anonymous=302)),
        Call(
            GET,
            "/matchning/export.xlsx?cluster={a}&tab=organisations",
            statuses(404, anonymous=302, manager_a=200, regional_in=200, officer=200, admin=200),
        ),
        Call(GET, "/matchning/export.csv", statuses(404, anonymous=302)),
    ),
    "matchmaking/<int:pk>/deltagare/export.<str:file_format>": page(
        Call(
            GET,
            "/matchmaking/{mme_event}/deltagare/export.csv",
            statuses(403, anonymous=302, manager_a=200, manager_b=200, officer=200, admin=200),
        ),
        Call(GET, "/matchmaking/{mme_workshop}/deltagare/export.csv", statuses(404, anonymous=302)),
    ),
    "matchmaking/<int:pk>/schema/export.<str:file_format>": page(
        Call(GET, "/matchmaking/{mme_event}/schema/export.csv", statuses(403, anonymous=302, officer=200, admin=200)),
        Call(GET, "/matchmaking/{mme_event}/schema/export.xlsx", statuses(403, anonymous=302, officer=200, admin=200)),
        Call(GET, "/matchmaking/{mme_workshop}/schema/export.csv", statuses(404, anonymous=302)),
    ),
}
