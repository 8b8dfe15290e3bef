"""Joining a matchmaking event, the participant's profile, and who sees the participants."""

import pytest
from django.http import Http404

from klusterplattform.activities.models import Registration
from klusterplattform.matchmaking import event_services as services
from klusterplattform.matchmaking.event_permissions import event_or_404, may_join, may_see_participants
from klusterplattform.matchmaking.models import EventParticipant, MeetingRequest

from .event_world import accepted, build_event_world, join, make_event, make_slots

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_event_world()


def test_a_registered_person_joins_although_the_registration_has_their_address_in_capitals(world):
    participant = join(world, world.alice, cluster=world.cluster_a)

    assert participant.activity == world.event and participant.user == world.alice
    assert participant.cluster == world.cluster_a and participant.organisation_name == "Alice AB"


def test_a_registered_person_without_any_role_may_join(world):
    assert may_join(world.carol, world.event)
    assert join(world, world.carol).pk


@pytest.mark.parametrize("persona", ["outsider", "regional", "walter"])
def test_people_without_a_confirmed_registration_may_not_join(world, persona):
    user = getattr(world, persona)

    assert not may_join(user, world.event)
    with pytest.raises(PermissionError):
        join(world, user)
    assert not EventParticipant.objects.exists()


def test_a_cancelled_registration_does_not_let_anyone_join(world):
    Registration.objects.filter(email__iexact=world.bob.email).update(status="cancelled")

    with pytest.raises(PermissionError):
        join(world, world.bob)


def test_an_officer_may_join_without_a_registration(world):
    assert join(world, world.officer).user == world.officer


def test_a_registration_for_another_activity_does_not_count(world):
    other = make_event(world.programme)

    assert not may_join(world.alice, other)


def test_an_activity_of_another_type_is_not_an_event(world):
    with pytest.raises(Http404):
        event_or_404(world.alice, world.workshop.pk)
    assert not may_join(world.alice, world.workshop)


def test_an_event_the_user_does_not_see_is_a_404_even_with_a_registration(world):
    world.event.is_published = False
    world.event.save()

    with pytest.raises(Http404):
        event_or_404(world.carol, world.event.pk)
    assert not may_join(world.carol, world.event)  # registered, but she no longer sees the event
    with pytest.raises(PermissionError):
        join(world, world.carol)
    assert event_or_404(world.officer, world.event.pk) == world.event
    assert may_join(world.alice, world.event)  # her cluster takes part in the programme


def test_anonymous_may_not_join(world):
    from django.contrib.auth.models import AnonymousUser

    assert not may_join(AnonymousUser(), world.event)


def test_a_participant_may_name_only_a_cluster_they_manage(world):
    with pytest.raises(PermissionError):
        join(world, world.alice, cluster=world.cluster_b)
    assert not EventParticipant.objects.exists()


def test_joining_after_the_event_has_ended_is_refused(world):
    world.event.starts_at = world.event.starts_at.replace(year=2020)
    world.event.ends_at = world.event.ends_at.replace(year=2020)
    world.event.save()

    with pytest.raises(services.Refused) as refusal:
        join(world, world.alice)
    assert refusal.value.code == "ended"


def test_an_empty_organisation_name_is_refused_and_nothing_is_saved(world):
    with pytest.raises(services.Refused) as refusal:
        services.join(world.alice, world.event, organisation_name="   ")
    assert refusal.value.code == "organisation"
    assert not EventParticipant.objects.exists()


def test_joining_again_updates_the_profile_instead_of_adding_a_second_participation(world):
    join(world, world.alice)
    join(world, world.alice, name="Alice Textiles", offer="Sorting lines")

    participant = EventParticipant.objects.get()
    assert (participant.organisation_name, participant.offer) == ("Alice Textiles", "Sorting lines")


def test_marking_a_slot_unavailable_frees_the_meetings_placed_there(world):
    alice, bob, carol = join(world, world.alice), join(world, world.bob), join(world, world.carol)
    slots = make_slots(world, 2)
    first, second = accepted(world, alice, bob), accepted(world, carol, bob)
    services.run_scheduler(world.officer, world.event)
    placed_slot = MeetingRequest.objects.get(pk=first.pk).slot

    join(world, world.alice, unavailable=[placed_slot])

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.slot is None and first.table is None
    assert second.slot in slots and second.table == 1
    assert list(alice.unavailable_slots.all()) == [placed_slot]


def test_unavailable_slots_of_another_event_are_refused(world):
    other = make_event(world.programme)
    from klusterplattform.matchmaking.models import MeetingSlot

    foreign = MeetingSlot.objects.create(activity=other, starts_at=other.starts_at, ends_at=other.ends_at)
    join(world, world.alice)

    with pytest.raises(services.Refused) as refusal:
        join(world, world.alice, name="Changed", unavailable=[foreign])
    assert refusal.value.code == "slot"
    assert EventParticipant.objects.get().organisation_name == "Alice AB"  # the whole change was rolled back


def test_participants_and_officers_see_the_participants_nobody_else_does(world):
    join(world, world.alice)

    assert may_see_participants(world.alice, world.event)
    assert may_see_participants(world.officer, world.event)
    for user in (world.bob, world.outsider, world.regional):
        assert not may_see_participants(user, world.event)
