"""The ranking maths of a call's review: pure functions over plain values (no database), scored by the one
scoring engine (core/scoring.py).

Per review
- A criterion is scored on its scale `lowest..highest` (e.g. 1–5) or marked n/a (None) when it allows that.
- **Total**: the weighted sum of the scores as given, Σ weight × score over the applicable criteria (n/a left out).
- **Percentage**: the engine's percentage of the *normalised* scores: each score counts as (score − lowest) on a
  scale of (highest − lowest), so the lowest score of every criterion is 0 % and the highest 100 %; n/a criteria
  leave both the points and the maximum. None when every criterion is n/a.

Per application (submitted reviews only)
- **Mean total** and **mean percentage**: the arithmetic means over the reviews (a review without a percentage,
  i.e. all n/a, is left out of the percentage mean).
- Per criterion: mean, lowest and highest score, and the population standard deviation of the scores given
  (n/a left out); None when nobody scored it.
- **Agreement**: the population standard deviation of the reviewers' percentages, in percentage points. 0 means
  the reviewers agree exactly; the larger, the more they disagree. None with fewer than two percentages.

Ranking: by mean percentage, highest first; equal means share a rank (1, 2, 2, 4); applications without any
submitted review have no rank and come last.
"""

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from klusterplattform.core.scoring import Criterion, Score, evaluate


@dataclass(frozen=True)
class Scale:
    """A review criterion as the maths sees it."""

    code: str
    weight: float
    lowest: int
    highest: int


@dataclass(frozen=True)
class ReviewScore:
    total: float | None  # None when every criterion is n/a
    percentage: float | None


@dataclass(frozen=True)
class CriterionStats:
    count: int
    mean: float | None
    lowest: float | None
    highest: float | None
    sd: float | None


@dataclass
class Summary:
    reviews: int = 0
    mean_total: float | None = None
    mean_percentage: float | None = None
    criteria: dict[str, CriterionStats] = field(default_factory=dict)
    agreement: float | None = None
    rank: int | None = None


def scales_of(criteria: Iterable) -> list[Scale]:
    """ReviewCriterion rows (or anything with code, weight, scale_min, scale_max) as Scales."""
    return [Scale(c.code, float(c.weight), int(c.scale_min), int(c.scale_max)) for c in criteria]


def score_review(scales: list[Scale], scores: Mapping[str, int | None]) -> ReviewScore:
    """Total and percentage of one review; `scores` maps codes to a score or None (n/a). Criteria missing from
    `scores` count as unscored (0 on the normalised scale), which only a draft can have."""
    criteria = [Criterion(s.code, weight=s.weight, scale_max=s.highest - s.lowest) for s in scales]
    by_code = {s.code: s for s in scales}
    given = [
        Score(code, None if value is None else value - by_code[code].lowest)
        for code, value in scores.items()
        if code in by_code
    ]
    result = evaluate(criteria, given)
    applicable = [s for s in scales if s.code not in result.not_applicable]
    if not applicable:
        return ReviewScore(None, None)
    total = result.total + sum(s.weight * s.lowest for s in applicable if s.code not in result.unscored)
    return ReviewScore(total, result.percentage)


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def summarise(scales: list[Scale], reviews: list[Mapping[str, int | None]]) -> Summary:
    """The figures of one application from its submitted reviews' scores."""
    scored = [score_review(scales, scores) for scores in reviews]
    totals = [s.total for s in scored if s.total is not None]
    percentages = [s.percentage for s in scored if s.percentage is not None]
    summary = Summary(
        reviews=len(reviews),
        mean_total=_mean(totals),
        mean_percentage=_mean(percentages),
        agreement=statistics.pstdev(percentages) if len(percentages) >= 2 else None,
    )
    for scale in scales:
        values = [float(r[scale.code]) for r in reviews if r.get(scale.code) is not None]
        summary.criteria[scale.code] = CriterionStats(
            count=len(values),
            mean=_mean(values),
            lowest=min(values) if values else None,
            highest=max(values) if values else None,
            sd=statistics.pstdev(values) if values else None,
        )
    return summary


def rank(summaries: list[Summary]) -> None:
    """Set `rank` on each summary: by mean percentage, highest first, ties share a rank; None without a mean."""
    ranked = sorted((s for s in summaries if s.mean_percentage is not None), key=lambda s: -s.mean_percentage)
    previous, previous_rank = None, 0
    for position, summary in enumerate(ranked, start=1):
        key = round(summary.mean_percentage, 9)  # means equal but for floating-point noise share a rank
        if key != previous:
            previous_rank = position
        summary.rank = previous_rank
        previous = key
    for summary in summaries:
        if summary.mean_percentage is None:
            summary.rank = None


# The ranking table of a call (the database side: pages and exports use this)

STATUS_ORDER = ("eligibility_check", "in_review", "selected", "reserve", "rejected", "submitted", "withdrawn")
SORTS = ("rank", "cluster", "status", "reviews", "total", "percentage", "agreement", "-agreement")


def sort_choices() -> list[tuple[str, str]]:
    from django.utils.translation import gettext as _

    return [
        ("rank", _("Rank")),
        ("cluster", _("Cluster organisation")),
        ("status", _("Status")),
        ("reviews", _("Reviews submitted (most first)")),
        ("-agreement", _("Agreement (least agreement first)")),
        ("agreement", _("Agreement (most agreement first)")),
    ]


@dataclass
class Row:
    application: object
    cluster: str
    regions: list[str]
    status: str
    status_label: str
    submitted: int
    assigned: int
    summary: Summary
    criteria: list = field(default_factory=list)  # CriterionStats in the order of the call's criteria


