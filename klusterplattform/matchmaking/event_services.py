"""Writes of matchmaking events: joining and the profile, meeting slots, meeting requests and their answers, the
scheduler run and the outcomes. Each step checks who may take it (PermissionError: a 403) and whether the state
allows it (services.Refused with a `code`, a 409 in the API), writes in one transaction, and leaves the audit trail
to the model signals (bulk writes of the scheduler record theirs with audit.record_many).

States of a meeting request (MeetingStatus): pending → accepted | declined (the invitee answers), pending | accepted
→ withdrawn (the requester). Placement (slot, table) belongs to accepted meetings only and is the scheduler's.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import AuditAction

from .choices import MeetingOutcome, MeetingStatus
from .event_permissions import manages, may_join, may_record_outcome, participant_of
from .models import EventParticipant, MeetingRequest, MeetingSlot, ScheduleRun
from .permissions import managed_cluster_ids
from .scheduling import Meeting, schedule
from .services import Refused

ACTIVE = (MeetingStatus.PENDING, MeetingStatus.ACCEPTED)
MAX_SLOTS, MIN_MINUTES, MAX_MINUTES = 200, 5, 480


def refuse(code: str, message: str) -> Refused:
    error = Refused(message)
    error.code = code
    return error


def _require_manager(user, event):
    if not manages(user, event):
        raise PermissionError(_("Only officers set up and schedule matchmaking events."))


def _locked_event(event):
    """Serialises the writes of one event (scheduling, slots) on its activity row."""
    return type(event).objects.select_for_update().get(pk=event.pk)


def _not_ended(event, code="ended"):
    if event.has_ended():
        raise refuse(code, _("The event has ended."))


def _unplace(meetings) -> int:
    """Clear slot and table of the given meetings (a queryset), recording each change; the count cleared."""
    placed = list(meetings.exclude(slot__isnull=True, table__isnull=True).only("pk", "slot", "table"))
    for meeting in placed:
        changes = {"slot_id": [meeting.slot_id, None], "table": [meeting.table, None]}
        meeting.slot_id = meeting.table = None
        meeting._audit_changes = changes
    MeetingRequest.objects.bulk_update(placed, ["slot", "table"])
    _record([(m, AuditAction.UPDATE, m._audit_changes) for m in placed])
    return len(placed)


def _record(entries):
    if entries and audit.is_tracked(MeetingRequest):
        audit.record_many(entries)


def _renumber(slot_ids):
    """Tables 1..n again within each slot, in the order of the meetings' ids."""
    changed = []
    for slot_id in {s for s in slot_ids if s is not None}:
        for table, meeting in enumerate(MeetingRequest.objects.filter(slot_id=slot_id).order_by("pk"), start=1):
            if meeting.table != table:
                changed.append((meeting, AuditAction.UPDATE, {"table": [meeting.table, table]}))
                meeting.table = table
    MeetingRequest.objects.bulk_update([m for m, _a, _c in changed], ["table"])
    _record(changed)


# Joining and the profile ------------------------------------------------------------------------------------------


@transaction.atomic
def join(user, event, *, organisation_name, offer="", seek="", cluster=None, unavailable=None) -> EventParticipant:
    """Join `event`, or change one's profile there: organisation, offer, seek, the cluster (one the user manages)
    and the slots the participant cannot meet in (meetings already placed in those slots lose their place)."""
    participant = participant_of(user, event)
    if participant is None:
        if not may_join(user, event):
            raise PermissionError(_("Only people with a confirmed registration for the event join it."))
        _not_ended(event)
        participant = EventParticipant(activity=event, user=user)
    if cluster is not None and cluster.pk not in managed_cluster_ids(user):
        raise PermissionError(_("You may name only a cluster organisation you manage."))
    if not organisation_name.strip():
        raise refuse("organisation", _("Name your organisation."))
    participant.organisation_name = organisation_name.strip()
    participant.offer, participant.seek, participant.cluster = offer.strip(), seek.strip(), cluster
    participant.save()
    if unavailable is not None:
        slots = list(unavailable)
        if any(slot.activity_id != event.pk for slot in slots):
            raise refuse("slot", _("Choose slots of this event."))
        participant.unavailable_slots.set(slots)
        mine = MeetingRequest.objects.filter(activity=event, status=MeetingStatus.ACCEPTED, slot__in=slots)
        clashes = mine.filter(requester=participant) | mine.filter(invitee=participant)
        freed = set(clashes.values_list("slot_id", flat=True))
        if _unplace(MeetingRequest.objects.filter(pk__in=clashes.values("pk"))):
            _renumber(freed)
    return participant


