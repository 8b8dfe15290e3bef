"""Fit and tracking of funding calls in the permission matrix.

"Calls for you" and the fit API follow funding.fit on the cluster: its managers, the regional officers of its region
and officers (the unpublished cluster A does not exist for anyone else: 404; the published B is refused: 403).
Bookmarks, intentions and partners follow funding.track: the cluster's own managers only; officers and regional
officers who see the cluster are refused (403). The overview of intentions and its export are for officers and
regional officers (their region's rows). The bookmark route answers POST only (405 otherwise).
"""

from tests.matrix_common import GET, POST, Call, page, statuses

FIT_A = statuses(404, anonymous=302, manager_a=200, regional_in=200, officer=200, admin=200)
FIT_B = statuses(403, anonymous=302, manager_b=200, regional_out=200, officer=200, admin=200)
TRACK_A = statuses(404, anonymous=302, manager_a=200, regional_in=403, officer=403, admin=403)
TRACK_A_POST = {**TRACK_A, "manager_a": 302}
TRACK_B = statuses(403, anonymous=302, manager_b=200)
INTENTIONS = statuses(403, anonymous=302, regional_in=200, regional_out=200, officer=200, admin=200)
FIT_A_API = {**FIT_A, "anonymous": 401}
FIT_B_API = {**FIT_B, "anonymous": 401}

INTEREST_DATA = {
    "bookmarked": "on",
    "intends_to_apply": "on",
    "note": "Matrix",
    "partners-TOTAL_FORMS": "1",
    "partners-INITIAL_FORMS": "0",
    "partners-0-name": "Partner GmbH",
    "partners-0-country": "DE",
}

PAGES = {
    "finansiering/kluster/<slug:slug>/": page(
        Call(GET, "/finansiering/kluster/{a}/", FIT_A),
        Call(GET, "/finansiering/kluster/{b}/?min_fit=10&status=open", FIT_B),
    ),
    "finansiering/kluster/<slug:slug>/utlysning/<path:identifier>/": page(
        Call(GET, "/finansiering/kluster/{a}/utlysning/{fit_call}/", TRACK_A),
        Call(POST, "/finansiering/kluster/{a}/utlysning/{fit_call}/", TRACK_A_POST, INTEREST_DATA),
        Call(GET, "/finansiering/kluster/{b}/utlysning/{fit_call}/", TRACK_B),
        # A call nobody outside the officers may see does not exist, even for the cluster's own manager.
        Call(
            GET,
            "/finansiering/kluster/{a}/utlysning/{fit_hidden_call}/",
            statuses(404, anonymous=302, regional_in=403, officer=403, admin=403),
        ),
    ),
    "finansiering/kluster/<slug:slug>/bokmark/<path:identifier>": page(
        Call(GET, "/finansiering/kluster/{a}/bokmark/{fit_call}", statuses(405)),
        Call(POST, "/finansiering/kluster/{a}/bokmark/{fit_call}", {**TRACK_A, "manager_a": 302}),
        Call(POST, "/finansiering/kluster/{b}/bokmark/{fit_call}", {**TRACK_B, "manager_b": 302}),
    ),
    "finansiering/avsikter/": page(
        Call(GET, "/finansiering/avsikter/", INTENTIONS),
        Call(GET, "/finansiering/avsikter/?kind=intending&sort=cluster&call=MATRIX", INTENTIONS),
    ),
    "finansiering/avsikter/export.<str:file_format>": page(
        Call(GET, "/finansiering/avsikter/export.csv", INTENTIONS),
        Call(GET, "/finansiering/avsikter/export.xlsx?kind=bookmarked", INTENTIONS),
        Call(GET, "/finansiering/avsikter/export.pdf", statuses(404, anonymous=302)),
    ),
}

API = {
    ("GET", "/api/v1/clusters/{slug}/funding-fit"): page(
        Call(GET, "/api/v1/clusters/{a}/funding-fit", FIT_A_API),
        Call(GET, "/api/v1/clusters/{b}/funding-fit?min_fit=0&page_size=5", FIT_B_API),
    ),
}


def values(objects: dict) -> dict:
    from klusterplattform.funding.models import FundingInterest
    from klusterplattform.funding.tests.funding_world import make_funding_call

    call = make_funding_call("MATRIX/FIT-01", closes_in_days=40, cluster_organisations_eligible=True)
    hidden = make_funding_call("MATRIX-FIT-HIDDEN", closes_in_days=40, is_published=False)
    FundingInterest.objects.create(call=call, cluster=objects["cluster_a"], intends_to_apply=True)
    FundingInterest.objects.create(call=call, cluster=objects["cluster_b"], bookmarked=True)
    return {"fit_call": call.identifier, "fit_hidden_call": hidden.identifier}
