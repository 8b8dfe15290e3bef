"""iCalendar (RFC 5545) files of activities: the public programme feed, a cluster's token feed, one activity.

Each activity is one VEVENT whose UID never changes (`activity-<pk>@<host>`), so a calendar program that fetches a
feed again updates the event instead of adding a copy; SEQUENCE grows with every change of the activity (seconds
since 2020 of `updated_at`), which makes programs accept the newer version. Times are written in the activity's
own time zone (DTSTART;TZID=America/New_York:…) with the matching VTIMEZONE, so the event stays right across
daylight-saving changes. Text is in the active language; the icalendar library escapes commas, semicolons and
line breaks.
"""

import datetime
from urllib.parse import urlparse

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from icalendar import Calendar, Event, vText

CONTENT_TYPE = "text/calendar; charset=utf-8"
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", None, ""}


def base_url() -> str:
    """Where the platform is reached from outside (for links in e-mails and calendar files)."""
    return getattr(settings, "KP_BASE_URL", "http://127.0.0.1:8000").rstrip("/")


def uid_host() -> str:
    host = urlparse(base_url()).hostname
    return "klusterplattform" if host in LOCAL_HOSTS else host


def uid(activity) -> str:
    return f"activity-{activity.pk}@{uid_host()}"


def sequence(activity) -> int:
    updated = activity.updated_at or activity.created_at or SEQUENCE_EPOCH
    return max(0, int((updated - SEQUENCE_EPOCH).total_seconds()))


def activity_path(activity) -> str:
    try:
        return activity.get_absolute_url()
    except NoReverseMatch:  # the activity pages are not installed (e.g. a trimmed test URLconf)
        return f"/aktiviteter/{activity.pk}/"


def absolute(path: str, request=None) -> str:
    return request.build_absolute_uri(path) if request is not None else base_url() + path


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Klusterplattform//Activities//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # X-WR-CALNAME is not in RFC 5545, so icalendar would write it raw: as text it is escaped like SUMMARY.
    calendar.add("x-wr-calname", vText(name))
    return calendar


def event(activity, *, request=None, note: str = "", stamp=None) -> Event:
    """One VEVENT; `note` (e.g. the cluster's registrations) goes first in the description."""
    url = absolute(activity_path(activity), request)
    parts = [note, activity.description]
    if activity.organiser:
        parts.append(_("Organiser: %(name)s") % {"name": activity.organiser})
    if activity.online_url:
        parts.append(_("Online: %(link)s") % {"link": activity.online_url})
    parts.append(_("More information and registration: %(link)s") % {"link": url})
    item = Event()
    item.add("uid", uid(activity))
    item.add("dtstamp", stamp or timezone.now())
    item.add("dtstart", activity.local_start)
    item.add("dtend", activity.local_end)
    item.add("summary", activity.title)
    item.add("description", "\n\n".join(part for part in parts if part))
    location = activity.place or activity.online_url
    if location:
        item.add("location", location)
    item.add("url", url)
    item.add("sequence", sequence(activity))
    if activity.updated_at:
        item.add("last-modified", activity.updated_at)
    return item


def to_ical(calendar: Calendar, first=None, last=None) -> bytes:
    """The file, with a VTIMEZONE for every zone used; its rules cover the years of the events (from the year before
    the first to the year after the last), which keeps a feed small."""
    first = datetime.date((first or timezone.now()).year - 1, 1, 1)
    last = datetime.date((last or timezone.now()).year + 2, 1, 1)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def activities_calendar(name: str, activities, *, request=None, notes: dict | None = None) -> bytes:
    """A calendar of the activities; `notes` maps an activity's pk to a line for its description."""
    calendar = new_calendar(name)
    stamp = timezone.now()
    first = last = None
    for activity in activities:
        calendar.add_component(event(activity, request=request, note=(notes or {}).get(activity.pk, ""), stamp=stamp))
        first = min(first or activity.starts_at, activity.starts_at)
        last = max(last or activity.ends_at, activity.ends_at)
    return to_ical(calendar, first, last)


def registrations_note(confirmed: int, waiting: int) -> str:
    """What a cluster's feed says about its own registrations for an activity ("" when it has none)."""
    if not confirmed and not waiting:
        return ""
    people = ngettext("%(count)d person", "%(count)d people", confirmed) % {"count": confirmed}
    if waiting:
        queue = ngettext("%(count)d on the waiting list", "%(count)d on the waiting list", waiting) % {"count": waiting}
        return _("Registered: %(people)s, %(waiting)s") % {"people": people, "waiting": queue}
    return _("Registered: %(people)s") % {"people": people}
