"""The activity list as CSV or XLSX: the page's own filtered, visible activities (pages.listed_activities), every
row rather than one page, through the one export helper (core/exports.py)."""

from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export, yes_no

from .pages import listed_activities


def _local(moment, activity):
    """The time as the activity's own clock shows it (a spreadsheet cell holds no time zone)."""
    return moment.astimezone(activity.zone).replace(tzinfo=None) if moment else None


def columns(request) -> list[Column]:
    return [
        Column(_("Activity"), lambda a: a.title),
        Column(_("Starts"), lambda a: _local(a.starts_at, a)),
        Column(_("Ends"), lambda a: _local(a.ends_at, a)),
        Column(_("Time zone"), lambda a: a.time_zone),
        Column(_("Type"), lambda a: a.get_type_display()),
        Column(_("Programme"), lambda a: a.programme.name),
        Column(_("Organiser"), lambda a: a.organiser),
        Column(_("Place"), lambda a: a.place),
        Column(_("Online link"), lambda a: a.online_url),
        Column(_("Seats"), lambda a: a.capacity),
        Column(_("Confirmed registrations"), lambda a: a.confirmed),
        Column(_("Registration deadline"), lambda a: _local(a.registration_deadline, a)),
        Column(_("Published"), lambda a: yes_no(a.is_published)),
        Column(_("Demo data"), lambda a: yes_no(a.programme.is_demo)),
        Column(_("Page"), lambda a: request.build_absolute_uri(a.get_absolute_url())),
    ]


def activities_export(request, file_format):
    _filters, activities = listed_activities(request)
    return list_export(file_format, "aktiviteter", columns(request), activities)
