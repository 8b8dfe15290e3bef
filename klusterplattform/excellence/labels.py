"""Official labels: the validity rules engine and the services that record labels (DOMAIN.md 1.3, 1.5, 1.6).

Labels are recorded from the labelling body's decisions (ESCA/EUCLES), never invented. How long a label is valid is
data (LabelRule, one row per level): a first label runs from its assessment for `first_validity_months`; a label of
the same level assessed no later than `renewal_grace_months` after the previous one expired renews it and extends
the validity seamlessly by `renewal_extension_months`, counted from the previous expiry, so an early renewal loses
no time and a late one leaves no gap in the record (the platform notes the lapse instead). Later than that, it is a
new first label.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from klusterplattform.core.permissions import check
from klusterplattform.core.uploads import validate_upload

from .models import Label, LabelRule
from .models.labels import in_force_on


@dataclass(frozen=True)
class Rule:
    first_validity_months: int
    renewal_grace_months: int
    renewal_extension_months: int


# Only a fallback: migration 0003 seeds the same values as LabelRule rows, which officers may change.
DEFAULT_RULES = {
    "bronze": Rule(24, 12, 36),
    "silver": Rule(24, 12, 24),
    "gold": Rule(24, 12, 24),
}


def current_rules() -> dict[str, Rule]:
    """The rules per level in one query; a level without a row keeps its default."""
    rules = dict(DEFAULT_RULES)
    for row in LabelRule.objects.all():
        rules[row.level] = Rule(row.first_validity_months, row.renewal_grace_months, row.renewal_extension_months)
    return rules


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, clamped to the month's end (29 Feb + 12 months is 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Validity:
    """Unpacks as (valid_from, valid_until, renews); `lapsed_days` counts the days from the previous label's last
    valid day to the renewal's assessment (0 for a renewal assessed before expiry, and for a first label)."""

    valid_from: datetime.date
    valid_until: datetime.date
    renews: Label | None
    lapsed_days: int = 0

    def __iter__(self):
        return iter((self.valid_from, self.valid_until, self.renews))


def validity(level: str, assessed_on: datetime.date, previous: Label | None = None, rules=None) -> Validity:
    rule = (rules or current_rules())[level]
    if previous is not None and previous.level == level and is_renewal(previous, assessed_on, rule):
        return Validity(
            valid_from=previous.valid_until + datetime.timedelta(days=1),
            valid_until=add_months(previous.valid_until, rule.renewal_extension_months),
            renews=previous,
            lapsed_days=max(0, (assessed_on - previous.valid_until).days),
        )
    return Validity(assessed_on, add_months(assessed_on, rule.first_validity_months), None)


def is_renewal(previous: Label, assessed_on: datetime.date, rule: Rule) -> bool:
    return previous.awarded_on < assessed_on <= add_months(previous.valid_until, rule.renewal_grace_months)


def lapsed_days(label: Label) -> int:
    """The lapse before a recorded renewal, derived from the record (label.renews should be select_related)."""
    if label.renews_id is None:
        return 0
    return max(0, (label.awarded_on - label.renews.valid_until).days)


def previous_label(cluster, level: str) -> Label | None:
    """The latest label of the level: the tip of its renewal chain (a renewal always ends later than what it renews)."""
    return Label.objects.filter(cluster=cluster, level=level).order_by("-valid_until", "-pk").first()


def validate_certificate(upload) -> None:
    """A certificate is a PDF (by its first bytes, not its name) within the upload limit."""
    validate_upload(upload, (".pdf",), _("The certificate must be a PDF file."), by_content_only=True)


def record_label(
    user,
    cluster,
    level: str,
    assessed_on: datetime.date,
    awarding_body: str,
    report_id: str = "",
    source_url: str = "",
    certificate=None,
) -> tuple[Label, Validity]:
    """Record an official label; its validity and renewal link are computed, never typed. PermissionDenied when the
    user may not record labels for the cluster; ValidationError (by field) on bad input, and then nothing is saved."""
    if not check(user, "label.record", cluster):
        raise PermissionDenied(_("Only programme officers may record official labels."))
    if level not in DEFAULT_RULES:
        raise ValidationError({"level": _("Choose Bronze, Silver or Gold.")}, code="invalid")
    if assessed_on > timezone.localdate():
        raise ValidationError({"assessed_on": _("The assessment date cannot be in the future.")}, code="future")
    if certificate is not None:
        try:
            validate_certificate(certificate)
        except ValidationError as error:
            raise ValidationError({"certificate": error.error_list}) from None
    with transaction.atomic():
        # Locks the cluster's labels of the level on PostgreSQL, so two officers cannot renew the same label twice.
        list(Label.objects.select_for_update().filter(cluster=cluster, level=level).values_list("pk", flat=True))
        previous = previous_label(cluster, level)
        _check_order(previous, assessed_on)
        result = validity(level, assessed_on, previous)
        label = Label(
            cluster=cluster,
            level=level,
            awarding_body=awarding_body,
            awarded_on=assessed_on,
            valid_from=result.valid_from,
            valid_until=result.valid_until,
            renews=result.renews,
            report_id=report_id,
            source_url=source_url,
        )
        label.full_clean(exclude=["certificate"])
        try:
            with transaction.atomic():
                label.save()
        except IntegrityError:
            message = _("Another officer recorded this label at the same moment; reload and check.")
            raise ValidationError(message) from None
        if certificate is not None:
            attach_certificate(label, certificate)
    return label, result


