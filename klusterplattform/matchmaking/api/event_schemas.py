"""Schemas of the matchmaking-event API (events.py)."""

import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from .schemas import MAX_ID, NO_NULL

OutcomeCode = Literal["none", "follow_up", "letter_of_intent", "cooperation", "not_held"]


class EventParticipantOut(Schema):
    id: int
    organisation_name: str
    cluster: str | None = Field(description="The slug of the cluster organisation named, if any.")
    offer: str
    seek: str
    is_me: bool = Field(description="Whether this is the caller's own participation.")


class MeetingSideOut(Schema):
    id: int = Field(description="The participant's id.")
    organisation_name: str


class MeetingSlotOut(Schema):
    id: int
    starts_at: datetime.datetime = Field(description="In UTC.")
    ends_at: datetime.datetime = Field(description="In UTC.")
    local_start: str = Field(description="The start in the event's time zone, YYYY-MM-DDTHH:MM.")


class EventMeetingOut(Schema):
    id: int
    event: int = Field(description="The activity's id.")
    requester: MeetingSideOut
    invitee: MeetingSideOut
    message: str
    status: str = Field(description="pending, accepted, declined or withdrawn.")
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    slot: MeetingSlotOut | None = Field(description="Set by the scheduler for accepted meetings it placed.")
    table: int | None = Field(description="The table number within the slot (1..n).")
    outcome: str = Field(description="Empty (not recorded), none, follow_up, letter_of_intent, cooperation, not_held.")
    outcome_note: str


class EventMeetingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    invitee: int = Field(ge=1, le=MAX_ID, description="The id of another participant of the event.")
    message: str = Field("", max_length=2000, pattern=NO_NULL, description="To the invitee.")


class EventMeetingDecisionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    accept: bool = Field(description="true: accept the request; false: decline it.")


class EventMeetingOutcomeIn(Schema):
    model_config = ConfigDict(extra="forbid")

    outcome: OutcomeCode = Field(description="What followed the meeting.")
    note: str = Field("", max_length=2000, pattern=NO_NULL)


class AgendaMeetingOut(Schema):
    meeting: int
    other: MeetingSideOut
    slot: MeetingSlotOut | None
    table: int | None


class EventAgendaOut(Schema):
    event: int
    title: str
    time_zone: str = Field(description="The event's time zone; local_start values are in it.")
    participant: MeetingSideOut
    meetings: list[AgendaMeetingOut] = Field(description="Placed meetings in time order.")
    unplaced: list[AgendaMeetingOut] = Field(description="Accepted meetings the scheduler has not placed.")


class ScheduleRunOut(Schema):
    event: int
    run_at: datetime.datetime
    placed: int
    unplaced: int
