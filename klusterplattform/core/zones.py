"""Time zones that officers type: activities and calls store times in UTC and show them in the zone they were
announced in, named by its IANA name (Europe/Stockholm, America/New_York). The form pieces here let a page take a
date and time as the organiser types it (wall-clock time, no zone) and turn it into UTC in the object's zone."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.forms.fields import BaseTemporalField
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

TIME_ZONES = sorted(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(zone)s is not a known time zone (for example Europe/Stockholm)."), params={"zone": value}
        )


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as the organiser types it (no zone): the form puts it into the object's time zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None) if timezone.is_naive(value) else value
        try:
            result = parse_datetime(str(value).strip())
        except ValueError:
            result = None
        if result is None:
            result = BaseTemporalField.to_python(self, value)
        return result

    def prepare_value(self, value):
        return value  # shown as stored in the form's initial data: local to the object's zone


def in_zone(local: datetime.datetime, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    """The local time as an aware UTC time; ValueError for a time the zone skips (clocks going forward)."""
    aware = local.replace(tzinfo=zone)
    if aware.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != local:
        raise ValueError
    return aware.astimezone(datetime.UTC)


def localise(form, data: dict, names) -> None:
    """Turn the wall-clock values of `names` in a form's cleaned `data` into UTC in the zone `data["time_zone"]`.
    Without a zone the times mean nothing and are left out (the zone field has the error); a time the zone skips
    gets an error on its field."""
    zone_name = data.get("time_zone")
    if not zone_name:
        for name in names:
            data.pop(name, None)
        return
    zone = zoneinfo.ZoneInfo(zone_name)
    for name in names:
        local = data.get(name)
        if local is None:
            continue
        if timezone.is_aware(local):
            local = timezone.make_naive(local, zone)
        try:
            data[name] = in_zone(local, zone)
        except ValueError:
            form.add_error(
                name,
                _("%(time)s does not exist in %(zone)s: the clocks skip it.")
                % {"time": local.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
            )
            data.pop(name, None)
