"""The matchmaking-event API: participants, meetings, answers, outcomes, the agenda and the scheduler run, per persona
and with bad input."""

import datetime

import pytest

from klusterplattform.accounts.models import ApiToken
from klusterplattform.matchmaking import event_services as services
from klusterplattform.matchmaking.models import MeetingRequest, ScheduleRun
from klusterplattform.matchmaking.tests.world import as_user

from .event_world import accepted, build_event_world, join, make_slots

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_event_world()
    world.a = join(world, world.alice, name="Alice Textiles", cluster=world.cluster_a)
    world.b = join(world, world.bob, name="Bob Fibres")
    return world


def post(client, url, body=None):
    return client.post(url, body or {}, content_type="application/json")


def events(world, tail, event=None):
    return f"/api/v1/events/{(event or world.event).pk}/{tail}"


def test_participants_are_listed_for_participants_and_officers(client, world):
    rows = as_user(client, world.alice).get(events(world, "participants")).json()

    assert [(r["organisation_name"], r["is_me"], r["cluster"]) for r in rows] == [
        ("Alice Textiles", True, world.cluster_a.slug),
        ("Bob Fibres", False, None),
    ]
    assert as_user(client, world.officer).get(events(world, "participants")).status_code == 200


@pytest.mark.parametrize(("persona", "status"), [("outsider", 403), ("carol", 403), ("regional", 403), (None, 401)])
def test_others_may_not_list_the_participants(client, world, persona, status):
    user = getattr(world, persona) if persona else None

    response = as_user(client, user).get(events(world, "participants"))

    assert response.status_code == status and "detail" in response.json()


def test_an_activity_of_another_type_or_an_unknown_one_is_a_404(client, world):
    as_user(client, world.officer)

    assert client.get(events(world, "participants", event=world.workshop)).status_code == 404
    assert client.get("/api/v1/events/999999/meetings").status_code == 404
    assert client.get(f"/api/v1/events/{2**63}/meetings").status_code in (404, 422)


def test_a_participant_requests_a_meeting_and_the_invitee_accepts(client, world):
    created = post(as_user(client, world.alice), events(world, "meetings"), {"invitee": world.b.pk, "message": "Hi"})

    assert created.status_code == 201, created.content
    meeting = created.json()
    assert (meeting["status"], meeting["requester"]["id"], meeting["invitee"]["id"]) == (
        "pending",
        world.a.pk,
        world.b.pk,
    )
    decided = post(as_user(client, world.bob), f"/api/v1/event-meetings/{meeting['id']}/decision", {"accept": True})
    assert decided.status_code == 200 and decided.json()["status"] == "accepted"


def test_requesting_again_is_a_409_with_the_reason(client, world):
    services.request_meeting(world.bob, world.event, world.a)

    response = post(as_user(client, world.alice), events(world, "meetings"), {"invitee": world.b.pk})

    assert response.status_code == 409 and response.json()["detail"]
    assert MeetingRequest.objects.count() == 1


def test_requesting_oneself_is_a_409_and_an_unknown_invitee_a_404(client, world):
    as_user(client, world.alice)

    assert post(client, events(world, "meetings"), {"invitee": world.a.pk}).status_code == 409
    assert post(client, events(world, "meetings"), {"invitee": 10**9}).status_code == 404
    assert not MeetingRequest.objects.exists()


@pytest.mark.parametrize(
    "body",
    [{}, {"invitee": "x"}, {"invitee": 0}, {"invitee": 1, "extra": True}, {"invitee": 1, "message": "a\x00b"}],
    ids=["missing", "text", "zero", "extra-field", "null-character"],
)
def test_bad_request_bodies_are_422_and_write_nothing(client, world, body):
    response = post(as_user(client, world.alice), events(world, "meetings"), body)

    assert response.status_code == 422 and response.json()["detail"]
    assert not MeetingRequest.objects.exists()


def test_a_body_that_is_not_json_is_a_400(client, world):
    response = as_user(client, world.alice).post(
        events(world, "meetings"), "{not json", content_type="application/json"
    )

    assert response.status_code == 400


def test_someone_who_has_not_joined_may_not_request(client, world):
    response = post(as_user(client, world.carol), events(world, "meetings"), {"invitee": world.b.pk})

    assert response.status_code == 403


