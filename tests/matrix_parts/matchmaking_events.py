"""Matchmaking events in the permission matrix (pages and API).

The part's published matchmaking event has three participants: manager A and manager B (each with a confirmed
registration) and Carol, a person without a role. A has asked B for a meeting (pending) and has an accepted meeting
with Carol; the event has two slots and has not started. Everyone signed in sees the event's overview; the
participants' pages (request form, agenda) are for participants (403 for others who see the event, officers
included until they join); joining is for the registered and officers; the schedule pages are for officers. A meeting
exists only for its two sides and officers (404 for anyone else); only the invitee answers it and only the requester
withdraws it (403 for the other side and officers). An outcome before the meeting has started is a 409 (page: the
form shows why). The POST-only routes answer GET with 405; anonymous visitors are sent to sign in (API: 401).
"""

import datetime

from django.utils import timezone

from tests.matrix_common import GET, POST, Call, page, statuses

SIGNED_IN = statuses(200, anonymous=302)
PARTICIPANTS = statuses(403, anonymous=302, manager_a=200, manager_b=200)
JOINERS = statuses(403, anonymous=302, manager_a=200, manager_b=200, officer=200, admin=200)
OFFICERS = statuses(403, anonymous=302, officer=200, admin=200)
POST_ONLY = statuses(405, anonymous=302)
SIDES_AND_OFFICERS = statuses(404, anonymous=302, manager_a=200, officer=200, admin=200)
DECIDE_PAGE = statuses(404, anonymous=302, manager_a=403, manager_b=302, officer=403, admin=403)
WITHDRAW_PAGE = statuses(404, anonymous=302, manager_a=302, manager_b=403, officer=403, admin=403)

API_PARTICIPANTS = statuses(403, anonymous=401, manager_a=200, manager_b=200, officer=200, admin=200)
API_REQUEST = statuses(403, anonymous=401, manager_a=201, manager_b=201)
API_DECIDE = statuses(404, anonymous=401, manager_a=403, manager_b=200, officer=403, admin=403)
API_WITHDRAW = statuses(404, anonymous=401, manager_a=200, manager_b=403, officer=403, admin=403)
API_OUTCOME = statuses(404, anonymous=401, manager_a=409, officer=409, admin=409)
API_AGENDA = statuses(403, anonymous=401, manager_a=200, manager_b=200)
API_SCHEDULE = statuses(403, anonymous=401, officer=200, admin=200)

EVENT = "/matchmaking/{mme_event}/"

PAGES = {
    "matchmaking/<int:pk>/": page(
        Call(GET, EVENT, SIGNED_IN), Call(GET, "/matchmaking/{mme_workshop}/", statuses(404, anonymous=302))
    ),
    "matchmaking/<int:pk>/delta/": page(
        Call(GET, EVENT + "delta/", JOINERS), Call(POST, EVENT + "delta/", JOINERS, {"organisation_name": ""})
    ),
    "matchmaking/<int:pk>/schema/": page(
        Call(GET, EVENT + "schema/", OFFICERS), Call(POST, EVENT + "schema/", OFFICERS, {"minutes": "x"})
    ),
    "matchmaking/<int:pk>/schema/kor/": page(
        Call(GET, EVENT + "schema/kor/", POST_ONLY),
        Call(POST, EVENT + "schema/kor/", statuses(403, anonymous=302, officer=302, admin=302)),
    ),
    "matchmaking/<int:pk>/motesforfragan/": page(Call(GET, EVENT + "motesforfragan/", PARTICIPANTS)),
    "matchmaking/<int:pk>/moten/<int:meeting>/svar/": page(
        Call(GET, EVENT + "moten/{mme_pending}/svar/", POST_ONLY),
        Call(POST, EVENT + "moten/{mme_pending}/svar/", DECIDE_PAGE, {"decision": "accept"}),
    ),
    "matchmaking/<int:pk>/moten/<int:meeting>/ta-tillbaka/": page(
        Call(GET, EVENT + "moten/{mme_pending}/ta-tillbaka/", POST_ONLY),
        Call(POST, EVENT + "moten/{mme_pending}/ta-tillbaka/", WITHDRAW_PAGE),
    ),
    "matchmaking/<int:pk>/moten/<int:meeting>/utfall/": page(
        Call(GET, EVENT + "moten/{mme_accepted}/utfall/", SIDES_AND_OFFICERS),
        Call(POST, EVENT + "moten/{mme_accepted}/utfall/", SIDES_AND_OFFICERS, {"outcome": "none"}),
    ),
    "matchmaking/<int:pk>/agenda/": page(Call(GET, EVENT + "agenda/", PARTICIPANTS)),
    "matchmaking/<int:pk>/agenda.pdf": page(Call(GET, EVENT + "agenda.pdf", PARTICIPANTS)),
    "matchmaking/<int:pk>/agenda.ics": page(Call(GET, EVENT + "agenda.ics", PARTICIPANTS)),
}

