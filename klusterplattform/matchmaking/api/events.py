"""Matchmaking events in the API: participants, meeting requests and their answers, outcomes, my agenda, and the
officers' scheduler run.

Every endpoint needs a token or a signed-in session (401 without). An activity that is not a matchmaking event, or
one the caller does not see, is a 404, as is a meeting the caller is neither side of (officers see all). A caller
who sees the event but may not take the step gets 403 (not a participant, not the invitee, not an officer); a step
the state does not allow (a request that exists already, answering twice, an outcome before the meeting) is a 409
with the reason. Writes go through event_services.py.
"""

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Router, Status

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut

from .. import event_services as services
from ..agenda import agenda_for
from ..event_permissions import event_or_404, manages, may_record_outcome, may_see_participants, participant_of
from ..models import EventParticipant, MeetingRequest
from .event_schemas import (
    EventAgendaOut,
    EventMeetingDecisionIn,
    EventMeetingIn,
    EventMeetingOut,
    EventMeetingOutcomeIn,
    EventParticipantOut,
    ScheduleRunOut,
)
from .schemas import MAX_ID

router = Router()

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
STEP = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: FieldErrorsOut}
PARTICIPANTS_ONLY = _("Only the event's participants and officers see this.")
NOT_JOINED = _("Join the event first: this is for its participants.")


def side(participant) -> dict:
    return {"id": participant.pk, "organisation_name": participant.organisation_name}


def slot_data(slot, event) -> dict | None:
    if slot is None:
        return None
    local = timezone.localtime(slot.starts_at, event.zone)
    return {
        "id": slot.pk,
        "starts_at": slot.starts_at,
        "ends_at": slot.ends_at,
        "local_start": f"{local:%Y-%m-%dT%H:%M}",
    }


def meeting_data(meeting, event) -> dict:
    return {
        "id": meeting.pk,
        "event": event.pk,
        "requester": side(meeting.requester),
        "invitee": side(meeting.invitee),
        **{name: getattr(meeting, name) for name in ("message", "status", "created_at", "decided_at", "table")},
        "slot": slot_data(meeting.slot, event),
        "outcome": meeting.outcome,
        "outcome_note": meeting.outcome_note,
    }


def _meetings(event):
    return (
        MeetingRequest.objects.filter(activity=event)
        .select_related("requester", "invitee", "slot", "activity")
        .order_by("created_at", "pk")
    )


def _visible_meeting(user, meeting_id: int) -> MeetingRequest:
    meeting = None
    if 0 < meeting_id <= MAX_ID:
        meeting = MeetingRequest.objects.select_related("requester", "invitee", "slot", "activity").filter(
            pk=meeting_id
        )
        meeting = meeting.first()
    if meeting is None:
        raise Http404
    event_or_404(user, meeting.activity_id)  # the event must be visible too
    if not may_record_outcome(user, meeting):
        raise Http404
    return meeting


@router.get(
    "/events/{activity_id}/participants",
    auth=token_or_session,
    response={200: list[EventParticipantOut], **READ},
    summary="Participants of a matchmaking event",
)
@in_request_language
def list_participants(request, activity_id: int):
    """Who takes part and what they offer and seek: for the event's participants and officers (403 for others who
    see the event)."""
    user = request.auth
    event = event_or_404(user, activity_id)
    if not may_see_participants(user, event):
        return Status(403, {"detail": str(PARTICIPANTS_ONLY)})
    participants = EventParticipant.objects.filter(activity=event).select_related("cluster")
    return [
        {
            **side(p),
            "cluster": p.cluster.slug if p.cluster else None,
            "offer": p.offer,
            "seek": p.seek,
            "is_me": p.user_id == user.pk,
        }
        for p in participants
    ]


@router.get(
    "/events/{activity_id}/meetings",
    auth=token_or_session,
    response={200: list[EventMeetingOut], **READ},
    summary="Meetings at a matchmaking event",
)
@in_request_language
def list_meetings(request, activity_id: int):
    """The caller's meeting requests, made and received, oldest first; officers get every request of the event."""
    user = request.auth
    event = event_or_404(user, activity_id)
    meetings = _meetings(event)
    if not manages(user, event):
        participant = participant_of(user, event)
        if participant is None:
            return Status(403, {"detail": str(PARTICIPANTS_ONLY)})
        meetings = meetings.filter(Q(requester=participant) | Q(invitee=participant))
    return [meeting_data(meeting, event) for meeting in meetings]


