"""The partner-search API in the permission matrix.

Posts follow partnersearch.view: the open post of the unpublished cluster A exists only for A's managers, the regional
officer of A's region and officers (404 for everyone else); B's open posts are public. Publishing, changing and
closing are for the cluster's managers (403 for others who see the post or cluster). Expressions of interest exist
only for the two sides: A's interest in B's post is answered by B's manager (A's: 403) and withdrawn by A's manager
(B's: 403); for anyone else it is a 404. Following is for anyone signed in who sees the post.
"""

import datetime

from django.utils import timezone

from tests.matrix_common import GET, POST, PUBLIC, Call, page, statuses

A_SEES = statuses(404, manager_a=200, regional_in=200, officer=200, admin=200)
A_WRITE = statuses(404, anonymous=401, manager_a=200, regional_in=403, officer=403, admin=403)
SIGNED_IN_API = statuses(200, anonymous=401)
FOLLOW_A = {**A_SEES, "anonymous": 401}
INTERESTS_B = statuses(403, anonymous=401, manager_a=200, manager_b=200)
INTERESTS_A = statuses(404, anonymous=401, manager_a=200, regional_in=403, officer=403, admin=403)
EXPRESS_AS_A = statuses(404, anonymous=401, manager_a=201, regional_in=403, officer=403, admin=403)
DECIDE = statuses(404, anonymous=401, manager_a=403, manager_b=200)
WITHDRAW = statuses(404, anonymous=401, manager_a=200, manager_b=403)
CREATE_FOR_A = statuses(404, anonymous=401, manager_a=201, regional_in=403, officer=403, admin=403)

EXPIRES = str(timezone.localdate() + datetime.timedelta(days=60))
# Bodies are not formatted: "kluster-a" is the matrix world's cluster A.
NEW_POST = {"cluster": "kluster-a", "title": "M", "offer": "O", "seek": "S", "purpose": "project"}
NEW_POST["expires_on"] = EXPIRES

API = {
    ("GET", "/api/v1/partner-searches"): page(
        Call(GET, "/api/v1/partner-searches", PUBLIC),
        Call(GET, "/api/v1/partner-searches?status=all&partner_type=sme&country=SE&include_demo=true", PUBLIC),
    ),
    ("POST", "/api/v1/partner-searches"): page(Call(POST, "/api/v1/partner-searches", CREATE_FOR_A, NEW_POST, True)),
    ("GET", "/api/v1/partner-searches/{post_id}"): page(
        Call(GET, "/api/v1/partner-searches/{mm_post_a}", A_SEES),
        Call(GET, "/api/v1/partner-searches/{mm_post_b}", PUBLIC),
    ),
    ("PATCH", "/api/v1/partner-searches/{post_id}"): page(
        Call("PATCH", "/api/v1/partner-searches/{mm_post_a}", A_WRITE, {"title": "Changed"}, True)
    ),
    ("POST", "/api/v1/partner-searches/{post_id}/close"): page(
        Call(POST, "/api/v1/partner-searches/{mm_post_a}/close", A_WRITE, {}, True)
    ),
    ("PUT", "/api/v1/partner-searches/{post_id}/follow"): page(
        Call("PUT", "/api/v1/partner-searches/{mm_post_b}/follow", SIGNED_IN_API, {}, True),
        Call("PUT", "/api/v1/partner-searches/{mm_post_a}/follow", FOLLOW_A, {}, True),
    ),
    ("DELETE", "/api/v1/partner-searches/{post_id}/follow"): page(
        Call("DELETE", "/api/v1/partner-searches/{mm_post_b}/follow", SIGNED_IN_API),
        Call("DELETE", "/api/v1/partner-searches/{mm_post_a}/follow", FOLLOW_A),
    ),
    ("GET", "/api/v1/partner-searches/{post_id}/interests"): page(
        Call(GET, "/api/v1/partner-searches/{mm_post_b_wanted}/interests", INTERESTS_B),
        Call(GET, "/api/v1/partner-searches/{mm_post_a}/interests", INTERESTS_A),
    ),
    ("POST", "/api/v1/partner-searches/{post_id}/interests"): page(
        Call(
            POST,
            "/api/v1/partner-searches/{mm_post_b}/interests",
            EXPRESS_AS_A,
            {"cluster": "kluster-a", "message": "Matrix"},
            True,
        )
    ),
    ("GET", "/api/v1/partner-interests"): page(Call(GET, "/api/v1/partner-interests?side=sent", SIGNED_IN_API)),
    ("POST", "/api/v1/partner-interests/{interest_id}/decision"): page(
        Call(POST, "/api/v1/partner-interests/{mm_interest}/decision", DECIDE, {"decision": "accept"}, True)
    ),
    ("POST", "/api/v1/partner-interests/{interest_id}/withdraw"): page(
        Call(POST, "/api/v1/partner-interests/{mm_interest}/withdraw", WITHDRAW, {}, True)
    ),
}


def values(objects: dict) -> dict:
    from klusterplattform.matchmaking.models import PartnerInterest, PartnerSearch

    users = objects["users"]
    common = {"offer": "O", "seek": "S", "purpose": "project", "expires_on": timezone.localdate()}
    post_a = PartnerSearch.objects.create(cluster=objects["cluster_a"], author=users["manager_a"], title="A", **common)
    post_b = PartnerSearch.objects.create(cluster=objects["cluster_b"], author=users["manager_b"], title="B", **common)
    wanted = PartnerSearch.objects.create(
        cluster=objects["cluster_b"], author=users["manager_b"], title="B wanted", **common
    )
    interest = PartnerInterest.objects.create(
        post=wanted, cluster=objects["cluster_a"], author=users["manager_a"], message="Matrix"
    )
    return {"mm_post_a": post_a.pk, "mm_post_b": post_b.pk, "mm_post_b_wanted": wanted.pk, "mm_interest": interest.pk}