API_EVENT = "/api/v1/events/{mme_event}/"
# Bodies are not formatted: Dan, the participant both managers may still ask, has this fixed id.
DAN = 880_001

API = {
    ("GET", "/api/v1/events/{activity_id}/participants"): page(
        Call(GET, API_EVENT + "participants", API_PARTICIPANTS),
        Call(GET, "/api/v1/events/{mme_workshop}/participants", statuses(404, anonymous=401)),
    ),
    ("GET", "/api/v1/events/{activity_id}/meetings"): page(Call(GET, API_EVENT + "meetings", API_PARTICIPANTS)),
    ("POST", "/api/v1/events/{activity_id}/meetings"): page(
        Call(POST, API_EVENT + "meetings", API_REQUEST, {"invitee": DAN}, True)
    ),
    ("POST", "/api/v1/event-meetings/{meeting_id}/decision"): page(
        Call(POST, "/api/v1/event-meetings/{mme_pending}/decision", API_DECIDE, {"accept": True}, True)
    ),
    ("POST", "/api/v1/event-meetings/{meeting_id}/withdraw"): page(
        Call(POST, "/api/v1/event-meetings/{mme_pending}/withdraw", API_WITHDRAW, {}, True)
    ),
    ("POST", "/api/v1/event-meetings/{meeting_id}/outcome"): page(
        Call(POST, "/api/v1/event-meetings/{mme_accepted}/outcome", API_OUTCOME, {"outcome": "none"}, True)
    ),
    ("GET", "/api/v1/events/{activity_id}/agenda"): page(Call(GET, API_EVENT + "agenda", API_AGENDA)),
    ("POST", "/api/v1/events/{activity_id}/schedule"): page(Call(POST, API_EVENT + "schedule", API_SCHEDULE, {}, True)),
}


def values(objects: dict) -> dict:
    from klusterplattform.activities.models import Activity, Registration
    from klusterplattform.matchmaking.models import EventParticipant, MeetingRequest, MeetingSlot
    from klusterplattform.registry.tests.factories import ProgrammeFactory, UserFactory

    users, cluster_a, cluster_b = objects["users"], objects["cluster_a"], objects["cluster_b"]
    programme = ProgrammeFactory(slug="matrix-matchmaking", clusters=[cluster_a, cluster_b])
    starts = timezone.now().replace(microsecond=0, second=0, minute=0) + datetime.timedelta(days=20)
    common = {"programme": programme, "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=8)}
    event = Activity.objects.create(type="matchmaking", title_sv="Möten", title_en="Meetings", **common)
    workshop = Activity.objects.create(type="workshop", title_sv="Verkstad", title_en="Workshop", **common)
    people = {}
    for key, user, cluster in [("a", users["manager_a"], cluster_a), ("b", users["manager_b"], cluster_b)]:
        Registration.objects.create(
            activity=event, cluster=cluster, name=key, email=user.email, queued_at=timezone.now()
        )
        people[key] = EventParticipant.objects.create(activity=event, user=user, organisation_name=f"Org {key}")
    carol, dan = (UserFactory(email=f"matrix-{name}@example.org") for name in ("carol", "dan"))
    people["c"] = EventParticipant.objects.create(activity=event, user=carol, organisation_name="Org c")
    EventParticipant.objects.create(pk=DAN, activity=event, user=dan, organisation_name="Org d")
    for n in range(2):
        slot_start = starts + datetime.timedelta(minutes=30 * (n + 2))
        MeetingSlot.objects.create(
            activity=event, starts_at=slot_start, ends_at=slot_start + datetime.timedelta(minutes=20)
        )
    pending = MeetingRequest.objects.create(activity=event, requester=people["a"], invitee=people["b"])
    accepted = MeetingRequest.objects.create(
        activity=event, requester=people["a"], invitee=people["c"], status="accepted"
    )
    return {
        "mme_event": event.pk,
        "mme_workshop": workshop.pk,
        "mme_pending": pending.pk,
        "mme_accepted": accepted.pk,
    }
