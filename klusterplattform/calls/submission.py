"""Conditions of submitting and admitting an application, registered as workflow hooks (calls/workflow.py).

submit: the call is open at the server's current time (opens_at ≤ now < closes_at; the message names the deadline
and the server's time, both in the call's time zone), the form is complete (every required field answered, every
required file attached), and when the call requires the region's endorsement at least one region is named. Once
submitted, each named region gets a pending Endorsement.

admit: when the call requires endorsement, every named region has confirmed; a pending or declined one blocks it.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import workflow
from .choices import EndorsementStatus
from .workflow import TransitionRefused


def _day(moment) -> str:
    return date_format(moment, "j F Y")


def _time(moment, seconds: bool = False) -> str:
    return date_format(moment, "H:i:s" if seconds else "H:i")


def _now_text(now, reference) -> str:
    """The server's time in the call's zone: only the time when it is the same day as the deadline."""
    if now.date() == reference.date():
        return _time(now, seconds=True)
    return _("%(day)s, %(time)s") % {"day": _day(now), "time": _time(now, seconds=True)}


def deadline_refusal(call, now=None) -> str | None:
    """Why the call does not take submissions at `now` (None while it is open)."""
    now = now or timezone.now()
    status = call.status(now)
    if status == "open":
        return None
    zone = call.zone
    local_now = timezone.localtime(now, zone)
    if status == "closed":
        deadline = timezone.localtime(call.closes_at, zone)
        text = _("The call closed on %(day)s at %(time)s (%(zone)s). It is now %(now)s.")
    else:
        deadline = timezone.localtime(call.opens_at, zone)
        text = _("The call opens on %(day)s at %(time)s (%(zone)s). It is now %(now)s.")
    return text % {
        "day": _day(deadline),
        "time": _time(deadline),
        "zone": call.time_zone,
        "now": _now_text(local_now, deadline),
    }


def missing_fields(application) -> list[str]:
    """Labels of the required fields (files included) not answered yet."""
    from .forms_engine import completeness

    file_codes = set(application.files.values_list("field", flat=True))
    report = completeness(application.form_version, application.answers or {}, file_codes)
    return [str(item["label"]) for item in report.missing]


@workflow.before("submit")
def call_is_open(application, user, comment):
    refusal = deadline_refusal(application.call)
    if refusal:
        raise TransitionRefused(refusal)


@workflow.before("submit")
def form_is_complete(application, user, comment):
    missing = missing_fields(application)
    if missing:
        raise TransitionRefused(
            _("The application is not complete. Still missing: %(fields)s.") % {"fields": "; ".join(missing)}
        )


@workflow.before("submit")
def regions_are_named(application, user, comment):
    if application.call.requires_endorsement and not application.regions.exists():
        raise TransitionRefused(
            _("Name at least one region: the call requires the region to confirm the cluster's S3 priority.")
        )


@workflow.after("submit")
def ask_the_regions(application, user, comment):
    from .models import Endorsement

    for region in application.regions.all():
        Endorsement.objects.get_or_create(application=application, region=region)


@workflow.before("admit")
def regions_have_confirmed(application, user, comment):
    if not application.call.requires_endorsement:
        return
    answers = {e.region_id: e for e in application.endorsements.select_related("region")}
    declined, waiting = [], []
    for region in application.regions.all():
        endorsement = answers.get(region.pk)
        if endorsement is None or endorsement.status == EndorsementStatus.PENDING:
            waiting.append(region.name)
        elif endorsement.status == EndorsementStatus.DECLINED:
            declined.append(region.name)
    if declined:
        raise TransitionRefused(
            _("The region declined to confirm the priority: %(regions)s. The application cannot go to review.")
            % {"regions": ", ".join(declined)}
        )
    if waiting:
        raise TransitionRefused(
            _("Waiting for the region to confirm the priority: %(regions)s.") % {"regions": ", ".join(waiting)}
        )
    if not answers:
        raise TransitionRefused(_("No region has confirmed the priority."))
