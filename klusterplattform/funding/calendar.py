"""iCalendar (RFC 5545) files of funding-call deadlines: every open or forthcoming call, a cluster's bookmarks, one
call.

Every deadline is one VEVENT (a two-stage call has two, a call with cut-off dates one per cut-off) whose UID never
changes: `funding-<call pk>-<stage>-<n>@<host>`, n counting the deadlines of that stage in date order. SEQUENCE grows
with every change of the call (its `updated_at`). The event is the instant of the deadline: DTSTART in the zone the
funder states it in (DTSTART;TZID=Europe/Brussels:20271130T170000, with the matching VTIMEZONE) and no end, which
RFC 5545 reads as an event of no length; it is TRANSPARENT, so it does not make anyone look busy. Text is in the
active language; the call's own title stays as the funder wrote it.
"""

from collections import defaultdict

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from klusterplattform.core import ical

from .choices import CallStatus, DeadlineModel

PRODUCT = "Funding"


def call_path(call) -> str:
    try:
        return call.get_absolute_url()
    except NoReverseMatch:  # the call pages are not installed (e.g. a trimmed test URLconf)
        return reverse("funding:calls")


def uid(call, deadline, n: int) -> str:
    return f"funding-{call.pk}-{deadline.stage}-{n}@{ical.uid_host()}"


def stage_label(call, deadline, count: int) -> str:
    """What tells this deadline from the call's others ("" for a call with one deadline)."""
    if deadline.label:
        return deadline.label
    if count < 2 and call.deadline_model == DeadlineModel.SINGLE_STAGE:
        return ""
    if call.deadline_model == DeadlineModel.TWO_STAGE:
        return {1: _("first stage"), 2: _("second stage")}.get(deadline.stage) or _("stage %(n)d") % {
            "n": deadline.stage
        }
    if call.deadline_model == DeadlineModel.MULTIPLE_CUTOFF:
        return _("cut-off %(n)d") % {"n": deadline.stage}
    return _("stage %(n)d") % {"n": deadline.stage}


def status_text(call, now) -> str:
    return {
        CallStatus.FORTHCOMING: _("Forthcoming"),
        CallStatus.OPEN: _("Open"),
        CallStatus.CLOSED: _("Closed"),
    }[call.status_at(now)]


def numbered(deadlines) -> list[tuple[object, int]]:
    """Each deadline with its number within its stage (1, 2, … in date order), the n of its UID."""
    seen: dict[int, int] = defaultdict(int)
    result = []
    for deadline in sorted(deadlines, key=lambda d: (d.stage, d.at, d.pk or 0)):
        seen[deadline.stage] += 1
        result.append((deadline, seen[deadline.stage]))
    return sorted(result, key=lambda pair: (pair[0].at, pair[0].stage))


def deadline_events(call, *, request=None, stamp=None, now=None) -> list[Event]:
    """One VEVENT per deadline of `call` (its deadlines should be prefetched)."""
    now = now or timezone.now()
    stamp = stamp or now
    url = ical.absolute(call_path(call), request)
    deadlines = list(call.deadlines.all())
    events = []
    for deadline, n in numbered(deadlines):
        label = stage_label(call, deadline, len(deadlines))
        local = deadline.local_time()
        summary = _("Deadline: %(identifier)s %(title)s") % {"identifier": call.identifier, "title": call.title}
        if label:
            summary = f"{summary} ({label})"
        lines = [
            _("Status: %(status)s") % {"status": status_text(call, now)},
            _("Deadline: %(time)s %(zone)s") % {"time": local.strftime("%Y-%m-%d %H:%M"), "zone": deadline.time_zone},
            _("Programme: %(programme)s") % {"programme": call.programme},
        ]
        if call.funder:
            lines.append(_("Funder: %(funder)s") % {"funder": call.funder})
        lines.append(_("More information: %(link)s") % {"link": url})
        item = Event()
        item.add("uid", uid(call, deadline, n))
        item.add("dtstamp", stamp)
        item.add("dtstart", local)
        item.add("summary", summary)
        item.add("description", "\n".join(lines))
        item.add("url", url)
        item.add("transp", "TRANSPARENT")
        item.add("sequence", ical.sequence(call))
        if call.updated_at:
            item.add("last-modified", call.updated_at)
        events.append(item)
    return events


def deadlines_calendar(name: str, calls, *, request=None, now=None) -> bytes:
    """A calendar of the deadlines of `calls` (with their deadlines prefetched)."""
    now = now or timezone.now()
    calendar = ical.new_calendar(name, PRODUCT)
    first = last = None
    for call in calls:
        for event in deadline_events(call, request=request, stamp=now, now=now):
            calendar.add_component(event)
        for deadline in call.deadlines.all():
            first = min(first or deadline.at, deadline.at)
            last = max(last or deadline.at, deadline.at)
    return ical.to_ical(calendar, first, last)
