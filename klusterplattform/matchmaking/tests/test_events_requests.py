"""Meeting requests: who may request, accept, decline and withdraw, and when."""

import datetime

import pytest

from klusterplattform.matchmaking import event_services as services
from klusterplattform.matchmaking.models import MeetingRequest

from .event_world import accepted, build_event_world, join, make_event, make_slots

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_event_world()
    world.a, world.b, world.c = join(world, world.alice), join(world, world.bob), join(world, world.carol)
    return world


def end_event(world):
    world.event.starts_at -= datetime.timedelta(days=30)
    world.event.ends_at -= datetime.timedelta(days=30)
    world.event.save()


def code_of(step) -> str:
    with pytest.raises(services.Refused) as refusal:
        step()
    return refusal.value.code


def test_a_participant_requests_a_meeting_and_it_waits_for_an_answer(world):
    meeting = services.request_meeting(world.alice, world.event, world.b, "  Let us talk.  ")

    assert (meeting.requester, meeting.invitee, meeting.status, meeting.message) == (
        world.a,
        world.b,
        "pending",
        "Let us talk.",
    )


def test_a_meeting_with_oneself_is_refused(world):
    assert code_of(lambda: services.request_meeting(world.alice, world.event, world.a)) == "self"


def test_someone_who_has_not_joined_may_not_request(world):
    with pytest.raises(PermissionError):
        services.request_meeting(world.outsider, world.event, world.b)
    with pytest.raises(PermissionError):
        services.request_meeting(world.officer, world.event, world.b)  # officers too must join first
    assert not MeetingRequest.objects.exists()


def test_a_participant_of_another_event_cannot_be_invited(world):
    other = make_event(world.programme)
    from klusterplattform.matchmaking.models import EventParticipant

    stranger = EventParticipant.objects.create(activity=other, user=world.outsider, organisation_name="Elsewhere")

    assert code_of(lambda: services.request_meeting(world.alice, world.event, stranger)) == "invitee"


@pytest.mark.parametrize("direction", ["same", "reverse"])
def test_a_second_request_between_the_same_two_is_refused_in_either_direction(world, direction):
    services.request_meeting(world.alice, world.event, world.b)

    if direction == "same":
        assert code_of(lambda: services.request_meeting(world.alice, world.event, world.b)) == "exists"
    else:
        assert code_of(lambda: services.request_meeting(world.bob, world.event, world.a)) == "exists"
    assert MeetingRequest.objects.count() == 1


def test_a_declined_request_cannot_be_sent_again_but_the_other_side_may_ask(world):
    meeting = services.request_meeting(world.alice, world.event, world.b)
    services.decide(world.bob, meeting, False)

    assert code_of(lambda: services.request_meeting(world.alice, world.event, world.b)) == "exists"
    assert services.request_meeting(world.bob, world.event, world.a).status == "pending"


def test_a_withdrawn_request_may_be_sent_again(world):
    meeting = services.request_meeting(world.alice, world.event, world.b)
    services.withdraw(world.alice, meeting)

    again = services.request_meeting(world.alice, world.event, world.b, "Second try")

    assert again.pk == meeting.pk and again.status == "pending" and again.message == "Second try"


def test_requests_after_the_event_has_ended_are_refused(world):
    end_event(world)

    assert code_of(lambda: services.request_meeting(world.alice, world.event, world.b)) == "ended"


def test_only_the_invitee_answers(world):
    meeting = services.request_meeting(world.alice, world.event, world.b)

    for user in (world.alice, world.carol, world.officer, world.outsider):
        with pytest.raises(PermissionError):
            services.decide(user, meeting, True)
    assert services.decide(world.bob, meeting, True).status == "accepted"
    meeting.refresh_from_db()
    assert meeting.decided_at is not None


def test_answering_twice_is_refused(world):
    meeting = services.request_meeting(world.alice, world.event, world.b)
    services.decide(world.bob, meeting, False)

    assert code_of(lambda: services.decide(world.bob, meeting, True)) == "answered"
    meeting.refresh_from_db()
    assert meeting.status == "declined"


def test_only_the_requester_withdraws(world):
    meeting = services.request_meeting(world.alice, world.event, world.b)

    for user in (world.bob, world.carol, world.officer):
        with pytest.raises(PermissionError):
            services.withdraw(user, meeting)
    assert services.withdraw(world.alice, meeting).status == "withdrawn"


def test_withdrawing_a_declined_request_is_refused(world):
    meeting = services.request_meeting(world.alice, world.event, world.b)
    services.decide(world.bob, meeting, False)

    assert code_of(lambda: services.withdraw(world.alice, meeting)) == "closed"


def test_withdrawing_a_placed_meeting_frees_its_slot_and_renumbers_the_tables(world):
    dave = join(world, world.officer, name="Dave AB")
    make_slots(world, 1)
    first, second = accepted(world, world.a, world.b), accepted(world, world.c, dave)
    services.run_scheduler(world.officer, world.event)
    first.refresh_from_db()
    second.refresh_from_db()
    assert {first.table, second.table} == {1, 2} and first.slot == second.slot

    services.withdraw(world.alice, first)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.slot, first.table, first.status) == (None, None, "withdrawn")
    assert second.table == 1
