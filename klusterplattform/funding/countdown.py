"""A call's deadline in words for lists and pages: "closes in 12 days", "closes today", "closed", "opens on 3 March
2027". Days are counted in the zone of the deadline (a deadline at 17:00 Brussels time "closes today" all of that
Brussels day), so the text agrees with the date shown beside it."""

import datetime
import zoneinfo

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import BRUSSELS, CallStatus


def days_left(deadline, now: datetime.datetime) -> int:
    """Whole calendar days from today to the deadline's day, both in the deadline's zone."""
    zone = zoneinfo.ZoneInfo(deadline.time_zone or BRUSSELS)
    return (deadline.at.astimezone(zone).date() - now.astimezone(zone).date()).days


def countdown(call, now: datetime.datetime | None = None) -> str:
    """The call's countdown text (uses prefetched deadlines when present)."""
    now = now or timezone.now()
    status = call.status_at(now)
    if status == CallStatus.CLOSED:
        return _("closed")
    if status == CallStatus.FORTHCOMING:
        if call.opens_at is None:
            return _("forthcoming")
        zone = zoneinfo.ZoneInfo(call.time_zone or BRUSSELS)
        day = formats.date_format(call.opens_at.astimezone(zone).date(), "j F Y")
        return _("opens on %(date)s") % {"date": day}
    deadline = call.next_deadline(now)
    if deadline is None:
        return _("no deadline stated")
    days = days_left(deadline, now)
    if days <= 0:
        return _("closes today")
    if days == 1:
        return _("closes tomorrow")
    return ngettext("closes in %(count)s day", "closes in %(count)s days", days) % {"count": days}
