"""The figures a computed KPI can be (`Kpi.metric`): functions (programme, period, is_demo, cache=None) -> Decimal.

A metric answers for one period: stock figures (clusters, organisations, members, SME share, labels) as they were on
the period's last day, flow figures (activities, feedback, applications) over the period's days. `is_demo` is the
programme's flag: a real programme counts only real records, the demo programme only demo ones. None means "no
data" (a share of nobody, a mean of no answers), not zero.

The stock figures are the dashboard's own (figures/population.py and figures/labels.py, `build(Scope(programme,
period end))`), so a KPI and the dashboard never disagree; `cache` lets the KPIs of one table share a section built
for the same period. The other metrics are one query each here, with the same rules (the programme's clusters on
a day: Scope.in_programme_q; a membership in force: joined on or before, left after the day). The query count
depends on the metrics and periods asked for, never on the size of the programme.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.questionnaire import summarise

from .figures import Scope, section_module
from .figures.activities import OVERALL, day_end

PERIOD = re.compile(r"^(?P<year>\d{4})(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])))?$")
GRANULARITIES = ("year", "half", "quarter")


@dataclass(frozen=True, order=True)
class Period:
    """A year ("2025"), a half ("2025-H1") or a quarter ("2025-Q3"): its first and last day."""

    start: datetime.date
    end: datetime.date
    code: str

    @classmethod
    def parse(cls, code: str) -> "Period":
        match = PERIOD.match((code or "").strip())
        if not match:
            raise ValueError(f"not a period: {code!r}")
        year = int(match["year"])
        if match["half"]:
            first_month, months = (int(match["half"]) - 1) * 6 + 1, 6
        elif match["quarter"]:
            first_month, months = (int(match["quarter"]) - 1) * 3 + 1, 3
        else:
            first_month, months = 1, 12
        start = datetime.date(year, first_month, 1)
        last_month = first_month + months - 1
        following = datetime.date(year + 1, 1, 1) if last_month == 12 else datetime.date(year, last_month + 1, 1)
        return cls(start, following - datetime.timedelta(days=1), match.group(0))

    @property
    def granularity(self) -> str:
        return "half" if "-H" in self.code else "quarter" if "-Q" in self.code else "year"

    def previous(self) -> "Period":
        return period_containing(self.start - datetime.timedelta(days=1), self.granularity)

    def __str__(self):
        return self.code


def is_period(code: str) -> bool:
    return bool(PERIOD.match(code or ""))


def period_containing(day: datetime.date, granularity: str = "year") -> Period:
    if granularity == "half":
        return Period.parse(f"{day.year}-H{1 if day.month <= 6 else 2}")
    if granularity == "quarter":
        return Period.parse(f"{day.year}-Q{(day.month - 1) // 3 + 1}")
    return Period.parse(str(day.year))


def recent_periods(granularity: str = "year", count: int = 5, day: datetime.date | None = None) -> list[Period]:
    """The `count` periods up to and including the one containing `day` (today), oldest first."""
    periods = [period_containing(day or timezone.localdate(), granularity)]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return list(reversed(periods))


# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    code: str
    label: str
    compute: Callable  # (programme, period, is_demo, cache=None) -> Decimal | None
    unit: str = "count"


METRICS: dict[str, Metric] = {}


def metric(code: str, label, unit: str = "count"):
    def register(function):
        METRICS[code] = Metric(code, label, function, unit)
        return function

    return register


def metric_choices() -> list[tuple[str, str]]:
    return [(item.code, item.label) for item in METRICS.values()]


def compute(code: str, programme, period: Period, cache: dict | None = None) -> Decimal | None:
    """The metric for the programme and period; `cache` (a dict) lets metrics of one table share a section built
    for the same period."""
    return METRICS[code].compute(programme, period, programme.is_demo, cache=cache)


def _clusters(programme, day, is_demo):
    from klusterplattform.registry.models import ClusterOrganisation

    scope = Scope(programme=programme, as_of=day)
    return ClusterOrganisation.objects.filter(scope.in_programme_q(), is_demo=is_demo).values("pk")


def _in_period(field: str, period: Period) -> Q:
    start = day_end(period.start - datetime.timedelta(days=1))  # the first moment of the period's first day
    return Q(**{f"{field}__gte": start, f"{field}__lt": day_end(period.end)})


def _section(name: str, programme, period: Period, cache: dict | None):
    """The dashboard section `name` built for the period's last day, once per (section, period) in one table."""
    key = (name, programme.pk, period.code)
    if cache is not None and key in cache:
        return cache[key]
    built = section_module(name).build(Scope(programme=programme, as_of=period.end))
    if cache is not None:
        cache[key] = built
    return built


