"""Calendar feeds of funding deadlines and the weekly digest page in the permission matrix.

The feeds need no sign-in: the all-calls feed is public, a cluster's feed is reached by its secret token (404 for an
unknown one), one call's file follows funding.view (the unpublished call entered by manager A: its author and
officers). The feeds page and the digest page are for anyone signed in (each shows only what the user may see or
change: their own preference). Replacing a cluster's secret link is for its managers and officers; everyone else
gets 404, and a GET is refused (405) after sign-in.
"""

from tests.matrix_common import GET, POST, PUBLIC, SIGNED_IN, Call, page, statuses

REPLACE = statuses(404, anonymous=302, manager_a=302, officer=302, admin=302)
DRAFT_VISIBLE = statuses(404, manager_a=200, officer=200, admin=200)

PAGES = {
    "finansiering/kalender.ics": page(Call(GET, "/finansiering/kalender.ics", PUBLIC)),
    "finansiering/kalender/": page(Call(GET, "/finansiering/kalender/", SIGNED_IN)),
    "finansiering/kalender/kluster/<str:token>.ics": page(
        Call(GET, "/finansiering/kalender/kluster/{ntf_feed_token}.ics", PUBLIC),
        Call(GET, "/finansiering/kalender/kluster/not-a-token.ics", statuses(404)),
    ),
    "finansiering/kalender/kluster/<slug:slug>/ny-lank/": page(
        Call(GET, "/finansiering/kalender/kluster/{a}/ny-lank/", statuses(405, anonymous=302)),
        Call(POST, "/finansiering/kalender/kluster/{a}/ny-lank/", REPLACE),
        Call(POST, "/finansiering/kalender/kluster/no-such-cluster/ny-lank/", statuses(404, anonymous=302)),
    ),
    "finansiering/kalender/utlysning/<path:identifier>.ics": page(
        Call(GET, "/finansiering/kalender/utlysning/{ntf_call}.ics", PUBLIC),
        Call(GET, "/finansiering/kalender/utlysning/{ntf_draft}.ics", DRAFT_VISIBLE),
    ),
    "finansiering/bevakning/": page(
        Call(GET, "/finansiering/bevakning/", SIGNED_IN),
        Call(POST, "/finansiering/bevakning/", statuses(302), {"weekly_digest": "on"}),
    ),
}


def values(objects: dict) -> dict:
    from klusterplattform.funding.models import FundingCalendarFeed, FundingInterest
    from klusterplattform.funding.tests.funding_world import make_funding_call

    call = make_funding_call("NTF-MATRIX/2027/01", closes_in_days=40)
    draft = make_funding_call("NTF-DRAFT-01", is_published=False, created_by=objects["users"]["manager_a"])
    FundingInterest.objects.create(cluster=objects["cluster_a"], call=call, bookmarked=True)
    feed = FundingCalendarFeed.objects.create(cluster=objects["cluster_a"])
    return {"ntf_call": call.identifier, "ntf_draft": draft.identifier, "ntf_feed_token": feed.token}