@dataclass
class Table:
    criteria: list
    rows: list[Row]
    count: int  # applications before filtering
    status: str = ""
    region: str = ""
    min_reviews: int | None = None
    complete: bool = False
    sort: str = "rank"
    statuses: list = field(default_factory=list)
    regions: list = field(default_factory=list)


def review_score(criteria, review) -> ReviewScore:
    """The total and percentage of one stored review (ReviewCriterion rows and a Review)."""
    return score_review(scales_of(criteria), review.scores)


def _sort_key(sort: str):
    def none_last(value, descending=False):
        if value is None:
            return (1, 0)
        return (0, -value if descending else value)

    keys = {
        "rank": lambda r: (none_last(r.summary.rank), r.cluster.lower()),
        "cluster": lambda r: (r.cluster.lower(), r.application.pk),
        "status": lambda r: (r.status_label.lower(), r.cluster.lower()),
        "reviews": lambda r: (-r.submitted, r.cluster.lower()),
        "total": lambda r: (none_last(r.summary.mean_total, True), r.cluster.lower()),
        "percentage": lambda r: (none_last(r.summary.mean_percentage, True), r.cluster.lower()),
        "agreement": lambda r: (none_last(r.summary.agreement), r.cluster.lower()),
        "-agreement": lambda r: (none_last(r.summary.agreement, True), r.cluster.lower()),
    }
    return keys[sort]


def build(call, params) -> Table:
    """The call's applications (all but drafts) with their review figures, ranked over every application that is
    not withdrawn, then filtered by `params` (a QueryDict or dict: status, region, min_reviews, complete=1,
    sort=<one of SORTS>; unknown values are ignored). The page and the exports show exactly `rows`."""
    from django.db.models import Prefetch

    from .choices import ApplicationStatus
    from .models import ReviewAssignment

    criteria = list(call.criteria.all())
    scales = scales_of(criteria)
    applications = list(
        call.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("cluster")
        .prefetch_related(
            "regions",
            Prefetch(
                "assignments",
                queryset=ReviewAssignment.objects.filter(conflict_declared_at__isnull=True).select_related("review"),
                to_attr="active_assignments",
            ),
        )
    )
    rows = []
    for application in applications:
        reviews = []
        for assignment in application.active_assignments:
            review = getattr(assignment, "review", None) if _has_review(assignment) else None
            if review is not None and review.is_submitted:
                reviews.append(review.scores)
        rows.append(
            Row(
                application=application,
                cluster=application.cluster.name,
                regions=sorted(region.code for region in application.regions.all()),
                status=application.status,
                status_label=str(application.get_status_display()),
                submitted=len(reviews),
                assigned=len(application.active_assignments),
                summary=summarise(scales, reviews),
            )
        )
        rows[-1].criteria = [rows[-1].summary.criteria[c.code] for c in criteria]
    rank([r.summary for r in rows if r.status != ApplicationStatus.WITHDRAWN])
    table = Table(criteria=criteria, rows=rows, count=len(rows))
    table.statuses = [(value, label) for value, label in ApplicationStatus.choices if value != ApplicationStatus.DRAFT]
    table.regions = sorted({code for row in rows for code in row.regions})
    get = params.get
    status = get("status") or ""
    if status in dict(table.statuses):
        table.status = status
        rows = [r for r in rows if r.status == status]
    region = get("region") or ""
    if region in table.regions:
        table.region = region
        rows = [r for r in rows if region in r.regions]
    try:
        min_reviews = int(get("min_reviews") or "")
    except ValueError:
        min_reviews = None
    if min_reviews is not None and min_reviews >= 0:
        table.min_reviews = min_reviews
        rows = [r for r in rows if r.submitted >= min_reviews]
    if get("complete") == "1":
        table.complete = True
        rows = [r for r in rows if r.assigned and r.submitted == r.assigned]
    sort = get("sort") or "rank"
    if sort not in SORTS:
        sort = "rank"
    table.sort = sort
    rows.sort(key=_sort_key(sort))
    table.rows = rows
    return table


def _has_review(assignment) -> bool:
    from .models import Review

    try:
        assignment.review  # noqa: B018 - the reverse one-to-one raises when there is none
    except Review.DoesNotExist:
        return False
    return True


def _number(value, digits=2):
    return None if value is None else round(value, digits)


def columns(table: Table) -> list:
    """The export's columns: the page's table, one column per figure."""
    from django.utils.translation import gettext as _

    from klusterplattform.core.exports import Column

    result = [
        Column(_("Rank"), lambda r: r.summary.rank),
        Column(_("Application"), lambda r: r.application.pk),
        Column(_("Cluster organisation"), lambda r: r.cluster),
        Column(_("Regions"), lambda r: ", ".join(r.regions)),
        Column(_("Status"), lambda r: r.status_label),
        Column(_("Reviews submitted"), lambda r: r.submitted),
        Column(_("Reviewers assigned"), lambda r: r.assigned),
        Column(_("Mean total"), lambda r: _number(r.summary.mean_total)),
        Column(_("Mean percentage"), lambda r: _number(r.summary.mean_percentage, 1)),
    ]
    for criterion in table.criteria:
        code = criterion.code

        def stat(name, code=code):
            return lambda r: _number(getattr(r.summary.criteria[code], name))

        result += [
            Column(_("%(code)s mean") % {"code": code}, stat("mean")),
            Column(_("%(code)s lowest") % {"code": code}, stat("lowest")),
            Column(_("%(code)s highest") % {"code": code}, stat("highest")),
            Column(_("%(code)s standard deviation") % {"code": code}, stat("sd")),
        ]
    result.append(
        Column(_("Agreement (standard deviation of the percentages)"), lambda r: _number(r.summary.agreement, 1))
    )
    return result
