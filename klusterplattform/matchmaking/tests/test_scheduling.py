"""The meeting scheduler: nobody is double-booked, nobody meets outside their available slots, and on small instances
it places as many meetings as brute force finds possible; large instances stay valid and place nearly all."""

import itertools
import random

import pytest

from klusterplattform.matchmaking.scheduling import Meeting, schedule


def assert_valid(result, meetings, slots, available=None):
    available = available or {}
    by_id = {m.id: m for m in meetings}
    taken = set()
    for meeting_id, slot in result.slot_of.items():
        assert slot in slots
        meeting = by_id[meeting_id]
        for person in (meeting.a, meeting.b):
            assert (person, slot) not in taken, f"{person} has two meetings in {slot}"
            taken.add((person, slot))
            assert person not in available or slot in available[person]
    assert set(result.slot_of) | set(result.unplaced) == set(by_id)
    assert not set(result.slot_of) & set(result.unplaced)


def brute_force(meetings, slots, available):
    best = 0
    options = [None, *slots]
    for choice in itertools.product(options, repeat=len(meetings)):
        taken = set()
        ok = True
        for meeting, slot in zip(meetings, choice, strict=True):
            if slot is None:
                continue
            for person in (meeting.a, meeting.b):
                if (person, slot) in taken or (person in available and slot not in available[person]):
                    ok = False
                    break
                taken.add((person, slot))
            if not ok:
                break
        if ok:
            best = max(best, sum(1 for slot in choice if slot is not None))
    return best


def random_instance(rng, people, meetings, slots, availability=0.0):
    all_pairs = list(itertools.combinations(range(people), 2))
    pairs = rng.sample(all_pairs, min(meetings, len(all_pairs)))
    available = {
        p: set(rng.sample(range(slots), rng.randint(1, slots))) for p in range(people) if rng.random() < availability
    }
    return [Meeting(i, a, b) for i, (a, b) in enumerate(pairs)], list(range(slots)), available


@pytest.mark.parametrize("seed", range(40))
def test_small_instances_place_as_many_meetings_as_brute_force(seed):
    rng = random.Random(seed)
    meetings, slots, available = random_instance(
        rng, people=rng.randint(3, 6), meetings=rng.randint(2, 7), slots=rng.randint(1, 3), availability=0.4
    )
    result = schedule(meetings, slots, available)
    assert_valid(result, meetings, slots, available)
    assert result.placed == brute_force(meetings, slots, available)


def test_a_triangle_in_two_slots_places_two_meetings_and_says_which_is_left():
    meetings = [Meeting("ab", "A", "B"), Meeting("bc", "B", "C"), Meeting("ca", "C", "A")]
    result = schedule(meetings, ["09:00", "09:20"])
    assert result.placed == 2 and len(result.unplaced) == 1
    assert_valid(result, meetings, ["09:00", "09:20"])


def test_a_participant_available_in_no_common_slot_gets_no_meeting():
    meetings = [Meeting(1, "A", "B")]
    result = schedule(meetings, [1, 2], {"A": {1}, "B": {2}})
    assert result.placed == 0 and result.unplaced == [1]


def test_nothing_to_schedule():
    assert schedule([], [1, 2]).placed == 0


def test_the_repair_step_frees_a_slot_that_greedy_placement_blocked():
    # A path a-b-c-d in two slots where a-b sits in slot 1 and c-d in slot 2: b-c has no common free slot until the
    # chain swap moves c-d to slot 1 (and nothing else), which frees slot 2 for b-c.
    from collections import defaultdict

    from klusterplattform.matchmaking.scheduling import _Problem

    ab, cd, bc = Meeting("ab", "a", "b"), Meeting("cd", "c", "d"), Meeting("bc", "b", "c")
    problem = _Problem([ab, cd, bc], [1, 2], {})
    at, slot_of = defaultdict(dict), {}
    problem._place(ab, 1, at, slot_of)
    problem._place(cd, 2, at, slot_of)
    assert problem._free_slot(bc, at) is None
    assert problem._repair(bc, at, slot_of)
    assert slot_of == {"ab": 1, "cd": 1, "bc": 2}


def test_a_large_event_is_valid_and_places_all_that_degrees_allow():
    rng = random.Random(2026)
    meetings, slots, _ = random_instance(rng, people=120, meetings=400, slots=12)
    result = schedule(meetings, slots)
    assert_valid(result, meetings, slots)
    # Nobody can have more meetings than slots, so at least the meetings beyond each person's 12 stay out; the
    # heuristic must come within 2 % of that bound.
    degree = {}
    for m in meetings:
        degree[m.a] = degree.get(m.a, 0) + 1
        degree[m.b] = degree.get(m.b, 0) + 1
    excess = sum(max(0, d - len(slots)) for d in degree.values())
    assert result.placed >= (len(meetings) - excess) * 0.98


def test_the_same_input_gives_the_same_schedule():
    rng = random.Random(7)
    meetings, slots, available = random_instance(rng, people=40, meetings=120, slots=8, availability=0.2)
    assert schedule(meetings, slots, available).slot_of == schedule(meetings, slots, available).slot_of
