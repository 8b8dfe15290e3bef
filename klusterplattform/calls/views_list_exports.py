"""The call module's lists as CSV or XLSX: the calls, a call's applications, the regional endorsements and the
reviewer's own assignments. Each export takes its rows from the function its page uses (same filters, same
visibility, every row rather than one page) and writes them through the one export helper (core/exports.py)."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export, yes_no
from klusterplattform.core.permissions import has_role

from .forms_calls import STATUSES
from .views_applications.common import refuse, visible_call
from .views_applications.endorsements import NOT_REGIONAL, listed_endorsements
from .views_applications.lists import listed_applications
from .views_calls import listed_calls, local
from .views_reviews import review_rows

STATUS_LABELS = dict(STATUSES)


def _in_zone(moment, call):
    return local(moment, call) if moment else None


def _absolute(request, obj):
    return request.build_absolute_uri(obj.get_absolute_url())


def call_columns(request, now) -> list[Column]:
    return [
        Column(_("Call"), lambda c: c.title),
        Column(_("Status"), lambda c: STATUS_LABELS[c.status(now)]),
        Column(_("Programme"), lambda c: c.programme.name),
        Column(_("Opens"), lambda c: _in_zone(c.opens_at, c)),
        Column(_("Closes"), lambda c: _in_zone(c.closes_at, c)),
        Column(_("Time zone"), lambda c: c.time_zone),
        Column(_("Clusters to select"), lambda c: c.target_selections),
        Column(_("Selected"), lambda c: c.selected),
        Column(_("Published"), lambda c: yes_no(c.is_published)),
        Column(_("Demo data"), lambda c: yes_no(c.programme.is_demo)),
        Column(_("Page"), lambda c: _absolute(request, c)),
    ]


def calls_export(request, file_format):
    now = timezone.now()
    _filters, calls = listed_calls(request, now)
    return list_export(file_format, "utlysningar", call_columns(request, now), calls)


def application_columns(request, call) -> list[Column]:
    return [
        Column(_("Cluster organisation"), lambda a: a.cluster.name),
        Column(_("Status"), lambda a: a.get_status_display()),
        Column(_("Regions"), lambda a: "; ".join(region.name for region in a.regions.all())),
        Column(
            _("Regional endorsement"),
            lambda a: "; ".join(f"{e.region.name}: {e.get_status_display()}" for e in a.endorsements.all()),
        ),
        Column(_("Submitted"), lambda a: _in_zone(a.submitted_at, call)),
        Column(_("Decided"), lambda a: _in_zone(a.decided_at, call)),
        Column(_("Page"), lambda a: _absolute(request, a)),
    ]


@login_required
def applications_export(request, slug, file_format):
    call = visible_call(request, slug)
    _filters, applications = listed_applications(request, call)
    return list_export(file_format, f"ansokningar-{call.slug}", application_columns(request, call), applications)


def endorsement_columns() -> list[Column]:
    return [
        Column(_("Cluster organisation"), lambda e: e.application.cluster.name),
        Column(_("Call"), lambda e: e.application.call.title),
        Column(_("Region"), lambda e: e.region.name),
        Column(_("Submitted"), lambda e: _in_zone(e.application.submitted_at, e.application.call)),
        Column(_("Answer"), lambda e: e.get_status_display()),
        Column(_("S3 priority area"), lambda e: str(e.priority_area) if e.priority_area else None),
        Column(_("Reason"), lambda e: e.reason),
        Column(_("Answered"), lambda e: _in_zone(e.decided_at, e.application.call)),
    ]


@login_required
def endorsements_export(request, file_format):
    if not has_role(request.user, "regional_officer"):
        return refuse(request, NOT_REGIONAL)
    return list_export(file_format, "regionala-beslut", endorsement_columns(), listed_endorsements(request.user))


def review_columns() -> list[Column]:
    return [
        Column(_("Application"), lambda row: row["label"]),
        Column(_("Call"), lambda row: row["assignment"].application.call.title),
        Column(
            _("Closes"),
            lambda row: _in_zone(row["assignment"].application.call.closes_at, row["assignment"].application.call),
        ),
        Column(_("Status of your review"), lambda row: row["state_label"]),
    ]


@login_required
def my_reviews_export(request, file_format):
    return list_export(file_format, "mina-granskningar", review_columns(), review_rows(request.user))
