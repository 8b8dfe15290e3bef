"""Permission matrix rows of the review: reviewer assignment and the ranking (officers and administrators), the
reviewer's list, review page and conflict declaration, and the reviews API.

The part uses its own published call with one application of cluster A in review (naming region 25), to which
the reviewer persona is assigned and has declared no conflict of interest. Officer pages: whoever sees the
published call but may not manage its applications gets 403. A review page is the assigned reviewer's alone:
everyone else gets 404. The API: officers and the reviewer read (200); A's manager and the officer of region 25
see the application but not its reviews (403); anyone else 404; only the reviewer writes.
"""

import datetime

from tests.matrix_common import GET, POST, Call, page, statuses

OFFICERS = statuses(403, anonymous=302, officer=200, admin=200)
OFFICERS_POST = statuses(403, anonymous=302, officer=302, admin=302)
REVIEWER = statuses(404, anonymous=302, reviewer=200)
REVIEWER_POST = statuses(404, anonymous=302, reviewer=302)
SIGNED_IN = statuses(200, anonymous=302)
READ_API = statuses(404, anonymous=401, manager_a=403, regional_in=403, reviewer=200, officer=200, admin=200)
WRITE_API = statuses(404, anonymous=401, manager_a=403, regional_in=403, reviewer=200, officer=403, admin=403)

CALL = "/utlysningar/{review_call}"

PAGES = {
    "utlysningar/<slug:slug>/granskare/": page(
        Call(GET, f"{CALL}/granskare/", OFFICERS),
        # Nothing chosen: officers reach the form's error (200), nothing is written for anyone.
        Call(POST, f"{CALL}/granskare/", OFFICERS, {}),
    ),
    "utlysningar/<slug:slug>/granskare/<int:pk>/ta-bort/": page(
        Call(GET, f"{CALL}/granskare/{{review_assignment}}/ta-bort/", OFFICERS),
        Call(POST, f"{CALL}/granskare/{{review_assignment}}/ta-bort/", OFFICERS_POST),
    ),
    "utlysningar/<slug:slug>/rangordning/": page(Call(GET, f"{CALL}/rangordning/", OFFICERS)),
    "utlysningar/<slug:slug>/rangordning/export.<str:fmt>": page(
        Call(GET, f"{CALL}/rangordning/export.csv", OFFICERS),
        Call(GET, f"{CALL}/rangordning/export.xlsx", OFFICERS),
    ),
    "granskning/": page(Call(GET, "/granskning/", SIGNED_IN)),
    "granskning/<int:pk>/": page(
        Call(GET, "/granskning/{review_assignment}/", REVIEWER),
        # Save a draft: the reviewer is sent back to the page (302), nobody else reaches it.
        Call(POST, "/granskning/{review_assignment}/", REVIEWER_POST, {"action": "save", "score_impact": "3"}),
    ),
    "granskning/<int:pk>/jav/": page(
        Call(GET, "/granskning/{review_assignment}/jav/", REVIEWER_POST),
        Call(POST, "/granskning/{review_assignment}/jav/", REVIEWER_POST, {"conflict": "no"}),
    ),
}

API = {
    ("GET", "/api/v1/applications/{application_id}/reviews"): page(
        Call(GET, "/api/v1/applications/{review_application}/reviews", READ_API)
    ),
    ("PUT", "/api/v1/applications/{application_id}/reviews"): page(
        Call("PUT", "/api/v1/applications/{review_application}/reviews", WRITE_API, {"scores": {"impact": 3}}, True)
    ),
}


def values(objects) -> dict:
    from django.utils import timezone

    from klusterplattform.calls.models import Application, Call, FormVersion, ReviewAssignment, ReviewCriterion
    from klusterplattform.registry.models import Programme, Region

    programme, _created = Programme.objects.get_or_create(
        slug="matrix-reviews",
        defaults={"name_sv": "Matrisgranskning", "name_en": "Matrix reviews", "is_published": True},
    )
    now = timezone.now()
    call = Call.objects.create(
        programme=programme,
        slug="matrix-review-call",
        title_sv="Matrisutlysning",
        title_en="Matrix call",
        opens_at=now - datetime.timedelta(days=20),
        closes_at=now - datetime.timedelta(days=1),
        is_published=True,
    )
    ReviewCriterion.objects.create(call=call, code="impact", label_sv="Effekt", label_en="Impact")
    form_version = FormVersion.objects.create(call=call, number=1, definition={"sections": []}, frozen_at=now)
    application = Application.objects.create(
        call=call, cluster=objects["cluster_a"], form_version=form_version, status="in_review"
    )
    application.regions.set([Region.objects.get(code="25")])
    assignment = ReviewAssignment.objects.create(
        application=application, reviewer=objects["users"]["reviewer"], no_conflict_declared_at=now
    )
    return {"review_call": call.slug, "review_application": application.pk, "review_assignment": assignment.pk}
