"""A participant's agenda at a matchmaking event: their placed meetings in time order (the other side, the slot in
the event's time zone, the table), and apart from them the accepted meetings the scheduler could not place.

The same agenda is a page, a PDF (core/pdf.py, from the print template) and an .ics file (core/ical.py): one VEVENT
per placed meeting, its times in UTC (…Z) with the event's zone named in the description and as X-WR-TIMEZONE, and
a UID that never changes (`match-meeting-<pk>@<host>`; both sides' files name the same meeting by the same UID).
SEQUENCE is the seconds since 2020 of the event's latest scheduler run, so a new run updates imported meetings.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event, vText

from klusterplattform.core import ical

from .choices import MeetingStatus
from .models import MeetingRequest, ScheduleRun


@dataclass
class AgendaItem:
    meeting: MeetingRequest
    other: object  # the other side's EventParticipant
    starts: datetime.datetime | None = None  # in the event's zone
    ends: datetime.datetime | None = None

    @property
    def table(self):
        return self.meeting.table


@dataclass
class Agenda:
    event: object
    participant: object
    placed: list = field(default_factory=list)
    unplaced: list = field(default_factory=list)


def agenda_for(participant) -> Agenda:
    event = participant.activity
    meetings = (
        MeetingRequest.objects.filter(Q(requester=participant) | Q(invitee=participant), status=MeetingStatus.ACCEPTED)
        .select_related("requester", "invitee", "slot")
        .order_by("slot__starts_at", "pk")
    )
    agenda = Agenda(event=event, participant=participant)
    for meeting in meetings:
        other = meeting.invitee if meeting.requester_id == participant.pk else meeting.requester
        item = AgendaItem(meeting=meeting, other=other)
        if meeting.slot is None:
            agenda.unplaced.append(item)
        else:
            item.starts = timezone.localtime(meeting.slot.starts_at, event.zone)
            item.ends = timezone.localtime(meeting.slot.ends_at, event.zone)
            agenda.placed.append(item)
    return agenda


def uid(meeting) -> str:
    return f"match-meeting-{meeting.pk}@{ical.uid_host()}"


def _sequence(event) -> int:
    latest = ScheduleRun.objects.filter(activity=event).order_by("-run_at").values_list("run_at", flat=True).first()
    return max(0, int(((latest or ical.SEQUENCE_EPOCH) - ical.SEQUENCE_EPOCH).total_seconds()))


def _vevent(agenda: Agenda, item: AgendaItem, *, url: str, sequence: int, stamp) -> Event:
    event, slot = agenda.event, item.meeting.slot
    summary = _("Meeting with %(name)s, table %(table)s") % {"name": item.other.organisation_name, "table": item.table}
    when = _("%(start)s–%(end)s in the event's time zone (%(zone)s)") % {
        "start": item.starts.strftime("%Y-%m-%d %H:%M"),
        "end": item.ends.strftime("%H:%M"),
        "zone": event.time_zone,
    }
    lines = [when, _("Event: %(title)s") % {"title": event.title}]
    if item.other.offer:
        lines.append(_("They offer: %(text)s") % {"text": item.other.offer})
    if item.other.seek:
        lines.append(_("They seek: %(text)s") % {"text": item.other.seek})
    lines.append(url)
    vevent = Event()
    vevent.add("uid", uid(item.meeting))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", slot.starts_at.astimezone(datetime.UTC))
    vevent.add("dtend", slot.ends_at.astimezone(datetime.UTC))
    vevent.add("summary", summary)
    vevent.add("description", "\n\n".join(lines))
    place = ", ".join(part for part in [event.place, _("table %(table)s") % {"table": item.table}] if part)
    vevent.add("location", place)
    vevent.add("url", url)
    vevent.add("sequence", sequence)
    return vevent


def agenda_calendar(agenda: Agenda, request=None) -> bytes:
    event = agenda.event
    calendar = ical.new_calendar(_("My meetings: %(title)s") % {"title": event.title}, "Matchmaking")
    calendar.add("x-wr-timezone", vText(event.time_zone))
    url = ical.absolute(reverse("matchmaking:event_agenda", args=[event.pk]), request)
    sequence, stamp = _sequence(event), timezone.now()
    for item in agenda.placed:
        calendar.add_component(_vevent(agenda, item, url=url, sequence=sequence, stamp=stamp))
    return ical.to_ical(calendar, event.starts_at, event.ends_at)
