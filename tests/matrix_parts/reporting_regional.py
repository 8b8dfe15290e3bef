"""The regional view in the permission matrix.

A staff page like the dashboard: officers and admins see every län, a regional officer only their own (the northern
region is regional_in's, so regional_out gets 404); everyone else signed in gets 404 and an anonymous visitor is sent
to sign in. An unknown län is a 404 for everyone signed in.
"""

from tests.matrix_common import GET, Call, page, statuses

NORTH = statuses(404, anonymous=302, regional_in=200, officer=200, admin=200)
UNKNOWN = statuses(404, anonymous=302)

PAGES = {
    "uppfoljning/region/<str:code>/": page(
        Call(GET, "/uppfoljning/region/{north}/", NORTH),
        Call(GET, "/uppfoljning/region/{north}/?programme={programme}&as_of=2021-06-15", NORTH),
        Call(GET, "/uppfoljning/region/99/", UNKNOWN),
    ),
}
