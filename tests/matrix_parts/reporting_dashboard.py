"""The programme dashboard in the permission matrix.

A staff page: officers and admins see every region, a regional officer their own (both regional personas get the
page, each with their own region's figures); everyone else signed in gets 404, an anonymous visitor is sent to sign
in. Asking for another region than one's own is a 404 (the northern region is regional_in's, not regional_out's).
A bad day in the query string is the form's error on the page (200), never a 500.
"""

from tests.matrix_common import GET, Call, page, statuses

DASHBOARD = statuses(404, anonymous=302, regional_in=200, regional_out=200, officer=200, admin=200)
NORTH_ONLY = statuses(404, anonymous=302, regional_in=200, officer=200, admin=200)

PAGES = {
    "uppfoljning/": page(
        Call(GET, "/uppfoljning/", DASHBOARD),
        Call(GET, "/uppfoljning/?programme={programme}&as_of=2021-06-15", DASHBOARD),
        Call(GET, "/uppfoljning/?region={north}", NORTH_ONLY),
        Call(GET, "/uppfoljning/?as_of=not-a-day", DASHBOARD),
    ),
}
