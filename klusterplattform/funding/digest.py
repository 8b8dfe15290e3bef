"""The weekly digest of funding calls, sent by `klusterplattform send_funding_digest` from cron (once a week).

Who: every active user holding the cluster_manager role for a real (not demo) cluster organisation, unless they
have turned the digest off (no DigestPreference row means on). What, for each of their real clusters:
- new calls that fit: published, real, not closed, created (entered by hand or first imported) since the user's
  last sent digest, or in the last 7 days when none was sent yet; eligible, with a fit of at least 50 %; with the
  fit's reasons;
- deadlines within 30 days: of the calls the cluster has bookmarked or intends to apply to, and of every call that
  fits it, each in the zone the funder states it in.
A user with nothing to be told gets no e-mail.

Idempotency: one DigestDelivery per user and ISO week (`period`, e.g. 2026-W48, in the platform's time zone). The row
is claimed (inserted, in its own transaction) before the message is sent, so two overlapping runs cannot both send
it and a second run in the same week sends nothing; if sending raises, the claim is deleted and the error reported,
so the next run tries again. A run that dies between claim and send loses that one digest (at most once).

Users have no language preference, so the message is written in Swedish with the English text below it, as the
activities module's e-mails are.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from klusterplattform.core.ical import base_url
from klusterplattform.core.roles import Role
from klusterplattform.registry.models import ClusterOrganisation
from klusterplattform.registry.people import ERASED_DOMAIN

from . import calendar
from .fit import candidate_calls, score_calls
from .models import DigestDelivery, FundingCall, FundingDeadline, FundingInterest

FIT_THRESHOLD = 50  # per cent
DEADLINE_DAYS = 30
FIRST_DIGEST_DAYS = 7  # "new" for a user who has had no digest yet
MAX_NEW = 15  # new calls listed per cluster; the rest are counted, with a link to the list
LANGUAGES = ("sv", "en")
SEPARATOR = "\n\n" + "-" * 40 + "\nIn English\n" + "-" * 40 + "\n\n"
TEMPLATE = "funding/emails/digest"


def period_of(now: datetime.datetime) -> str:
    year, week, _day = timezone.localtime(now).isocalendar()
    return f"{year}-W{week:02d}"


def wants_digest(preference) -> bool:
    return preference is None or preference.weekly_digest


def digest_clusters(user):
    """The real cluster organisations the user manages: what their digest is about."""
    return (
        ClusterOrganisation.objects.filter(
            role_grants__user=user, role_grants__role=Role.CLUSTER_MANAGER, is_demo=False
        )
        .distinct()
        .order_by("sort_name", "pk")
    )


def recipients():
    users = get_user_model().objects.filter(
        is_active=True, role_grants__role=Role.CLUSTER_MANAGER, role_grants__cluster__is_demo=False
    )
    users = users.exclude(email="").exclude(email__iendswith=f"@{ERASED_DOMAIN}")  # anonymised accounts
    return users.exclude(funding_digest__weekly_digest=False).distinct().order_by("pk")


def link(path: str) -> str:
    return base_url() + path


def call_url(call) -> str:
    return link(calendar.call_path(call))


# What one digest holds ------------------------------------------------------------------------------------------


@dataclass
class DeadlineItem:
    deadline: FundingDeadline
    count: int  # deadlines of the call, for the stage label
    bookmarked: bool = False
    intends: bool = False
    percentage: float | None = None

    @property
    def call(self):
        return self.deadline.call


@dataclass
class NewCall:
    fit: object  # fit.Fit
    next_deadline: FundingDeadline | None


@dataclass
class ClusterDigest:
    cluster: ClusterOrganisation
    new: list[NewCall] = field(default_factory=list)
    more_new: int = 0
    deadlines: list[DeadlineItem] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.new or self.deadlines)


@dataclass
class Digest:
    user: object
    period: str
    since: datetime.datetime
    now: datetime.datetime
    sections: list[ClusterDigest]

    @property
    def is_empty(self) -> bool:
        return all(section.is_empty for section in self.sections)

    @property
    def call_identifiers(self) -> list[str]:
        found = []
        for section in self.sections:
            for item in section.new:
                found.append(item.fit.call.identifier)
            for item in section.deadlines:
                found.append(item.call.identifier)
        return list(dict.fromkeys(found))

    def summary(self) -> str:
        new = sum(len(s.new) + s.more_new for s in self.sections)
        deadlines = sum(len(s.deadlines) for s in self.sections)
        calls = ", ".join(self.call_identifiers)
        return f"{self.user.email} {self.period}: {new} new fitting, {deadlines} deadlines ({calls})"

    def render(self) -> tuple[str, str]:
        subjects, bodies = [], []
        for language in LANGUAGES:
            with translation.override(language):
                context = self.context()
                subjects.append(" ".join(render_to_string(f"{TEMPLATE}_subject.txt", context).split()))
                bodies.append(render_to_string(f"{TEMPLATE}_body.txt", context).strip())
        subject = subjects[0] if subjects[0] == subjects[1] else f"{subjects[0]} / {subjects[1]}"
        return subject, SEPARATOR.join(bodies) + "\n"

    def context(self) -> dict:
        """What the templates show, in the active language."""
        sections = []
        for section in self.sections:
            if section.is_empty:
                continue
            # The reasons are scored again in the active language: they name ecosystems, whose names are per language.
            fits = {}
            if section.new:
                calls = FundingCall.objects.filter(pk__in=[item.fit.call_id for item in section.new])
                fits = {fit.call_id: fit for fit in score_calls(section.cluster, calls, now=self.now)}
            sections.append(
                {
                    "cluster": section.cluster,
                    "new": [_new_call_context(item, self.now, fits.get(item.fit.call_id)) for item in section.new],
                    "more_new": section.more_new,
                    "deadlines": [_deadline_context(item, self.now) for item in section.deadlines],
                    "fit_url": _fit_url(section.cluster),
                }
            )
        return {
            "user": self.user,
            "week": self.period.split("-W")[1].lstrip("0"),
            "sections": sections,
            "calls_url": link(reverse("funding:calls")),
            "feeds_url": link(reverse("funding:feeds")),
            "opt_out_url": link(reverse("funding:digest")),
        }


def _fit_url(cluster) -> str:
    try:
        return link(reverse("funding:for_cluster", args=[cluster.slug]))
    except NoReverseMatch:  # the fit pages are not installed: the list of calls
        return link(reverse("funding:calls"))


def _when(deadline: FundingDeadline, now) -> str:
    local = deadline.local_time()
    left = deadline.at - now
    if left.days < 1:
        within = _("within 24 hours")
    else:
        within = ngettext("in %(n)d day", "in %(n)d days", left.days) % {"n": left.days}
    return f"{local:%Y-%m-%d %H:%M} {deadline.time_zone} ({within})"


def _new_call_context(item: NewCall, now, rescored=None) -> dict:
    call = item.fit.call
    fit = rescored or item.fit
    return {
        "identifier": call.identifier,
        "title": call.title,
        "programme": call.programme,
        "percentage": round(fit.percentage),
        "for_reasons": [reason.text for reason in fit.for_reasons],
        "against_reasons": [reason.text for reason in fit.against_reasons],
        "next_deadline": _when(item.next_deadline, now) if item.next_deadline else "",
        "url": call_url(call),
    }


def _deadline_context(item: DeadlineItem, now) -> dict:
    call = item.call
    why = []
    if item.intends:
        why.append(_("you intend to apply"))
    elif item.bookmarked:
        why.append(_("bookmarked"))
    if item.percentage is not None:
        why.append(_("fit %(percentage)d %%") % {"percentage": round(item.percentage)})
    return {
        "identifier": call.identifier,
        "title": call.title,
        "stage": calendar.stage_label(call, item.deadline, item.count),
        "when": _when(item.deadline, now),
        "why": ", ".join(why),
        "url": call_url(call),
    }


# Building -------------------------------------------------------------------------------------------------------


class Builder:
    """Builds digests for one run; what depends only on the cluster (its fitting calls) is computed once."""

    def __init__(self, now):
        self.now = now
        self._fitting: dict[int, list] = {}

    def fitting(self, cluster) -> list:
        if cluster.pk not in self._fitting:
            self._fitting[cluster.pk] = [
                fit
                for fit in score_calls(cluster, now=self.now)
                if fit.eligible and fit.percentage is not None and fit.percentage >= FIT_THRESHOLD
            ]
        return self._fitting[cluster.pk]

    def since(self, user) -> datetime.datetime:
        last = DigestDelivery.objects.filter(user=user, sent_at__isnull=False, sent_at__lte=self.now).aggregate(
            last=Max("sent_at")
        )["last"]
        return last or self.now - datetime.timedelta(days=FIRST_DIGEST_DAYS)

    def build(self, user) -> Digest:
        since = self.since(user)
        sections = [self.section(cluster, since) for cluster in digest_clusters(user)]
        return Digest(user=user, period=period_of(self.now), since=since, now=self.now, sections=sections)

    def section(self, cluster, since) -> ClusterDigest:
        fitting = self.fitting(cluster)
        new_ids = set(
            candidate_calls(cluster, self.now)
            .filter(created_at__gt=since, created_at__lte=self.now, pk__in=[f.call_id for f in fitting])
            .values_list("pk", flat=True)
        )
        new = [fit for fit in fitting if fit.call_id in new_ids]
        section = ClusterDigest(cluster=cluster, more_new=max(0, len(new) - MAX_NEW))
        new = new[:MAX_NEW]
        next_deadlines = self._next_deadlines([fit.call_id for fit in new])
        section.new = [NewCall(fit, next_deadlines.get(fit.call_id)) for fit in new]
        section.deadlines = self._deadlines(cluster, fitting)
        return section

    def _next_deadlines(self, call_ids) -> dict[int, FundingDeadline]:
        found = {}
        for deadline in FundingDeadline.objects.filter(call_id__in=call_ids, at__gt=self.now).order_by("at", "stage"):
            found.setdefault(deadline.call_id, deadline)
        return found

    def _deadlines(self, cluster, fitting) -> list[DeadlineItem]:
        interests = {
            i.call_id: i
            for i in FundingInterest.objects.filter(cluster=cluster).filter(
                Q(bookmarked=True) | Q(intends_to_apply=True)
            )
        }
        percentages = {fit.call_id: fit.percentage for fit in fitting}
        call_ids = set(interests) | set(percentages)
        deadlines = (
            FundingDeadline.objects.filter(
                call_id__in=call_ids,
                call__is_published=True,
                at__gt=self.now,
                at__lte=self.now + datetime.timedelta(days=DEADLINE_DAYS),
            )
            .exclude(call__is_demo=True)
            .select_related("call")
            .order_by("at", "call__identifier", "stage")
        )
        deadlines = list(deadlines)
        totals = dict(
            FundingDeadline.objects.filter(call_id__in={d.call_id for d in deadlines})
            .values("call_id")
            .annotate(n=Count("pk"))
            .values_list("call_id", "n")
        )
        items = []
        for deadline in deadlines:
            interest = interests.get(deadline.call_id)
            items.append(
                DeadlineItem(
                    deadline=deadline,
                    count=totals.get(deadline.call_id, 1),
                    bookmarked=bool(interest and interest.bookmarked),
                    intends=bool(interest and interest.intends_to_apply),
                    percentage=percentages.get(deadline.call_id),
                )
            )
        return items


# Sending --------------------------------------------------------------------------------------------------------


@dataclass
class Tally:
    sent: int = 0
    failed: int = 0
    already: int = 0  # sent (or being sent) earlier this week
    empty: int = 0  # nothing to tell
    errors: list = field(default_factory=list)


def claim(digest: Digest) -> DigestDelivery | None:
    """Insert the week's DigestDelivery row; None when another run already has it."""
    try:
        with transaction.atomic():
            return DigestDelivery.objects.create(
                user=digest.user,
                period=digest.period,
                claimed_at=timezone.now(),
                call_identifiers=digest.call_identifiers,
            )
    except IntegrityError:
        return None


