"""Slots and the scheduler run against the database: slot set-up rules, placements without double-booking,
unavailable slots, table numbers, re-runs, and the audit trail."""

import datetime
import itertools
from collections import Counter

import pytest

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import AuditEvent
from klusterplattform.matchmaking import event_services as services
from klusterplattform.matchmaking.models import EventParticipant, MeetingRequest, MeetingSlot, ScheduleRun
from klusterplattform.registry.tests.factories import UserFactory

from .event_world import accepted, build_event_world, join, local, make_slots, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_event_world()


def people(world, n):
    """n participants (Alice, Bob, Carol and then more registered people)."""
    joined = [join(world, world.alice), join(world, world.bob), join(world, world.carol)]
    for i in range(3, n):
        user = UserFactory(email=f"extra{i}@example.org", full_name=f"Extra {i}")
        register(world.event, user, world.cluster_b)
        joined.append(join(world, user))
    return joined[:n]


def placements(world):
    return list(MeetingRequest.objects.filter(activity=world.event, slot__isnull=False))


def assert_nobody_twice_in_a_slot(meetings):
    seen = Counter()
    for m in meetings:
        seen[(m.requester_id, m.slot_id)] += 1
        seen[(m.invitee_id, m.slot_id)] += 1
    assert max(seen.values(), default=0) == 1


def test_slots_are_generated_in_the_events_time_zone_with_a_break(world):
    slots = make_slots(world, 4, minutes=30, start_hour=10, break_after=2, break_minutes=60)

    starts = [s.starts_at.astimezone(world.event.zone).strftime("%H:%M") for s in slots]
    assert starts == ["10:00", "10:30", "12:00", "12:30"]
    assert all(s.ends_at - s.starts_at == datetime.timedelta(minutes=30) for s in slots)


def test_a_naive_start_is_read_in_the_events_time_zone(world):
    day = world.event.local_start.date()
    naive = datetime.datetime.combine(day, datetime.time(11, 0))

    slot = services.set_up_slots(world.officer, world.event, first_start=naive, minutes=15, count=1)[0]

    assert slot.starts_at == local(day, 11)


@pytest.mark.parametrize(
    ("hour", "count", "minutes", "code"),
    [(8, 2, 20, "outside"), (16, 4, 20, "outside"), (10, 0, 20, "slot_size"), (10, 2, 3, "slot_size")],
    ids=["before-start", "past-the-end", "no-slots", "too-short"],
)
def test_slots_outside_the_event_or_of_bad_size_are_refused(world, hour, count, minutes, code):
    with pytest.raises(services.Refused) as refusal:
        make_slots(world, count, minutes=minutes, start_hour=hour)
    assert refusal.value.code == code
    assert not MeetingSlot.objects.exists()


def test_a_break_after_the_last_slot_is_refused(world):
    with pytest.raises(services.Refused) as refusal:
        make_slots(world, 3, break_after=3, break_minutes=30)
    assert refusal.value.code == "break"


def test_added_slots_must_not_overlap_the_existing_ones(world):
    make_slots(world, 3, minutes=20, start_hour=10)

    with pytest.raises(services.Refused) as refusal:
        make_slots(world, 2, minutes=20, start_hour=10, replace=False)
    assert refusal.value.code == "overlap"
    make_slots(world, 2, minutes=20, start_hour=14, replace=False)
    assert MeetingSlot.objects.count() == 5


def test_only_officers_set_up_slots_and_run_the_scheduler(world):
    join(world, world.alice)
    for user in (world.alice, world.regional, world.outsider):
        with pytest.raises(PermissionError):
            services.set_up_slots(user, world.event, first_start=world.event.starts_at, minutes=20, count=2)
        with pytest.raises(PermissionError):
            services.run_scheduler(user, world.event)
    assert not MeetingSlot.objects.exists() and not ScheduleRun.objects.exists()


def test_running_without_slots_is_refused(world):
    with pytest.raises(services.Refused) as refusal:
        services.run_scheduler(world.officer, world.event)
    assert refusal.value.code == "no_slots"


