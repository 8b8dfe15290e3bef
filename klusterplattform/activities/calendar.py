"""iCalendar (RFC 5545) files of activities: the public programme feed, a cluster's token feed, one activity.

Each activity is one VEVENT whose UID never changes (`activity-<pk>@<host>`), so a calendar program that fetches a
feed again updates the event instead of adding a copy; SEQUENCE grows with every change of the activity (seconds
since 2020 of `updated_at`), which makes programs accept the newer version. Times are written in the activity's
own time zone (DTSTART;TZID=America/New_York:…) with the matching VTIMEZONE, so the event stays right across
daylight-saving changes. Text is in the active language; the icalendar library escapes commas, semicolons and
line breaks.
"""

from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from icalendar import Calendar, Event

# The generic pieces live in core/ical.py; base_url and CONTENT_TYPE stay importable from here.
from klusterplattform.core.ical import (  # noqa: F401
    CONTENT_TYPE,
    absolute,
    base_url,
    sequence,
    to_ical,
    uid_host,
)
from klusterplattform.core.ical import new_calendar as _new_calendar


def uid(activity) -> str:
    return f"activity-{activity.pk}@{uid_host()}"


def activity_path(activity) -> str:
    try:
        return activity.get_absolute_url()
    except NoReverseMatch:  # the activity pages are not installed (e.g. a trimmed test URLconf)
        return f"/aktiviteter/{activity.pk}/"


def new_calendar(name: str) -> Calendar:
    return _new_calendar(name, "Activities")


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
