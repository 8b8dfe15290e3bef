"""Calendar feeds and the feedback survey in the permission matrix.

The part builds its own programme with only cluster A taking part, so what other parts add to the shared programme
does not change who sees the draft activity. Feeds and personal links need no sign-in (the token or publication is
the key); the feed page is for anyone signed in; replacing a cluster's feed link is for its managers and officers
(404 for everyone else); the feedback export is for officers (403 for those who see the activity, 404 otherwise).
"""

import datetime

from django.utils import timezone

from tests.matrix_common import GET, POST, PUBLIC, SIGNED_IN, Call, page, statuses

DRAFT_VISIBLE = statuses(404, manager_a=200, regional_in=200, officer=200, admin=200)
REPLACE = statuses(404, anonymous=302, manager_a=302, officer=302, admin=302)

PAGES = {
    "aktiviteter/kalender/": page(Call(GET, "/aktiviteter/kalender/", SIGNED_IN)),
    "aktiviteter/kalender/<int:pk>/ny-lank/": page(
        Call(GET, "/aktiviteter/kalender/{cal_feed}/ny-lank/", statuses(405, anonymous=302)),
        Call(POST, "/aktiviteter/kalender/{cal_feed}/ny-lank/", REPLACE),
    ),
    "aktiviteter/kalender/kluster/<str:token>.ics": page(
        Call(GET, "/aktiviteter/kalender/kluster/{cal_feed_token}.ics", PUBLIC),
        Call(GET, "/aktiviteter/kalender/kluster/not-a-token.ics", statuses(404)),
    ),
    "aktiviteter/kalender/<slug:slug>.ics": page(
        Call(GET, "/aktiviteter/kalender/{cal_programme}.ics", PUBLIC),
        Call(GET, "/aktiviteter/kalender/{hidden_programme}.ics", statuses(404)),
    ),
    "aktiviteter/<int:pk>/kalender.ics": page(
        Call(GET, "/aktiviteter/{cal_past}/kalender.ics", PUBLIC),
        Call(GET, "/aktiviteter/{cal_draft}/kalender.ics", DRAFT_VISIBLE),
    ),
    "aktiviteter/deltagare/<str:token>/kalender.ics": page(
        Call(GET, "/aktiviteter/deltagare/{cal_registration_token}/kalender.ics", PUBLIC)
    ),
    "aktiviteter/aterkoppling/<str:token>/": page(
        Call(GET, "/aktiviteter/aterkoppling/{cal_registration_token}/", PUBLIC),
        Call(POST, "/aktiviteter/aterkoppling/{cal_registration_token}/", PUBLIC, {"overall": "9"}),
    ),
    "aktiviteter/<int:pk>/aterkoppling/export.<str:file_format>": page(
        Call(
            GET, "/aktiviteter/{cal_past}/aterkoppling/export.csv", statuses(403, anonymous=302, officer=200, admin=200)
        ),
        Call(
            GET,
            "/aktiviteter/{cal_draft}/aterkoppling/export.csv",
            statuses(404, anonymous=302, manager_a=403, regional_in=403, officer=200, admin=200),
        ),
    ),
}


def values(objects: dict) -> dict:
    from klusterplattform.activities.models import Activity, CalendarFeed, Registration
    from klusterplattform.registry.models import Programme, ProgrammeParticipation

    programme = Programme.objects.create(slug="calendar-programme", name_sv="Kalenderprogram", name_en="Calendar")
    ProgrammeParticipation.objects.get_or_create(programme=programme, cluster=objects["cluster_a"])
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    common = {
        "programme": programme,
        "type": "workshop",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
    }
    past = Activity.objects.create(title_sv="Genomförd", title_en="Held", **common)
    draft = Activity.objects.create(title_sv="Utkast", title_en="Draft", is_published=False, **common)
    registration = Registration.objects.create(
        activity=past, cluster=objects["cluster_a"], name="Anna", email="anna@example.org", queued_at=start
    )
    feed = CalendarFeed.objects.create(programme=programme, cluster=objects["cluster_a"])
    return {
        "cal_programme": programme.slug,
        "cal_past": past.pk,
        "cal_draft": draft.pk,
        "cal_registration_token": registration.token,
        "cal_feed": feed.pk,
        "cal_feed_token": feed.token,
    }
