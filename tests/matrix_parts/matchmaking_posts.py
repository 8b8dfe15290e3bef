"""Partner-search pages in the permission matrix.

post_b is an open post of the published cluster B: everyone sees it. post_a belongs to the unpublished cluster A: only
A's managers, A's regional officer, officers and admins see it, and B's managers because B expressed interest in it
(404 for everyone else). Changing and closing a post
and answering its interest are for its cluster's managers (403 for others who see it); expressing interest is for
managers of another cluster; following is for anyone signed in. Writes answer with a redirect (302), as does a
request by an anonymous visitor (to sign in); the POST-only routes answer GET with 405.
"""

import datetime

from django.utils import timezone

from tests.matrix_common import GET, POST, PUBLIC, SIGNED_IN, Call, page, statuses

SEES_A = {"manager_a": 302, "manager_b": 403, "regional_in": 403, "officer": 403, "admin": 403}
POST_ONLY = statuses(405, anonymous=302)
A_VISIBLE = statuses(404, manager_a=200, manager_b=200, regional_in=200, officer=200, admin=200)
B_OWNER = statuses(403, anonymous=302, manager_b=200)
A_OWNER = statuses(404, anonymous=302, manager_a=200, manager_b=403, regional_in=403, officer=403, admin=403)
MANAGERS = statuses(403, anonymous=302, manager_a=200, manager_b=200)

PAGES = {
    "partnersok/": page(Call(GET, "/partnersok/", PUBLIC), Call(GET, "/partnersok/?q=x&sort=expiring", PUBLIC)),
    "partnersok/ny/": page(Call(GET, "/partnersok/ny/", MANAGERS), Call(POST, "/partnersok/ny/", MANAGERS, {})),
    "partnersok/mina/": page(Call(GET, "/partnersok/mina/", SIGNED_IN)),
    "partnersok/<int:pk>/": page(
        Call(GET, "/partnersok/{psp_post_b}/", PUBLIC), Call(GET, "/partnersok/{psp_post_a}/", A_VISIBLE)
    ),
    "partnersok/<int:pk>/andra/": page(
        Call(GET, "/partnersok/{psp_post_b}/andra/", B_OWNER),
        Call(GET, "/partnersok/{psp_post_a}/andra/", A_OWNER),
        Call(POST, "/partnersok/{psp_post_a}/andra/", A_OWNER, {"title": ""}),
    ),
    "partnersok/<int:pk>/stang/": page(
        Call(GET, "/partnersok/{psp_post_b}/stang/", B_OWNER),
        Call(POST, "/partnersok/{psp_post_b}/stang/", {**B_OWNER, "manager_b": 302}),
        Call(POST, "/partnersok/{psp_post_a}/stang/", {**A_OWNER, "manager_a": 302}),
    ),
    "partnersok/<int:pk>/intresse/": page(
        Call(GET, "/partnersok/{psp_post_b}/intresse/", statuses(403, anonymous=302, manager_a=200)),
        Call(
            POST,
            "/partnersok/{psp_post_b_free}/intresse/",
            statuses(403, anonymous=302, manager_a=302),
            {"message": "We are interested."},
        ),
        # A has expressed interest in post_b already: the form shows the refusal.
        Call(POST, "/partnersok/{psp_post_b}/intresse/", statuses(403, anonymous=302, manager_a=200), {"message": "x"}),
        Call(
            GET,
            "/partnersok/{psp_post_a}/intresse/",
            statuses(404, anonymous=302, **{**SEES_A, "manager_a": 403, "manager_b": 200}),
        ),
    ),
    "partnersok/<int:pk>/folj/": page(
        Call(GET, "/partnersok/{psp_post_b}/folj/", POST_ONLY),
        Call(POST, "/partnersok/{psp_post_b}/folj/", statuses(302)),
        Call(POST, "/partnersok/{psp_post_a}/folj/", statuses(404, anonymous=302, **dict.fromkeys(SEES_A, 302))),
    ),
    "partnersok/intresse/<int:pk>/svar/": page(
        Call(GET, "/partnersok/intresse/{psp_interest_on_b}/svar/", POST_ONLY),
        Call(
            POST,
            "/partnersok/intresse/{psp_interest_on_b}/svar/",
            statuses(403, anonymous=302, manager_b=302),
            {"decision": "accept"},
        ),
        Call(
            POST,
            "/partnersok/intresse/{psp_interest_on_a}/svar/",
            statuses(404, anonymous=302, **SEES_A),
            {"decision": "decline"},
        ),
    ),
    "partnersok/intresse/<int:pk>/ta-tillbaka/": page(
        Call(GET, "/partnersok/intresse/{psp_interest_on_b}/ta-tillbaka/", POST_ONLY),
        Call(
            POST, "/partnersok/intresse/{psp_interest_on_b}/ta-tillbaka/", statuses(403, anonymous=302, manager_a=302)
        ),
        # B's interest in A's hidden post: B withdraws its own; A's side sees it but may not; others 404.
        Call(
            POST,
            "/partnersok/intresse/{psp_interest_on_a}/ta-tillbaka/",
            statuses(404, anonymous=302, manager_b=302, manager_a=403, regional_in=403, officer=403, admin=403),
        ),
    ),
}


def values(objects: dict) -> dict:
    from klusterplattform.matchmaking.models import PartnerInterest, PartnerSearch

    users = objects["users"]
    common = {
        "offer": "Offer",
        "seek": "Seek",
        "purpose": "project",
        "expires_on": timezone.localdate() + datetime.timedelta(days=30),
    }
    post_a = PartnerSearch.objects.create(
        cluster=objects["cluster_a"], author=users["manager_a"], title="Matrix A", **common
    )
    post_b = PartnerSearch.objects.create(
        cluster=objects["cluster_b"], author=users["manager_b"], title="Matrix B", **common
    )
    free = PartnerSearch.objects.create(
        cluster=objects["cluster_b"], author=users["manager_b"], title="Matrix B, no interest yet", **common
    )
    on_b = PartnerInterest.objects.create(
        post=post_b, cluster=objects["cluster_a"], author=users["manager_a"], message="A"
    )
    on_a = PartnerInterest.objects.create(
        post=post_a, cluster=objects["cluster_b"], author=users["manager_b"], message="B"
    )
    return {
        "psp_post_a": post_a.pk,
        "psp_post_b": post_b.pk,
        "psp_post_b_free": free.pk,
        "psp_interest_on_b": on_b.pk,
        "psp_interest_on_a": on_a.pk,
    }