# Slots --------------------------------------------------------------------------------------------------------------


def slot_times(first_start, minutes: int, count: int, break_after=None, break_minutes: int = 0):
    """(start, end) of each slot: `count` slots of `minutes`, back to back, with a break after slot `break_after`."""
    times, start = [], first_start
    for number in range(1, count + 1):
        end = start + datetime.timedelta(minutes=minutes)
        times.append((start, end))
        start = end + datetime.timedelta(minutes=break_minutes if number == break_after else 0)
    return times


@transaction.atomic
def set_up_slots(user, event, *, first_start, minutes, count, break_after=None, break_minutes=0, replace=True):
    """Create the event's slots (`first_start` is aware; a naive one is read in the event's time zone). With
    `replace` the old slots go; without, the new ones must not overlap them. Slots lie within the event's time.
    Any change clears every placement: the officer runs the scheduler again. Returns the new slots."""
    _require_manager(user, event)
    event = _locked_event(event)
    _not_ended(event)
    if timezone.is_naive(first_start):
        first_start = timezone.make_aware(first_start, event.zone)
    if not (MIN_MINUTES <= minutes <= MAX_MINUTES and 1 <= count <= MAX_SLOTS):
        raise refuse("slot_size", _("Slots last 5 to 480 minutes, and an event has 1 to 200 slots."))
    if break_after is not None and not (1 <= break_after < count and MIN_MINUTES <= break_minutes <= MAX_MINUTES):
        raise refuse("break", _("A break comes after one of the slots but the last, and lasts 5 to 480 minutes."))
    times = slot_times(first_start, minutes, count, break_after, break_minutes)
    if times[0][0] < event.starts_at or times[-1][1] > event.ends_at:
        raise refuse("outside", _("The slots must lie within the event's time."))
    existing = MeetingSlot.objects.filter(activity=event)
    if not replace and any(existing.filter(starts_at__lt=end, ends_at__gt=start).exists() for start, end in times):
        raise refuse("overlap", _("The new slots overlap slots the event already has."))
    _unplace(MeetingRequest.objects.filter(activity=event))
    if replace:
        for slot in existing:
            slot.delete()
    return [MeetingSlot.objects.create(activity=event, starts_at=start, ends_at=end) for start, end in times]


# Meeting requests ---------------------------------------------------------------------------------------------------


@transaction.atomic
def request_meeting(user, event, invitee: EventParticipant, message: str = "") -> MeetingRequest:
    requester = participant_of(user, event)
    if requester is None:
        raise PermissionError(_("Join the event before you request meetings."))
    _not_ended(event)
    if invitee.activity_id != event.pk:
        raise refuse("invitee", _("Choose a participant of this event."))
    if invitee.pk == requester.pk:
        raise refuse("self", _("You cannot request a meeting with yourself."))
    pair = MeetingRequest.objects.select_for_update().filter(activity=event)
    same = pair.filter(requester=requester, invitee=invitee).first()
    reverse = pair.filter(requester=invitee, invitee=requester, status__in=ACTIVE).exists()
    if reverse or (same and same.status != MeetingStatus.WITHDRAWN):
        raise refuse("exists", _("There is already a meeting request between you and %(name)s.") % {"name": invitee})
    meeting = same or MeetingRequest(activity=event, requester=requester, invitee=invitee)
    meeting.message, meeting.status, meeting.decided_at = message.strip(), MeetingStatus.PENDING, None
    meeting.save()
    return meeting


def _meeting_for_update(meeting) -> MeetingRequest:
    return MeetingRequest.objects.select_for_update().select_related("activity").get(pk=meeting.pk)


@transaction.atomic
def decide(user, meeting, accept: bool) -> MeetingRequest:
    meeting = _meeting_for_update(meeting)
    participant = participant_of(user, meeting.activity)
    if participant is None or participant.pk != meeting.invitee_id:
        raise PermissionError(_("Only the invited participant answers a meeting request."))
    _not_ended(meeting.activity)
    if meeting.status != MeetingStatus.PENDING:
        raise refuse("answered", _("This meeting request has already been answered or withdrawn."))
    meeting.status = MeetingStatus.ACCEPTED if accept else MeetingStatus.DECLINED
    meeting.decided_at = timezone.now()
    meeting.save(update_fields=["status", "decided_at"])
    return meeting


