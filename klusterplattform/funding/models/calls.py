"""The funding-call register: EU topics imported from the Funding & Tenders Portal and national or regional calls
entered by hand, with the same fields.

Status is derived from the dates, never stored (rule 4): `closes_at` (the last deadline) and `opens_at` (the opening
date at midnight in the call's zone) are kept on the row only so lists can filter and sort by them in the database;
`FundingDeadline` rows are the record and `refresh_dates()` rewrites both after every change of deadlines or opening
date. When a source gives no opening date, its own word (`source_status`) tells forthcoming from open.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.zones import validate_time_zone
from klusterplattform.registry.models.taxonomy import TaxonomyTerm

from ..choices import BRUSSELS, CallStatus, DeadlineModel, Source


class ThematicTag(TaxonomyTerm):
    """S3/thematic tags of calls: green, digital and resilience (the three areas of the EU expert group on clusters)
    are loaded by migration; officers may add more in the admin."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("thematic tag")
        verbose_name_plural = _("thematic tags")


def status_q(status: str, now: datetime.datetime | None = None) -> Q:
    """A filter for calls whose derived status is `status` at `now`: the database twin of FundingCall.status_at."""
    now = now or timezone.now()
    closed = Q(closes_at__lte=now) | Q(closes_at__isnull=True, opens_at__isnull=True, source_status=CallStatus.CLOSED)
    forthcoming = ~closed & (Q(opens_at__gt=now) | Q(opens_at__isnull=True, source_status=CallStatus.FORTHCOMING))
    if status == CallStatus.CLOSED:
        return closed
    if status == CallStatus.FORTHCOMING:
        return forthcoming
    if status == CallStatus.OPEN:
        return ~closed & ~forthcoming
    raise ValueError(f"unknown status {status!r}")


class FundingCallQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import funding_visibility_filter

        return self.filter(funding_visibility_filter(user))

    def with_status(self, status: str, now=None):
        return self.filter(status_q(status, now))

    def not_closed(self, now=None):
        return self.exclude(status_q(CallStatus.CLOSED, now))


