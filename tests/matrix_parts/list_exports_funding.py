"""The funding list exports in the permission matrix that funding_fit.py does not hold: a cluster's "calls for you"
export follows its page (funding.fit on the cluster: the unpublished cluster A does not exist for those outside its
scope, 404; the published B is refused, 403); an unknown format is a 404 for those who may see the page."""

from tests.matrix_common import GET, Call, page, statuses

FIT_A = statuses(404, anonymous=302, manager_a=200, regional_in=200, officer=200, admin=200)
FIT_B = statuses(403, anonymous=302, manager_b=200, regional_out=200, officer=200, admin=200)

PAGES = {
    "finansiering/kluster/<slug:slug>/export.<str:file_format>": page(
        Call(GET, "/finansiering/kluster/{a}/export.csv", FIT_A),
        Call(GET, "/finansiering/kluster/{b}/export.xlsx?min_fit=10&status=open", FIT_B),
        Call(GET, "/finansiering/kluster/{b}/export.pdf", {**FIT_B, **{k: 404 for k, v in FIT_B.items() if v == 200}}),
    ),
}
