"""Schemas of the activities API (activities.py): queries, answers and bodies."""

import datetime
import re
from typing import Annotated

from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict

from ..choices import ActivityType


def _iso_day(value):
    """Only YYYY-MM-DD: pydantic would otherwise read a number as seconds since 1970 (the schema says a date)."""
    if not isinstance(value, datetime.date) and not (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        raise ValueError("Expected a date as YYYY-MM-DD.")
    return value


def _iso_time(value):
    """Only ISO 8601 text, as the schema says: not a number of seconds."""
    if not isinstance(value, datetime.datetime) and not (
        isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value)
    ):
        raise ValueError("Expected a date and time as YYYY-MM-DDTHH:MM[:SS][offset].")
    return value


IsoDay = Annotated[datetime.date, BeforeValidator(_iso_day)]
IsoTime = Annotated[datetime.datetime, BeforeValidator(_iso_time)]


class ActivityQuery(Schema):
    programme: str | None = Field(None, description="A programme's slug.")
    type: ActivityType | None = Field(None, description="The kind of activity.")
    focus_area: str | None = Field(None, description="A focus area's code.")
    starts_from: IsoDay | None = Field(None, alias="from", description="Only activities ending on or after.")
    starts_to: IsoDay | None = Field(None, alias="to", description="Only activities starting on or before.")
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class ActivityOut(Schema):
    id: int
    programme: str = Field(description="The programme's slug.")
    type: str
    focus_areas: list[str] = Field(description="Focus area codes.")
    title: str = Field(description="The title in the request language.")
    title_sv: str
    title_en: str
    description_sv: str
    description_en: str
    starts_at: datetime.datetime = Field(description="UTC.")
    ends_at: datetime.datetime = Field(description="UTC.")
    time_zone: str = Field(description="The zone the activity happens in, e.g. Europe/Stockholm.")
    local_start: datetime.datetime = Field(description="The start in the activity's time zone.")
    local_end: datetime.datetime = Field(description="The end in the activity's time zone.")
    registration_deadline: datetime.datetime | None = Field(description="UTC; null: open until the start.")
    registration_open: bool
    place: str
    online_url: str
    capacity: int | None = Field(description="Null for no limit.")
    confirmed: int = Field(description="Seats taken.")
    seats_left: int | None = Field(description="Null for no limit.")
    waiting: int = Field(description="People on the waiting list.")
    organiser: str
    is_published: bool
    url: str = Field(description="The activity's page.")


class ActivityPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ActivityOut]


def _leave_out_default(schema: dict) -> None:
    schema.pop("default", None)  # absent means "unchanged"


def _optional(description: str):
    return Field(None, description=description, json_schema_extra=_leave_out_default)


class ActivityPatchIn(Schema):
    """The fields to change; every other field keeps its value."""

    model_config = ConfigDict(extra="forbid")

    programme: str = _optional("A programme's slug.")
    type: ActivityType = _optional("The kind of activity.")
    focus_areas: list[str] = _optional("Focus area codes of the programme; replaces the list.")
    title_sv: str = _optional("Title in Swedish (at most 200 characters).")
    title_en: str = _optional("Title in English (at most 200 characters).")
    description_sv: str = _optional("Description in Swedish.")
    description_en: str = _optional("Description in English.")
    time_zone: str = _optional("An IANA time zone, e.g. Europe/Stockholm.")
    starts_at: IsoTime = _optional("Without an offset: local time in time_zone.")
    ends_at: IsoTime = _optional("After the start. Without an offset: local time in time_zone.")
    registration_deadline: IsoTime | None = _optional("Before the end; null: open until the start.")
    place: str = _optional("Where it happens; a place or an online link is required.")
    online_url: str = _optional("An http(s) address.")
    capacity: int | None = Field(
        None, ge=0, description="Seats; null for no limit.", json_schema_extra=_leave_out_default
    )
    organiser: str = _optional("Who organises it.")
    is_published: bool = _optional("Published or not.")


class ActivityIn(ActivityPatchIn):
    programme: str = Field(description="A programme's slug.")
    type: ActivityType
    title_sv: str
    title_en: str
    starts_at: IsoTime = Field(description="Without an offset: local time in time_zone.")
    ends_at: IsoTime = Field(description="After the start. Without an offset: local time in time_zone.")


class PersonIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=254)


class RegistrationIn(Schema):
    model_config = ConfigDict(extra="forbid")

    cluster: str = Field(description="The slug of a participating cluster organisation.")
    people: list[PersonIn] = Field(min_length=1, max_length=100)


class RegistrationOut(Schema):
    id: int
    cluster: str = Field(description="The cluster's slug.")
    name: str
    email: str
    status: str = Field(description="confirmed, waiting or cancelled.")
    position: int | None = Field(description="Place in the waiting list (1 = next), for waiting registrations.")
    queued_at: datetime.datetime
    promoted_at: datetime.datetime | None
    cancelled_at: datetime.datetime | None
    attended: bool | None
