"""Regional endorsement: the regional officer of a region an application names confirms that the cluster is
prioritised in the region's smart-specialisation strategy (choosing the region's S3 priority area) or declines with
a reason.

Submitting an application asks each named region (calls/submission.py makes one pending Endorsement per region). A
region answers while the application waits for its eligibility check (submitted or eligibility_check) and may change
its answer until the application is admitted to review; the officers' `admit` needs every region's confirmation when
the call requires it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import check

from .choices import ApplicationStatus, EndorsementStatus
from .models import Endorsement

ANSWERABLE = (ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBILITY_CHECK)


def officer_region_ids(user) -> set[int]:
    return engine.scope_ids(user, "regional_officer", "region_id")


def endorsements_for(user):
    """The endorsements of the user's regions on applications that are not drafts (pending first)."""
    regions = officer_region_ids(user)
    return (
        Endorsement.objects.filter(region_id__in=regions)
        .exclude(application__status=ApplicationStatus.DRAFT)
        .select_related("application__call", "application__cluster", "region", "priority_area")
        .order_by("application__call__closes_at", "application__cluster__sort_name", "region__code", "pk")
    )


def pending_for(user):
    return endorsements_for(user).filter(status=EndorsementStatus.PENDING, application__status__in=ANSWERABLE)


def may_answer(user, endorsement) -> bool:
    return endorsement.region_id in officer_region_ids(user) and bool(
        check(user, "application.endorse", endorsement.application)
    )


def is_answerable(endorsement) -> bool:
    return endorsement.application.status in ANSWERABLE


def _may_answer_or_refuse(endorsement, user) -> None:
    if not may_answer(user, endorsement):
        raise PermissionDenied(
            _("Only the regional officers of %(region)s answer for it.") % {"region": endorsement.region}
        )


def _answer(endorsement, user, **fields) -> Endorsement:
    with transaction.atomic():
        locked = Endorsement.objects.select_for_update().select_related("application").get(pk=endorsement.pk)
        if not is_answerable(locked):
            raise ValidationError(
                _("The application is %(status)s: the region's answer can no longer be changed.")
                % {"status": locked.application.get_status_display().lower()}
            )
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.decided_by = user
        locked.decided_at = timezone.now()
        locked.save()
    return locked


def confirm(endorsement, user, priority_area) -> Endorsement:
    """Confirm the priority in the region's strategy, naming one of THAT region's S3 priority areas."""
    _may_answer_or_refuse(endorsement, user)
    if priority_area is None or priority_area.region_id != endorsement.region_id:
        raise ValidationError(
            {"priority_area": _("Choose one of the priority areas of %(region)s.") % {"region": endorsement.region}}
        )
    return _answer(endorsement, user, status=EndorsementStatus.CONFIRMED, priority_area=priority_area, reason="")


def decline(endorsement, user, reason: str) -> Endorsement:
    _may_answer_or_refuse(endorsement, user)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Write why the region does not confirm the priority.")})
    return _answer(endorsement, user, status=EndorsementStatus.DECLINED, priority_area=None, reason=reason)