def test_meetings_lists_mine_and_officers_see_all(client, world):
    carol = join(world, world.carol, name="Carol Sorting")
    mine = services.request_meeting(world.alice, world.event, world.b)
    services.request_meeting(world.bob, world.event, carol)

    assert [m["id"] for m in as_user(client, world.alice).get(events(world, "meetings")).json()] == [mine.pk]
    assert len(as_user(client, world.officer).get(events(world, "meetings")).json()) == 2
    assert as_user(client, world.outsider).get(events(world, "meetings")).status_code == 403


def test_only_the_invitee_decides_and_a_third_gets_a_404(client, world):
    meeting = services.request_meeting(world.alice, world.event, world.b)
    url = f"/api/v1/event-meetings/{meeting.pk}/decision"

    assert post(as_user(client, world.alice), url, {"accept": True}).status_code == 403
    assert post(as_user(client, world.officer), url, {"accept": True}).status_code == 403
    assert post(as_user(client, world.carol), url, {"accept": True}).status_code == 404
    assert post(as_user(client, None), url, {"accept": True}).status_code == 401
    assert post(as_user(client, world.bob), url, {"accept": "perhaps"}).status_code == 422
    assert post(as_user(client, world.bob), url, {"accept": False}).json()["status"] == "declined"
    assert post(as_user(client, world.bob), url, {"accept": True}).status_code == 409


def test_withdrawing_through_the_api(client, world):
    meeting = services.request_meeting(world.alice, world.event, world.b)
    url = f"/api/v1/event-meetings/{meeting.pk}/withdraw"

    assert post(as_user(client, world.bob), url).status_code == 403
    assert post(as_user(client, world.alice), url).json()["status"] == "withdrawn"
    assert post(as_user(client, world.alice), url).status_code == 409


def test_the_officer_runs_the_scheduler_and_the_agenda_shows_slot_and_table(client, world):
    make_slots(world, 2)
    meeting = accepted(world, world.a, world.b)
    assert post(as_user(client, world.alice), events(world, "schedule")).status_code == 403

    run = post(as_user(client, world.officer), events(world, "schedule"))

    assert run.status_code == 200 and (run.json()["placed"], run.json()["unplaced"]) == (1, 0)
    agenda = as_user(client, world.bob).get(events(world, "agenda")).json()
    assert agenda["time_zone"] == "Europe/Stockholm" and agenda["unplaced"] == []
    [item] = agenda["meetings"]
    assert (item["meeting"], item["other"]["organisation_name"], item["table"]) == (meeting.pk, "Alice Textiles", 1)
    assert item["slot"]["local_start"].endswith("T10:00")


def test_the_scheduler_without_slots_is_a_409(client, world):
    assert post(as_user(client, world.officer), events(world, "schedule")).status_code == 409
    assert not ScheduleRun.objects.exists()


def test_the_agenda_is_for_participants(client, world):
    assert as_user(client, world.officer).get(events(world, "agenda")).status_code == 403
    assert as_user(client, None).get(events(world, "agenda")).status_code == 401


def test_outcomes_through_the_api(client, world):
    meeting = accepted(world, world.a, world.b)
    url = f"/api/v1/event-meetings/{meeting.pk}/outcome"

    assert post(as_user(client, world.alice), url, {"outcome": "cooperation"}).status_code == 409  # not started
    world.event.starts_at -= datetime.timedelta(days=30)
    world.event.ends_at -= datetime.timedelta(days=30)
    world.event.save()
    assert post(as_user(client, world.alice), url, {"outcome": ""}).status_code == 422
    assert post(as_user(client, world.carol), url, {"outcome": "none"}).status_code == 404
    response = post(as_user(client, world.officer), url, {"outcome": "letter_of_intent", "note": "Signed"})
    assert response.status_code == 200 and response.json()["outcome"] == "letter_of_intent"


def test_a_token_works_like_the_session(client, world):
    _token, raw = ApiToken.issue(world.alice, name="events")

    response = client.get(events(world, "participants"), HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 200 and len(response.json()) == 2


def test_meeting_ids_out_of_range_are_not_found(client, world):
    as_user(client, world.alice)

    assert post(client, "/api/v1/event-meetings/0/withdraw").status_code == 404
    assert post(client, f"/api/v1/event-meetings/{2**63 - 1}/withdraw").status_code == 404
