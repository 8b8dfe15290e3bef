"""Time zones that officers type: activities and calls store times in UTC and show them in the zone they were
announced in, named by its IANA name (Europe/Stockholm, America/New_York)."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(zone)s is not a known time zone (for example Europe/Stockholm)."), params={"zone": value}
        )
