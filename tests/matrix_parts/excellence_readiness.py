"""Permission-matrix rows of label readiness: seeing the estimate, and documenting improvement areas and declarations.

Readiness is never public. Cluster A (unpublished) does not exist outside its scope (404); the published B is
visible to everyone signed in, so whoever is outside B's scope is refused (403). Only the cluster's own managers
document; officers see the estimate but may not write the cluster's declarations. B-ORG is a default declaration
criterion (migration 0005). The POSTs are empty forms: who may document gets the form back with errors (200).
"""

from tests.matrix_common import GET, POST, Call, page, statuses

A_VIEW = statuses(404, anonymous=302, manager_a=200, regional_in=200, officer=200, admin=200)
B_VIEW = statuses(403, anonymous=302, manager_b=200, regional_out=200, officer=200, admin=200)
A_DOCUMENT = statuses(404, anonymous=302, manager_a=200, regional_in=403, officer=403, admin=403)

PAGES = {
    "kluster/<slug:slug>/beredskap/": page(
        Call(GET, "/kluster/{a}/beredskap/", A_VIEW),
        Call(GET, "/kluster/{b}/beredskap/", B_VIEW),
    ),
    "kluster/<slug:slug>/beredskap/forbattringsomraden/": page(
        Call(GET, "/kluster/{a}/beredskap/forbattringsomraden/", A_DOCUMENT),
        Call(POST, "/kluster/{a}/beredskap/forbattringsomraden/", A_DOCUMENT, {}),
    ),
    "kluster/<slug:slug>/beredskap/deklaration/<str:code>/": page(
        Call(GET, "/kluster/{a}/beredskap/deklaration/B-ORG/", A_DOCUMENT),
        Call(POST, "/kluster/{a}/beredskap/deklaration/B-ORG/", A_DOCUMENT, {}),
    ),
}
API: dict = {}