class FundingCall(models.Model):
    identifier = models.CharField(
        _("identifier"),
        max_length=120,
        unique=True,
        help_text=_("The topic or call identifier, e.g. SMP-COSME-2024-CLUSTER-01 or I3-2024-INV1."),
    )
    title = models.CharField(_("title"), max_length=500)
    language = models.CharField(
        _("language of the text"),
        max_length=2,
        choices=[("sv", _("Swedish")), ("en", _("English"))],
        default="en",
        help_text=_("The language the title and description are written in (pages mark it for screen readers)."),
    )
    programme = models.CharField(
        _("programme"),
        max_length=200,
        help_text=_("E.g. Horizon Europe, Single Market Programme, Interregional Innovation Investments."),
    )
    funder = models.CharField(
        _("funder"),
        max_length=200,
        blank=True,
        help_text=_("E.g. European Commission (EISMEA), Vinnova, Tillväxtverket, a region."),
    )
    call_identifier = models.CharField(
        _("call"), max_length=120, blank=True, help_text=_("The call the topic belongs to.")
    )
    strand = models.CharField(_("strand or topic"), max_length=300, blank=True)
    action_type = models.CharField(_("action type"), max_length=200, blank=True)
    opening_date = models.DateField(_("opening date"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=BRUSSELS,
        validators=[validate_time_zone],
        help_text=_("The zone of the opening date (each deadline has its own zone)."),
    )
    deadline_model = models.CharField(
        _("deadline model"), max_length=20, choices=DeadlineModel.choices, default=DeadlineModel.SINGLE_STAGE
    )
    source_status = models.CharField(
        _("status according to the source"),
        max_length=12,
        choices=CallStatus.choices,
        blank=True,
        help_text=_("Used only when the opening date is unknown."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    total_budget = models.DecimalField(_("total budget"), max_digits=15, decimal_places=0, null=True, blank=True)
    budget_min = models.DecimalField(
        _("budget per project, from"), max_digits=15, decimal_places=0, null=True, blank=True
    )
    budget_max = models.DecimalField(
        _("budget per project, up to"), max_digits=15, decimal_places=0, null=True, blank=True
    )
    expected_grants = models.PositiveIntegerField(_("expected number of grants"), null=True, blank=True)
    duration_min_months = models.PositiveSmallIntegerField(_("duration from (months)"), null=True, blank=True)
    duration_max_months = models.PositiveSmallIntegerField(_("duration up to (months)"), null=True, blank=True)
    funding_rate_min = models.PositiveSmallIntegerField(_("funding rate from (%)"), null=True, blank=True)
    funding_rate_max = models.PositiveSmallIntegerField(_("funding rate up to (%)"), null=True, blank=True)
    # Eligibility
    eligible_countries = models.JSONField(
        _("eligible countries"),
        default=list,
        blank=True,
        help_text=_("ISO codes; empty means not restricted or not stated."),
    )
    min_partners = models.PositiveSmallIntegerField(_("minimum number of partners"), null=True, blank=True)
    min_countries = models.PositiveSmallIntegerField(_("minimum number of countries"), null=True, blank=True)
    cluster_organisations_eligible = models.BooleanField(
        _("cluster organisations may apply"), null=True, blank=True, help_text=_("Empty: not stated.")
    )
    cluster_eligibility_inferred = models.BooleanField(
        _("cluster eligibility inferred from the text"),
        default=False,
        help_text=_("Set by the import when the call text names cluster organisations; not an official statement."),
    )
    requires_cluster_organisations = models.BooleanField(
        _("cluster organisations required in the consortium"), default=False
    )
    requires_smes = models.BooleanField(_("SMEs required"), default=False)
    requires_less_developed_regions = models.BooleanField(
        _("partners from less-developed regions required"), default=False
    )
    requires_eccp_registration = models.BooleanField(_("ECCP registration required"), default=False)
    ecosystems = models.ManyToManyField(
        "registry.Ecosystem", blank=True, related_name="funding_calls", verbose_name=_("industrial ecosystems")
    )
    tags = models.ManyToManyField(ThematicTag, blank=True, related_name="calls", verbose_name=_("thematic tags"))
    is_cascade_funding = models.BooleanField(
        _("cascade funding"), default=False, help_text=_("The call gives financial support to third parties.")
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    # Derived from the deadlines and the opening date by refresh_dates(); never edited.
    opens_at = models.DateTimeField(editable=False, null=True, db_index=True)
    closes_at = models.DateTimeField(editable=False, null=True, db_index=True)
    content_hash = models.CharField(editable=False, max_length=64, blank=True)
    last_imported_at = models.DateTimeField(_("last imported"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    is_published = models.BooleanField(_("published"), default=True, db_index=True)
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The long texts come last, so on SQLite the columns the list filters and sorts by stay in the first part of each
    # row and a scan need not follow the overflow pages of 14 kB descriptions.
    keywords = models.TextField(_("keywords"), blank=True)
    description_html = models.TextField(_("description"), blank=True, help_text=_("Sanitised HTML."))
    conditions_html = models.TextField(_("conditions"), blank=True, help_text=_("Sanitised HTML."))
    search_text = models.TextField(
        editable=False, default="", help_text="plain, folded text of title, keywords and description"
    )
    search_terms = models.TextField(editable=False, default="", help_text="distinct stems of title and keywords (fit)")

    objects = FundingCallQuerySet.as_manager()

    class Meta:
        ordering = ["closes_at", "identifier"]
        indexes = [
            # What the register's list filters and sorts by, so its count and its page of ids are index-only scans
            # (on SQLite a call's row spans pages: reading it for these columns would cost a page per call).
            models.Index(
                fields=[
                    "is_published",
                    "is_demo",
                    "closes_at",
                    "opens_at",
                    "source_status",
                    "currency",
                    "budget_min",
                    "budget_max",
                    "cluster_organisations_eligible",
                ],
                name="funding_call_list_idx",
            ),
            models.Index(fields=["programme", "is_published"], name="funding_call_programme_idx"),
        ]
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")

    def __str__(self):
        return f"{self.identifier} – {self.title}"

    def get_absolute_url(self):
        return reverse("funding:call", args=[self.identifier])

    # Dates and status ---------------------------------------------------------------------------------------------
    def refresh_dates(self, save: bool = True) -> None:
        """Recompute opens_at and closes_at from the opening date and the deadline rows."""
        if self.opening_date:
            zone = zoneinfo.ZoneInfo(self.time_zone or BRUSSELS)
            self.opens_at = datetime.datetime.combine(self.opening_date, datetime.time(0, 0), tzinfo=zone)
        else:
            self.opens_at = None
        self.closes_at = self.deadlines.aggregate(last=models.Max("at"))["last"] if self.pk else None
        if save:
            FundingCall.objects.filter(pk=self.pk).update(opens_at=self.opens_at, closes_at=self.closes_at)

    def status_at(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if self.closes_at and now >= self.closes_at:
            return CallStatus.CLOSED
        if self.closes_at is None and self.opens_at is None and self.source_status == CallStatus.CLOSED:
            return CallStatus.CLOSED
        if self.opens_at and now < self.opens_at:
            return CallStatus.FORTHCOMING
        if self.opens_at is None and self.source_status == CallStatus.FORTHCOMING:
            return CallStatus.FORTHCOMING
        return CallStatus.OPEN

    @property
    def status(self) -> str:
        return self.status_at()

    def next_deadline(self, now: datetime.datetime | None = None):
        """The first deadline still ahead (a FundingDeadline), or None. Uses prefetched deadlines when present."""
        now = now or timezone.now()
        return next((d for d in self.deadlines.all() if d.at > now), None)


class FundingDeadline(models.Model):
    """One deadline of a call: a single-stage call has one, a two-stage call one per stage, a call with cut-off
    dates one per cut-off. Stored in UTC; `time_zone` is the zone the funder states it in and pages show it in."""

    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="deadlines")
    at = models.DateTimeField(_("deadline"))
    time_zone = models.CharField(_("time zone"), max_length=64, default=BRUSSELS, validators=[validate_time_zone])
    stage = models.PositiveSmallIntegerField(_("stage or cut-off number"), default=1)
    label = models.CharField(_("label"), max_length=120, blank=True, help_text=_("E.g. 'first stage' or 'cut-off 2'."))

    class Meta:
        ordering = ["at", "stage"]
        constraints = [models.UniqueConstraint(fields=["call", "stage", "at"], name="funding_deadline_unique")]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")

    def __str__(self):
        return f"{self.call.identifier} {self.stage}: {self.local_time():%Y-%m-%d %H:%M} {self.time_zone}"

    def local_time(self) -> datetime.datetime:
        return self.at.astimezone(zoneinfo.ZoneInfo(self.time_zone))


class FundingSearchTerm(models.Model):
    """The search index: one row per distinct stem of a call's text (see funding/search.py). Exact matches on an
    indexed column are fast on both databases, where LIKE over long descriptions is not."""

    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["term", "call"], name="funding_term_idx")]
        constraints = [models.UniqueConstraint(fields=["call", "term"], name="funding_term_unique")]