@metric("clusters", _("Clusters in the programme"))
def clusters(programme, period, is_demo, cache=None):
    return Decimal(_section("population", programme, period, cache).clusters)


@metric("organisations", _("Participating organisations (members and participants)"))
def organisations(programme, period, is_demo, cache=None):
    return Decimal(_section("population", programme, period, cache).organisations)


@metric("members", _("Dedicated members"))
def members(programme, period, is_demo, cache=None):
    return Decimal(_section("population", programme, period, cache).members)


@metric("sme_share", _("SME share of participating organisations (%)"), unit="percent")
def sme_share(programme, period, is_demo, cache=None):
    share = _section("population", programme, period, cache).sme_share
    return None if share is None else Decimal(str(share)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _labelled(levels: tuple[str, ...]):
    """Clusters holding a label of one of `levels` on the period's last day (the labels section counts a cluster
    with two labels at its highest level, so the levels add up)."""

    def count(programme, period, is_demo, cache=None):
        held = _section("labels", programme, period, cache).held
        return Decimal(sum(row.clusters for row in held if row.level in levels))

    return count


metric("label_bronze_or_higher", _("Clusters with a label in force (Bronze or higher)"))(
    _labelled(("bronze", "silver", "gold"))
)
metric("label_silver_or_higher", _("Clusters with a label in force (Silver or higher)"))(_labelled(("silver", "gold")))


@metric("activities", _("Activities held in the period"))
def activities(programme, period, is_demo, cache=None):
    from klusterplattform.activities.models import Activity

    if programme.is_demo != is_demo:
        return Decimal(0)
    return Decimal(
        Activity.objects.filter(_in_period("starts_at", period), programme=programme, is_published=True).count()
    )


@metric("feedback_score", _("Mean feedback score of the period's activities (1–5)"), unit="score")
def feedback_score(programme, period, is_demo, cache=None):
    """The mean of the 'overall' answers (1–5) to the feedback on the activities held in the period."""
    from klusterplattform.activities.models import FeedbackResponse

    if programme.is_demo != is_demo:
        return None
    answers = FeedbackResponse.objects.filter(
        _in_period("activity__starts_at", period), activity__programme=programme, activity__is_published=True
    ).values_list("answers", flat=True)
    summary = summarise([OVERALL], answers)[0]  # the activities section's reading of the same answers
    if not summary.answered:
        return None
    total = sum(value * count for value, count in summary.counts.items())
    return (Decimal(total) / summary.answered).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@metric("applications", _("Applications submitted to the programme's calls in the period"))
def applications(programme, period, is_demo, cache=None):
    from klusterplattform.calls.models import Application

    submitted = Application.objects.filter(
        _in_period("submitted_at", period), call__programme=programme, cluster__is_demo=is_demo
    )
    return Decimal(submitted.count())


@metric("eu_funding_intentions", _("Clusters intending to apply for EU funding"))
def eu_funding_intentions(programme, period, is_demo, cache=None):
    """Clusters of the programme that have marked an EU funding call "we intend to apply" by the period's end.
    The register keeps the current intention only, so a withdrawn intention no longer counts for past periods."""
    from klusterplattform.funding.models import FundingInterest

    interests = FundingInterest.objects.filter(
        intends_to_apply=True,
        created_at__lt=day_end(period.end),
        call__is_demo=is_demo,
        cluster__in=_clusters(programme, period.end, is_demo),
    )
    return Decimal(interests.aggregate(n=Count("cluster", distinct=True))["n"])