def attach_certificate(label: Label, certificate) -> None:
    """Store the PDF; the audit trail records the change by the stored file's name."""
    label.certificate.save(certificate.name, certificate, save=False)
    label.save(update_fields=["certificate"])


def _check_order(previous: Label | None, assessed_on: datetime.date) -> None:
    """Labels are recorded in the order they were assessed, so each renewal chain stays a chain."""
    if previous is not None and assessed_on <= previous.awarded_on:
        raise ValidationError(
            {
                "assessed_on": _(
                    "A %(level)s label assessed on %(day)s is already recorded; record labels in the order they were "
                    "assessed."
                )
                % {"level": previous.get_level_display(), "day": previous.awarded_on.isoformat()}
            },
            code="order",
        )


# --- status and queries -------------------------------------------------------------------------------------------

EXPIRY_WINDOWS = (90, 30)


def valid_on_q(day: datetime.date) -> Q:
    """Labels in force on `day` (the rule lives with the model, where the registry's queries reach it too)."""
    return in_force_on(day)


def expiring(queryset, day: datetime.date, within_days: int):
    """Labels in force on `day` that end within `within_days` days (the last day included) and are not renewed."""
    return queryset.filter(
        valid_on_q(day), valid_until__lte=day + datetime.timedelta(days=within_days), renewed_by__isnull=True
    )


@dataclass(frozen=True)
class LabelStatus:
    code: str  # upcoming, valid, expiring_90, expiring_30, grace, renewed, expired
    days: int = 0  # days left (valid/expiring), days since expiry (grace), days until start (upcoming)

    @property
    def text(self) -> str:
        days = {"days": self.days}
        if self.code == "upcoming":
            return ngettext("Renewal, in force in %(days)s day", "Renewal, in force in %(days)s days", self.days) % days
        if self.code in ("expiring_90", "expiring_30"):
            return ngettext("Expires in %(days)s day", "Expires in %(days)s days", self.days) % days
        if self.code == "grace":
            return (
                ngettext(
                    "Expired %(days)s day ago – renewal still possible",
                    "Expired %(days)s days ago – renewal still possible",
                    self.days,
                )
                % days
            )
        return str({"valid": _("Valid"), "renewed": _("Renewed"), "expired": _("Expired")}[self.code])

    @property
    def is_expiring(self) -> bool:
        return self.code in ("expiring_90", "expiring_30")


def renewal_of(label: Label) -> Label | None:
    try:
        return label.renewed_by
    except ObjectDoesNotExist:
        return None


def label_status(label: Label, day: datetime.date | None = None, rules=None) -> LabelStatus:
    """Derived from the dates and the chain (select_related("renewed_by") in lists to avoid a query per label)."""
    day = day or timezone.localdate()
    start = label.valid_from or label.awarded_on
    if day < start:
        return LabelStatus("upcoming", (start - day).days)
    if day <= label.valid_until:
        left = (label.valid_until - day).days
        if renewal_of(label) is None and left <= EXPIRY_WINDOWS[1]:
            return LabelStatus("expiring_30", left)
        if renewal_of(label) is None and left <= EXPIRY_WINDOWS[0]:
            return LabelStatus("expiring_90", left)
        return LabelStatus("valid", left)
    if renewal_of(label) is not None:
        return LabelStatus("renewed")
    rule = (rules or current_rules()).get(label.level, DEFAULT_RULES["bronze"])
    if day <= add_months(label.valid_until, rule.renewal_grace_months):
        return LabelStatus("grace", (day - label.valid_until).days)
    return LabelStatus("expired")


LADDER = {"bronze": 0, "silver": 1, "gold": 2}


def by_ladder(labels) -> list[Label]:
    """A cluster's labels Bronze, Silver, Gold, each level in the order assessed (so a chain reads top to bottom)."""
    return sorted(labels, key=lambda label: (LADDER.get(label.level, 9), label.awarded_on, label.pk))


def may_manage_labels_of(user, cluster) -> bool:
    """The cluster's own managers and programme staff: they get the certificate and the expiry notices.

    "cluster.edit" grants exactly them (cluster_manager on the own cluster, officer, admin).
    """
    return bool(check(user, "cluster.edit", cluster))