@transaction.atomic
def withdraw(user, meeting) -> MeetingRequest:
    """The requester withdraws a pending or accepted request; a placed meeting frees its slot."""
    _locked_event(meeting.activity)  # not while the scheduler places this event's meetings
    meeting = _meeting_for_update(meeting)
    participant = participant_of(user, meeting.activity)
    if participant is None or participant.pk != meeting.requester_id:
        raise PermissionError(_("Only the participant who made a meeting request withdraws it."))
    _not_ended(meeting.activity)
    if meeting.status not in ACTIVE:
        raise refuse("closed", _("This meeting request is already declined or withdrawn."))
    slot_id = meeting.slot_id
    meeting.status, meeting.slot, meeting.table = MeetingStatus.WITHDRAWN, None, None
    meeting.save(update_fields=["status", "slot", "table"])
    _renumber([slot_id])
    return meeting


# Scheduling and outcomes --------------------------------------------------------------------------------------------


@transaction.atomic
def run_scheduler(user, event) -> ScheduleRun:
    """Place every accepted meeting of the event into its slots (scheduling.schedule): nobody twice in a slot, nobody
    in a slot they cannot meet in, as many meetings as possible; tables 1..n within each slot. Replaces the placements
    of an earlier run."""
    _require_manager(user, event)
    event = _locked_event(event)
    slots = list(MeetingSlot.objects.filter(activity=event).order_by("starts_at", "pk"))
    if not slots:
        raise refuse("no_slots", _("Set up the event's meeting slots first."))
    meetings = list(MeetingRequest.objects.filter(activity=event, status=MeetingStatus.ACCEPTED).order_by("pk"))
    slot_ids = [slot.pk for slot in slots]
    available = {}
    through = EventParticipant.unavailable_slots.through
    for row in through.objects.filter(eventparticipant__activity=event).values("eventparticipant_id", "meetingslot_id"):
        available.setdefault(row["eventparticipant_id"], set(slot_ids)).discard(row["meetingslot_id"])
    result = schedule([Meeting(m.pk, m.requester_id, m.invitee_id) for m in meetings], slot_ids, available)
    _unplace(MeetingRequest.objects.filter(activity=event))
    tables: dict = {}
    entries = []
    for meeting in meetings:
        slot_id = result.slot_of.get(meeting.pk)
        if slot_id is not None:
            tables[slot_id] = tables.get(slot_id, 0) + 1
            meeting.slot_id, meeting.table = slot_id, tables[slot_id]
            entries.append((meeting, AuditAction.UPDATE, {"slot_id": [None, slot_id], "table": [None, meeting.table]}))
    MeetingRequest.objects.bulk_update([m for m, _a, _c in entries], ["slot", "table"])
    _record(entries)
    return ScheduleRun.objects.create(activity=event, run_by=user, placed=result.placed, unplaced=len(result.unplaced))


def outcome_open(meeting, now=None) -> bool:
    """An outcome is recorded once the meeting's slot has started, or once the event has ended."""
    now = now or timezone.now()
    started = meeting.slot is not None and meeting.slot.starts_at <= now
    return started or meeting.activity.has_ended(now)


@transaction.atomic
def record_outcome(user, meeting, outcome: str, note: str = "") -> MeetingRequest:
    meeting = (
        MeetingRequest.objects.select_for_update(of=("self",)).select_related("activity", "slot").get(pk=meeting.pk)
    )
    if not may_record_outcome(user, meeting):
        raise PermissionError(_("Only the two sides of a meeting and officers record its outcome."))
    if meeting.status != MeetingStatus.ACCEPTED:
        raise refuse("not_accepted", _("Only an accepted meeting has an outcome."))
    if not outcome_open(meeting):
        raise refuse("too_early", _("Record the outcome once the meeting has started."))
    if outcome not in MeetingOutcome.values or outcome == MeetingOutcome.UNKNOWN:
        raise refuse("outcome", _("Choose an outcome."))
    meeting.outcome, meeting.outcome_note = outcome, note.strip()
    meeting.outcome_recorded_at, meeting.outcome_recorded_by = timezone.now(), user
    meeting.save(update_fields=["outcome", "outcome_note", "outcome_recorded_at", "outcome_recorded_by"])
    return meeting
