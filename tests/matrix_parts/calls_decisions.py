"""Decisions on applications and the decision e-mails in the permission matrix.

Only officers and admins decide and send. Cluster A's application (in review, naming region 25) is seen by A's
manager and the region's officer, who are refused (403); everyone else signed in does not see it (404). The call is
published, so its decision pages refuse every signed-in non-officer (403). Each request is rolled back.
"""

from tests.matrix_common import GET, POST, Call, page, statuses

DECIDERS = statuses(403, anonymous=302, officer=200, admin=200)
DECIDED = statuses(403, anonymous=302, officer=302, admin=302)
APPLICATION_PAGE = statuses(404, anonymous=302, manager_a=403, regional_in=403, officer=200, admin=200)

PAGES = {
    "ansokningar/<int:pk>/beslut/": page(
        Call(GET, "/ansokningar/{decision_application_a}/beslut/", APPLICATION_PAGE),
        # No justification: the officers reach the form's error, nothing is decided.
        Call(POST, "/ansokningar/{decision_application_a}/beslut/", APPLICATION_PAGE, {"decision": "selected"}),
        Call(
            POST,
            "/ansokningar/{decision_application_a}/beslut/",
            {**APPLICATION_PAGE, "officer": 302, "admin": 302},
            {"decision": "selected", "justification": "Matrix."},
        ),
    ),
    "utlysningar/<slug:slug>/beslut/": page(
        Call(GET, "/utlysningar/{decision_call}/beslut/", DECIDERS),
        Call(
            POST,
            "/utlysningar/{decision_call}/beslut/",
            DECIDED,
            {"a{decision_application_a}-decision": "reserve", "a{decision_application_a}-justification": "Matrix."},
        ),
    ),
    "utlysningar/<slug:slug>/beslut/utskick/": page(
        Call(GET, "/utlysningar/{decision_call}/beslut/utskick/", DECIDERS),
        Call(POST, "/utlysningar/{decision_call}/beslut/utskick/", DECIDED),
    ),
}


def values(objects: dict) -> dict:
    import datetime

    from django.utils import timezone

    from klusterplattform.calls.models import Application, Call, FormVersion
    from klusterplattform.registry.models import Programme

    now = timezone.now()
    programme = Programme.objects.get(slug="open-programme")  # objects["programme"] is its slug
    call, _created = Call.objects.get_or_create(
        slug="matrix-decisions",
        defaults={
            "programme": programme,
            "title_sv": "Utlysning (beslut)",
            "title_en": "Call (decisions)",
            "opens_at": now - datetime.timedelta(days=60),
            "closes_at": now - datetime.timedelta(days=20),
            "notify_decisions": ["selected", "reserve", "rejected"],
            "is_published": True,
        },
    )
    form_version, _created = FormVersion.objects.get_or_create(call=call, number=1, defaults={"frozen_at": now})
    application = Application.objects.create(
        call=call, cluster=objects["cluster_a"], form_version=form_version, status="in_review", submitted_at=now
    )
    application.regions.set(objects["cluster_a"].regions.all())
    return {"decision_call": call.slug, "decision_application_a": application.pk}
