"""The generic parts of iCalendar (RFC 5545) files, shared by the modules that publish calendars (activities,
funding deadlines): where the platform is reached from outside, the host part of event UIDs, a SEQUENCE that grows
with every change, an empty calendar with its header, the file with a VTIMEZONE per zone used, and the HTTP response.

Event UIDs are `<kind>-<pk>…@<host>` and never change, so a calendar program that fetches a feed again updates the
event instead of adding a copy; SEQUENCE is the seconds since 2020 of the object's `updated_at`, which makes
programs accept the newer version. Times are written in their own zone (DTSTART;TZID=America/New_York:…) with the
matching VTIMEZONE, so an event stays right across daylight-saving changes.
"""

import datetime
from urllib.parse import urlparse

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, vText

CONTENT_TYPE = "text/calendar; charset=utf-8"
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", None, ""}


def base_url() -> str:
    """Where the platform is reached from outside (for links in e-mails and calendar files)."""
    return getattr(settings, "KP_BASE_URL", "http://127.0.0.1:8000").rstrip("/")


def uid_host() -> str:
    host = urlparse(base_url()).hostname
    return "klusterplattform" if host in LOCAL_HOSTS else host


def sequence(obj) -> int:
    """Grows with every save of `obj` (its `updated_at`, else `created_at`)."""
    updated = getattr(obj, "updated_at", None) or getattr(obj, "created_at", None) or SEQUENCE_EPOCH
    return max(0, int((updated - SEQUENCE_EPOCH).total_seconds()))


def absolute(path: str, request=None) -> str:
    return request.build_absolute_uri(path) if request is not None else base_url() + path


def new_calendar(name: str, product: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//Klusterplattform//{product}//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # X-WR-CALNAME is not in RFC 5545, so icalendar would write it raw: as text it is escaped like SUMMARY.
    calendar.add("x-wr-calname", vText(name))
    return calendar


def to_ical(calendar: Calendar, first=None, last=None) -> bytes:
    """The file, with a VTIMEZONE for every zone used; its rules cover the years of the events (from the year before
    the first to the year after the last), which keeps a feed small."""
    first = datetime.date((first or timezone.now()).year - 1, 1, 1)
    last = datetime.date((last or timezone.now()).year + 2, 1, 1)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def ics_response(body: bytes, filename: str, attachment: bool = False) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
