"""Outcomes of meetings: who records them, when, and the officers' summary."""

import datetime

import pytest

from klusterplattform.matchmaking import event_services as services
from klusterplattform.matchmaking.models import MeetingRequest, MeetingSlot
from klusterplattform.matchmaking.views_events import outcome_summary

from .event_world import accepted, build_event_world, join, make_slots

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_event_world()
    world.a, world.b, world.c = join(world, world.alice), join(world, world.bob), join(world, world.carol)
    make_slots(world, 2)
    world.meeting = accepted(world, world.a, world.b)
    services.run_scheduler(world.officer, world.event)
    world.meeting.refresh_from_db()
    return world


def start_slots_now(world):
    """Move the event so that its first slot has started (the event itself is still on)."""
    shift = world.meeting.slot.starts_at - datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=5)
    for slot in MeetingSlot.objects.filter(activity=world.event):
        slot.starts_at -= shift
        slot.ends_at -= shift
        slot.save()
    world.event.starts_at -= shift
    world.event.ends_at -= shift
    world.event.save()


def end_event(world):
    world.event.starts_at -= datetime.timedelta(days=30)
    world.event.ends_at -= datetime.timedelta(days=30)
    world.event.save()


def test_an_outcome_before_the_meeting_has_started_is_refused(world):
    with pytest.raises(services.Refused) as refusal:
        services.record_outcome(world.alice, world.meeting, "letter_of_intent")
    assert refusal.value.code == "too_early"
    world.meeting.refresh_from_db()
    assert world.meeting.outcome == ""


def test_either_side_records_an_outcome_once_the_slot_has_started(world):
    start_slots_now(world)

    services.record_outcome(world.bob, world.meeting, "letter_of_intent", " Signed on site ")

    world.meeting.refresh_from_db()
    assert (world.meeting.outcome, world.meeting.outcome_note) == ("letter_of_intent", "Signed on site")
    assert world.meeting.outcome_recorded_by == world.bob and world.meeting.outcome_recorded_at
    services.record_outcome(world.alice, world.meeting, "cooperation")
    world.meeting.refresh_from_db()
    assert world.meeting.outcome == "cooperation"


def test_an_officer_records_an_outcome_after_the_event_even_for_an_unplaced_meeting(world):
    unplaced = accepted(world, world.c, world.b)
    MeetingRequest.objects.filter(pk=unplaced.pk).update(slot=None, table=None)
    end_event(world)

    services.record_outcome(world.officer, unplaced, "not_held")

    unplaced.refresh_from_db()
    assert unplaced.outcome == "not_held"


def test_a_third_participant_may_not_record_an_outcome(world):
    end_event(world)

    for user in (world.carol, world.outsider, world.regional):
        with pytest.raises(PermissionError):
            services.record_outcome(user, world.meeting, "none")


def test_only_accepted_meetings_have_an_outcome(world):
    pending = services.request_meeting(world.carol, world.event, world.a)
    end_event(world)

    with pytest.raises(services.Refused) as refusal:
        services.record_outcome(world.carol, pending, "none")
    assert refusal.value.code == "not_accepted"


@pytest.mark.parametrize("outcome", ["", "maybe"], ids=["empty", "unknown"])
def test_an_unknown_or_empty_outcome_is_refused(world, outcome):
    end_event(world)

    with pytest.raises(services.Refused) as refusal:
        services.record_outcome(world.alice, world.meeting, outcome)
    assert refusal.value.code == "outcome"


def test_the_summary_counts_accepted_meetings_per_outcome(world):
    accepted(world, world.c, world.b)
    end_event(world)
    services.record_outcome(world.alice, world.meeting, "letter_of_intent")

    counts = {row["code"]: row["count"] for row in outcome_summary(world.event)}

    assert counts == {"": 1, "none": 0, "follow_up": 0, "letter_of_intent": 1, "cooperation": 0, "not_held": 0}


def test_the_outcome_page_records_an_outcome(client, world):
    end_event(world)
    client.force_login(world.alice)
    path = f"/en/matchmaking/{world.event.pk}/moten/{world.meeting.pk}/utfall/"

    assert client.get(path).status_code == 200
    response = client.post(path, {"outcome": "follow_up", "note": "Second meeting in May"})

    assert response.status_code == 302
    world.meeting.refresh_from_db()
    assert (world.meeting.outcome, world.meeting.outcome_note) == ("follow_up", "Second meeting in May")


def test_the_outcome_page_shows_the_refusal_before_the_meeting(client, world):
    client.force_login(world.alice)
    path = f"/en/matchmaking/{world.event.pk}/moten/{world.meeting.pk}/utfall/"

    response = client.post(path, {"outcome": "follow_up"})

    assert response.status_code == 200 and "once the meeting has started" in response.content.decode()
    world.meeting.refresh_from_db()
    assert world.meeting.outcome == ""


def test_the_outcome_page_of_someone_elses_meeting_is_a_404(client, world):
    end_event(world)
    client.force_login(world.carol)

    path = f"/en/matchmaking/{world.event.pk}/moten/{world.meeting.pk}/utfall/"
    assert client.get(path).status_code == 404
    assert client.post(path, {"outcome": "none"}).status_code == 404
