"""Meeting scheduling for matchmaking events: place accepted one-to-one meetings into time slots so that nobody has
two meetings in one slot and nobody meets outside the slots they are available in, placing as many meetings as
possible.

Placing meetings is edge colouring with a fixed number of colours (slots), NP-hard in general, so:
- small instances (up to `EXACT_LIMIT` meetings) are solved exactly by branch and bound: the result is optimal, which
  the tests check against brute force;
- larger ones are placed greedily, hardest meetings first (participants with many meetings, few available slots),
  and then each meeting left over is tried again by swapping two slots along an alternating chain of meetings
  (a Kempe chain, as in Misra–Gries edge colouring), which frees a slot for it without unplacing anyone.
  The greedy pass is repeated with the order perturbed (a seeded random tie-break, so still deterministic) for
  `RESTARTS` rounds or until every meeting is placed, keeping the best schedule: a few milliseconds each at 400
  meetings.
Deterministic: the same input gives the same schedule.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field

EXACT_LIMIT = 16
RESTARTS = 40


@dataclass(frozen=True)
class Meeting:
    id: object
    a: object
    b: object


@dataclass
class Schedule:
    slot_of: dict = field(default_factory=dict)  # meeting id → slot
    unplaced: list = field(default_factory=list)  # meeting ids

    @property
    def placed(self) -> int:
        return len(self.slot_of)


def schedule(meetings, slots, available=None) -> Schedule:
    """`meetings`: Meeting values (a ≠ b); `slots`: slot keys in time order; `available`: {participant: set of
    slots} for participants who are not available in every slot."""
    meetings = list(meetings)
    slots = list(slots)
    problem = _Problem(meetings, slots, {p: set(s) for p, s in (available or {}).items()})
    return problem.exact() if len(meetings) <= EXACT_LIMIT else problem.heuristic()


class _Problem:
    def __init__(self, meetings, slots, available):
        self.meetings = meetings
        self.slots = slots
        self.available = available
        self.by_id = {m.id: m for m in meetings}
        self.degree = defaultdict(int)
        for m in meetings:
            self.degree[m.a] += 1
            self.degree[m.b] += 1

    def can_meet(self, person, slot) -> bool:
        allowed = self.available.get(person)
        return allowed is None or slot in allowed

    def _order(self, rng: random.Random | None = None):
        def hardness(m):
            choices = sum(1 for s in self.slots if self.can_meet(m.a, s) and self.can_meet(m.b, s))
            jitter = rng.random() * 3 if rng else 0  # perturbs near-ties in later rounds
            return (choices + jitter, -(self.degree[m.a] + self.degree[m.b]), str(m.id))

        return sorted(self.meetings, key=hardness)

    # Exact -------------------------------------------------------------------------------------------------------
    def exact(self) -> Schedule:
        order = self._order()
        busy = defaultdict(set)  # person → slots taken
        current: dict = {}
        best: dict = {}

        def search(index):
            nonlocal best
            if len(current) + (len(order) - index) <= len(best):
                return  # cannot beat the best found
            if index == len(order):
                best = dict(current)
                return
            m = order[index]
            for slot in self.slots:
                if slot in busy[m.a] or slot in busy[m.b]:
                    continue
                if not (self.can_meet(m.a, slot) and self.can_meet(m.b, slot)):
                    continue
                busy[m.a].add(slot)
                busy[m.b].add(slot)
                current[m.id] = slot
                search(index + 1)
                del current[m.id]
                busy[m.a].discard(slot)
                busy[m.b].discard(slot)
                if len(best) == len(order):
                    return
            search(index + 1)  # leave this meeting out

        search(0)
        return Schedule(slot_of=best, unplaced=[m.id for m in order if m.id not in best])

    # Heuristic ---------------------------------------------------------------------------------------------------
    def heuristic(self) -> Schedule:
        rng = random.Random(0)
        best = self._greedy_with_repair(self._order())
        for _round in range(RESTARTS):
            if not best.unplaced:
                break
            candidate = self._greedy_with_repair(self._order(rng))
            if candidate.placed > best.placed:
                best = candidate
        return best

    def _greedy_with_repair(self, order) -> Schedule:
        at = defaultdict(dict)  # person → {slot: meeting id}
        slot_of: dict = {}
        left = []
        for m in order:
            slot = self._free_slot(m, at)
            if slot is None:
                left.append(m)
            else:
                self._place(m, slot, at, slot_of)
        still_left = []
        for m in left:
            flipped = Meeting(m.id, m.b, m.a)  # a chain from either end may free a slot
            if not (self._repair(m, at, slot_of) or self._repair(flipped, at, slot_of)):
                still_left.append(m.id)
        return Schedule(slot_of=slot_of, unplaced=still_left)

    def _free_slot(self, m, at):
        for slot in self.slots:
            if slot not in at[m.a] and slot not in at[m.b] and self.can_meet(m.a, slot) and self.can_meet(m.b, slot):
                return slot
        return None

    @staticmethod
    def _place(m, slot, at, slot_of):
        at[m.a][slot] = m.id
        at[m.b][slot] = m.id
        slot_of[m.id] = slot

    def _repair(self, m, at, slot_of) -> bool:
        """Free a slot for `m` by swapping slots s and t along the alternating chain that starts at m.b."""
        free_a = [s for s in self.slots if s not in at[m.a] and self.can_meet(m.a, s)]
        free_b = [t for t in self.slots if t not in at[m.b] and self.can_meet(m.b, t)]
        for s in free_a:
            if not self.can_meet(m.b, s):
                continue
            for t in free_b:
                if t == s:
                    continue
                chain = self._chain(m.b, s, t, at)
                if chain is None or any(m.a in (self.by_id[i].a, self.by_id[i].b) for i in chain):
                    continue
                if not self._swap_allowed(chain, s, t, slot_of):
                    continue
                self._swap(chain, s, t, at, slot_of)
                if s not in at[m.a] and s not in at[m.b]:
                    self._place(m, s, at, slot_of)
                    return True
        return False

    def _chain(self, start, s, t, at):
        """The meetings of the path from `start` alternating slots s, t, s, …; None if it loops back."""
        chain, person, want, seen = [], start, s, set()
        while want in at[person]:
            meeting_id = at[person][want]
            if meeting_id in seen:
                return None
            seen.add(meeting_id)
            chain.append(meeting_id)
            meeting = self.by_id[meeting_id]
            person = meeting.b if meeting.a == person else meeting.a
            want = t if want == s else s
        return chain

    def _swap_allowed(self, chain, s, t, slot_of) -> bool:
        for meeting_id in chain:
            meeting = self.by_id[meeting_id]
            new = t if slot_of[meeting_id] == s else s
            if not (self.can_meet(meeting.a, new) and self.can_meet(meeting.b, new)):
                return False
        return True

    def _swap(self, chain, s, t, at, slot_of):
        for meeting_id in chain:
            meeting = self.by_id[meeting_id]
            old = slot_of[meeting_id]
            for person in (meeting.a, meeting.b):
                if at[person].get(old) == meeting_id:
                    del at[person][old]
        for meeting_id in chain:
            meeting = self.by_id[meeting_id]
            new = t if slot_of[meeting_id] == s else s
            self._place(meeting, new, at, slot_of)
