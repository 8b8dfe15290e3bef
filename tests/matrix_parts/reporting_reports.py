"""The reports and exports in the permission matrix.

Programme report: the dashboard's readers (officers, admins, regional officers for their own regions); asking for a
region one may not see is a 404, a bad day a 400. Regional report: the northern region is regional_in's only.
Fact sheet of the unpublished cluster A: its manager, its region's officer, officers and admins. The evaluation
export: officers and admins only. Everyone else signed in gets 404; an anonymous visitor is sent to sign in.
"""

from tests.matrix_common import GET, Call, page, statuses

DASHBOARD = statuses(404, anonymous=302, regional_in=200, regional_out=200, officer=200, admin=200)
BAD_DAY = statuses(404, anonymous=302, regional_in=400, regional_out=400, officer=400, admin=400)
NORTH_ONLY = statuses(404, anonymous=302, regional_in=200, officer=200, admin=200)
FACTSHEET_A = statuses(404, anonymous=302, manager_a=200, regional_in=200, officer=200, admin=200)
OFFICERS = statuses(404, anonymous=302, officer=200, admin=200)

PAGES = {
    "uppfoljning/rapport.<str:file_format>": page(
        Call(GET, "/uppfoljning/rapport.xlsx?programme={programme}&as_of=2021-06-15", DASHBOARD),
        Call(GET, "/uppfoljning/rapport.pdf?programme={programme}", DASHBOARD),
        Call(GET, "/uppfoljning/rapport.xlsx?region={north}", NORTH_ONLY),
        Call(GET, "/uppfoljning/rapport.xlsx?as_of=not-a-day", BAD_DAY),
        Call(GET, "/uppfoljning/rapport.docx", statuses(404, anonymous=302)),
    ),
    "uppfoljning/region/<str:code>/rapport.<str:file_format>": page(
        Call(GET, "/uppfoljning/region/{north}/rapport.xlsx?programme={programme}", NORTH_ONLY),
        Call(GET, "/uppfoljning/region/99/rapport.xlsx", statuses(404, anonymous=302)),
    ),
    "uppfoljning/kluster/<slug:slug>/faktablad.pdf": page(
        Call(GET, "/uppfoljning/kluster/{a}/faktablad.pdf", FACTSHEET_A),
    ),
    "uppfoljning/utvardering/export.<str:file_format>": page(
        Call(GET, "/uppfoljning/utvardering/export.xlsx?programme={programme}", OFFICERS),
        Call(GET, "/uppfoljning/utvardering/export.zip?programme={programme}", OFFICERS),
    ),
}