def _call(step, event):
    try:
        meeting = step()
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    except services.Refused as refused:
        return Status(409, {"detail": str(refused)})
    return meeting_data(_meetings(event).get(pk=meeting.pk), event)


@router.post(
    "/events/{activity_id}/meetings",
    auth=token_or_session,
    response={201: EventMeetingOut, **STEP},
    summary="Request a meeting",
)
@in_request_language
def request_meeting(request, activity_id: int, payload: EventMeetingIn):
    """A participant asks another participant (`invitee`, a participant id from /participants) for a meeting. 404:
    no such participant at this event; 403: the caller has not joined; 409: oneself, a request between the two
    exists already in either direction, or the event has ended."""
    user = request.auth
    event = event_or_404(user, activity_id)
    if participant_of(user, event) is None:
        return Status(403, {"detail": str(NOT_JOINED)})
    invitee = EventParticipant.objects.filter(activity=event, pk=payload.invitee).first()
    if invitee is None:
        raise Http404
    result = _call(lambda: services.request_meeting(user, event, invitee, payload.message), event)
    return result if isinstance(result, Status) else Status(201, result)


@router.post(
    "/event-meetings/{meeting_id}/decision",
    auth=token_or_session,
    response={200: EventMeetingOut, **STEP},
    summary="Accept or decline a meeting request",
)
@in_request_language
def decide_meeting(request, meeting_id: int, payload: EventMeetingDecisionIn):
    """The invitee answers a pending request (403 for the requester and officers; 409 once answered or withdrawn)."""
    meeting = _visible_meeting(request.auth, meeting_id)
    return _call(lambda: services.decide(request.auth, meeting, payload.accept), meeting.activity)


@router.post(
    "/event-meetings/{meeting_id}/withdraw",
    auth=token_or_session,
    response={200: EventMeetingOut, **STEP},
    summary="Withdraw a meeting request",
)
@in_request_language
def withdraw_meeting(request, meeting_id: int):
    """The requester withdraws a pending or accepted request; a placed meeting frees its slot (403 for the invitee
    and officers; 409 when it is declined or already withdrawn)."""
    meeting = _visible_meeting(request.auth, meeting_id)
    return _call(lambda: services.withdraw(request.auth, meeting), meeting.activity)


@router.post(
    "/event-meetings/{meeting_id}/outcome",
    auth=token_or_session,
    response={200: EventMeetingOut, **STEP},
    summary="Record what followed a meeting",
)
@in_request_language
def record_outcome(request, meeting_id: int, payload: EventMeetingOutcomeIn):
    """Either side or an officer, for an accepted meeting whose slot has started (or once the event has ended);
    recording again replaces the outcome (409 before that, or for a meeting that is not accepted)."""
    meeting = _visible_meeting(request.auth, meeting_id)
    step = lambda: services.record_outcome(request.auth, meeting, payload.outcome, payload.note)  # noqa: E731
    return _call(step, meeting.activity)


@router.get(
    "/events/{activity_id}/agenda",
    auth=token_or_session,
    response={200: EventAgendaOut, **READ},
    summary="My agenda at a matchmaking event",
)
@in_request_language
def my_agenda(request, activity_id: int):
    """The caller's placed meetings in time order, and apart from them the accepted ones not placed yet (403 for
    someone who has not joined)."""
    event = event_or_404(request.auth, activity_id)
    participant = participant_of(request.auth, event)
    if participant is None:
        return Status(403, {"detail": str(NOT_JOINED)})
    agenda = agenda_for(participant)

    def item(entry):
        meeting = entry.meeting
        return {
            "meeting": meeting.pk,
            "other": side(entry.other),
            "slot": slot_data(meeting.slot, event),
            "table": meeting.table,
        }

    return {
        "event": event.pk,
        "title": event.title,
        "time_zone": event.time_zone,
        "participant": side(participant),
        "meetings": [item(entry) for entry in agenda.placed],
        "unplaced": [item(entry) for entry in agenda.unplaced],
    }


@router.post(
    "/events/{activity_id}/schedule",
    auth=token_or_session,
    response={200: ScheduleRunOut, **STEP},
    summary="Run the scheduler of a matchmaking event",
)
@in_request_language
def run_schedule(request, activity_id: int):
    """Officers: place every accepted meeting in the event's slots, replacing earlier placements (409 when the event
    has no slots)."""
    event = event_or_404(request.auth, activity_id)
    try:
        run = services.run_scheduler(request.auth, event)
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    except services.Refused as refused:
        return Status(409, {"detail": str(refused)})
    return {"event": event.pk, "run_at": run.run_at, "placed": run.placed, "unplaced": run.unplaced}