def deliver(digest: Digest) -> bool:
    """Claim, then send; a failed send gives the claim back and raises. False when it was already claimed."""
    delivery = claim(digest)
    if delivery is None:
        return False
    try:
        subject, body = digest.render()
        with translation.override(LANGUAGES[0]):  # the default language's address, whatever language is active
            opt_out = link(reverse("funding:digest"))
        EmailMessage(subject, body, None, [digest.user.email], headers={"List-Unsubscribe": f"<{opt_out}>"}).send()
    except Exception:
        delivery.delete()
        raise
    DigestDelivery.objects.filter(pk=delivery.pk).update(sent_at=digest.now)
    return True


def run(now=None, *, dry_run=False, report=None) -> Tally:
    """Send this week's digests that are due; with dry_run only list them (`report(line)` gets one per digest)."""
    now = now or timezone.now()
    period = period_of(now)
    tally = Tally()
    done = set(DigestDelivery.objects.filter(period=period).values_list("user_id", flat=True))
    builder = Builder(now)
    for user in recipients():
        if user.pk in done:
            tally.already += 1
            continue
        digest = builder.build(user)
        if digest.is_empty:
            tally.empty += 1
            continue
        if dry_run:
            if report:
                report(digest.summary())
            tally.sent += 1
            continue
        try:
            if deliver(digest):
                tally.sent += 1
            else:
                tally.already += 1
        except Exception as error:  # noqa: BLE001 - one failed message must not stop the others
            tally.failed += 1
            tally.errors.append(f"{user.email} {period}: {error}")
    return tally
