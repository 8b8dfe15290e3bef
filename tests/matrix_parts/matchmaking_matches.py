"""The match page and API in the permission matrix.

Anyone signed in may ask for matches (matches.find): the page sends an anonymous visitor to sign in, the API answers
401. Asking about the unpublished cluster A is for those who see A (its manager, its region's officer, officers and
admins); for everyone else A does not exist (404). The published cluster B is everyone's. A vote goes to a match of
the subject: the published cluster C (fixed id, since bodies are not formatted) is a match of both A and B.
"""

from tests.matrix_common import GET, POST, Call, page, statuses

SIGNED_IN_PAGE = statuses(200, anonymous=302)
A_SUBJECT_PAGE = statuses(404, anonymous=302, manager_a=200, regional_in=200, officer=200, admin=200)
A_SUBJECT_API = statuses(404, anonymous=401, manager_a=200, regional_in=200, officer=200, admin=200)
A_VOTE_PAGE = statuses(404, anonymous=302, manager_a=302, regional_in=302, officer=302, admin=302)
A_VOTE_API = statuses(404, anonymous=401, manager_a=201, regional_in=201, officer=201, admin=201)
CLUSTER_C_ID = 990_001
VOTE_ON_C = {"kind": "cluster", "candidate": CLUSTER_C_ID, "vote": 1}

PAGES = {
    "matchning/": page(
        Call(GET, "/matchning/", SIGNED_IN_PAGE),
        Call(GET, "/matchning/?cluster={b}", SIGNED_IN_PAGE),
        Call(GET, "/matchning/?cluster={a}&tab=organisations", A_SUBJECT_PAGE),
        Call(GET, "/matchning/?q=textile+recycling&tab=organisations", SIGNED_IN_PAGE),
    ),
    "matchning/omdome/": page(
        Call(GET, "/matchning/omdome/", statuses(405, anonymous=302)),
        Call(POST, "/matchning/omdome/", statuses(302), {"cluster": "kluster-b", **VOTE_ON_C}),
        Call(POST, "/matchning/omdome/", A_VOTE_PAGE, {"cluster": "kluster-a", **VOTE_ON_C}),
    ),
}

API = {
    ("GET", "/api/v1/matches"): page(
        Call(GET, "/api/v1/matches?cluster={b}", statuses(200, anonymous=401)),
        Call(GET, "/api/v1/matches?cluster={a}&kind=organisation", A_SUBJECT_API),
        Call(GET, "/api/v1/matches", statuses(400, anonymous=401)),
    ),
    ("POST", "/api/v1/matches/feedback"): page(
        Call(
            POST, "/api/v1/matches/feedback", statuses(201, anonymous=401), {"cluster": "kluster-b", **VOTE_ON_C}, True
        ),
        Call(POST, "/api/v1/matches/feedback", A_VOTE_API, {"cluster": "kluster-a", **VOTE_ON_C}, True),
    ),
}


def values(objects: dict) -> dict:
    from klusterplattform.matchmaking.matching import indexing
    from klusterplattform.registry.tests.factories import ClusterFactory

    ClusterFactory(pk=CLUSTER_C_ID, slug="matrix-match-c", strengths="Textile recycling.")
    indexing.rebuild("cluster")
    return {}