def test_every_accepted_meeting_of_a_small_event_is_placed_without_double_booking(world):
    everyone = people(world, 5)
    make_slots(world, 4)
    for a, b in itertools.combinations(everyone, 2):  # 10 meetings, everyone meets everyone
        accepted(world, a, b)

    run = services.run_scheduler(world.officer, world.event)

    placed = placements(world)
    assert (run.placed, run.unplaced) == (len(placed), 10 - len(placed))
    assert_nobody_twice_in_a_slot(placed)
    assert run.placed == 8  # five people fill at most two meetings per slot: 4 slots × 2 is the optimum
    for slot_id in {m.slot_id for m in placed}:
        assert sorted(m.table for m in placed if m.slot_id == slot_id) == [1, 2]


def test_all_feasible_meetings_are_placed_and_pending_or_declined_ones_are_not(world):
    a, b, c, d = people(world, 4)
    make_slots(world, 3)
    meetings = [accepted(world, x, y) for x, y in itertools.combinations([a, b, c, d], 2)]  # K4: 3 slots suffice
    pending = services.request_meeting(world.alice, world.event, join(world, world.officer, name="Officer AB"))

    run = services.run_scheduler(world.officer, world.event)

    assert (run.placed, run.unplaced) == (6, 0)
    assert all(m.slot_id for m in MeetingRequest.objects.filter(pk__in=[m.pk for m in meetings]))
    pending.refresh_from_db()
    assert pending.slot is None and pending.table is None
    assert_nobody_twice_in_a_slot(placements(world))


def test_unavailable_slots_are_respected(world):
    a, b, c = people(world, 3)
    first, second = make_slots(world, 2)
    join(world, world.alice, unavailable=[first])
    ab, bc = accepted(world, a, b), accepted(world, b, c)

    services.run_scheduler(world.officer, world.event)

    ab.refresh_from_db()
    bc.refresh_from_db()
    assert ab.slot == second and bc.slot == first


def test_a_rerun_replaces_the_placements_and_records_a_second_run(world):
    a, b, c = people(world, 3)
    make_slots(world, 2)
    ab = accepted(world, a, b)
    services.run_scheduler(world.officer, world.event)
    services.withdraw(world.alice, ab)
    bc = accepted(world, b, c)

    run = services.run_scheduler(world.officer, world.event)

    assert ScheduleRun.objects.filter(activity=world.event).count() == 2
    assert (run.placed, run.unplaced, run.run_by) == (1, 0, world.officer)
    assert [m.pk for m in placements(world)] == [bc.pk]


def test_changing_the_slots_clears_every_placement(world):
    a, b = people(world, 2)
    make_slots(world, 2)
    meeting = accepted(world, a, b)
    services.run_scheduler(world.officer, world.event)

    make_slots(world, 3, start_hour=13)

    meeting.refresh_from_db()
    assert (meeting.slot, meeting.table) == (None, None)
    assert MeetingSlot.objects.count() == 3


def test_more_meetings_than_fit_leave_the_rest_unplaced(world):
    a, b, c = people(world, 3)
    make_slots(world, 1)
    accepted(world, a, b)
    accepted(world, a, c)

    run = services.run_scheduler(world.officer, world.event)

    assert (run.placed, run.unplaced) == (1, 1)


@pytest.fixture
def tracked():
    """The event models in the audit trail (apps.py tracks them; tracking again is harmless)."""
    for model in (EventParticipant, MeetingSlot, MeetingRequest, ScheduleRun):
        if not audit.is_tracked(model):
            audit.track(model)


def test_the_schedulers_placements_are_in_the_audit_trail(world, tracked):
    a, b = people(world, 2)
    make_slots(world, 1)
    meeting = accepted(world, a, b)

    services.run_scheduler(world.officer, world.event)

    changes = [event.changes for event in AuditEvent.objects.for_object(meeting)]
    assert {"table": [None, 1], "slot_id": [None, MeetingSlot.objects.get().pk]} in changes
