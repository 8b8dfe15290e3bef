"""How well funding calls fit a cluster: a score on the one scoring engine (core/scoring.py) with reasons.

    fits = score_calls(cluster)          # every published, not-closed call (demo calls only for a demo cluster)
    fit = fit_for(cluster, call)         # one call, closed ones included
    fit.percentage, fit.eligible, fit.reasons, fit.call

Each call is scored on the criteria in WEIGHTS (weights are data, below). A criterion the call says nothing about is
n/a and leaves both the total and the maximum. Three criteria are gates: a call that is closed, that excludes
cluster organisations, or whose eligible countries leave out the cluster's country is not eligible, whatever its
percentage. Every criterion that applies gives a Reason (fit_reasons.py); some facts (a forthcoming opening date,
partners from less-developed regions) are neutral information with no score. The cluster's side (ecosystems,
profile words, partner network, SME members) is read once per run (fit_profile.py).

Speed (5,000 calls well under 100 ms): the calls are read in one query straight from the cursor, their ecosystems in
one query on the through table; the engine runs once per distinct combination of values; reasons are worked out and
put into words only when read; a fit's call is loaded when first read, a chunk at a time. Figures in
docs/performance.md.
"""

import contextlib
import datetime
import functools
import gc
import json
import math
import zoneinfo
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import CharField, F, FloatField, Func, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from klusterplattform.core.scoring import Criterion, Score, evaluate

from .choices import BRUSSELS, CallStatus
from .fit_profile import GENERIC_WORDS, ClusterProfile
from .fit_reasons import MESSAGES, Reason, country_aliases
from .models import FundingCall

__all__ = ["GENERIC_WORDS", "MESSAGES", "ClusterProfile", "Fit", "Reason", "fit_for", "score_calls"]

# The criteria and their weights. `gate`: a call that fails it is not eligible (closed, cluster organisations
# excluded, country not eligible).
WEIGHTS = {
    "ecosystem": 3,
    "themes": 3,
    "cluster_organisations": 2,
    "countries": 1,
    "partners": 2,
    "smes": 1,
    "eccp": 1,
    "deadline": 1,
}
GATES = {"cluster_organisations": 1.0, "countries": 1.0, "deadline": 0.1}  # code → value a call must reach

THEMES_FOR_FULL_MARKS = 3  # matching words for full marks on "themes"
DAYS_COMFORTABLE = 30  # at least this many days left: full marks, a positive reason
DAYS_SHORT = 14  # fewer days left: a low value, a negative reason
DEADLINE_VALUES = {"comfortable": 1.0, "medium": 0.7, "short": 0.3, "closed": 0.0}


def _criterion(code: str, gate: bool) -> Criterion:
    return Criterion(code, weight=WEIGHTS[code], required=gate, required_value=GATES.get(code) if gate else None)


# Built once: the plain criterion of every code, and the gating variant of the three gates (used when the gate
# applies to a call; a gate that does not apply is n/a, which must not block).
PLAIN = {code: _criterion(code, False) for code in WEIGHTS}
GATED = {code: _criterion(code, True) for code in GATES}

# The columns scoring reads, straight from the cursor (no model instances, no converters: see _rows()).
SCORE_FIELDS = (
    "id",
    "time_zone",
    "source_status",
    "opens_at",
    "closes_at",
    "eligible_countries",
    "min_partners",
    "min_countries",
    "cluster_organisations_eligible",
    "cluster_eligibility_inferred",
    "requires_smes",
    "requires_less_developed_regions",
    "requires_eccp_registration",
    "search_terms",
)
(
    ID,
    TIME_ZONE,
    SOURCE_STATUS,
    OPENS_AT,
    CLOSES_AT,
    COUNTRIES,
    MIN_PARTNERS,
    MIN_COUNTRIES,
    CLUSTERS_ELIGIBLE,
    CLUSTERS_INFERRED,
    REQUIRES_SMES,
    REQUIRES_LDR,
    REQUIRES_ECCP,
    SEARCH_TERMS,
) = range(len(SCORE_FIELDS))
# A call's big text columns stay in the database when a fit's call is loaded.
DEFERRED_FIELDS = ("description_html", "conditions_html", "search_text")
LOAD_CHUNK = 100  # calls loaded at once when a fit's call is first read


class CallLoader:
    """The calls behind a list of fits, loaded when first read: a chunk of LOAD_CHUNK calls at a time, in the order
    of the list, so a page of fits costs one query and scoring 5,000 calls builds no model instances."""

    def __init__(self, instances: dict | None = None):
        self.loaded: dict[int, FundingCall] = dict(instances or {})
        self.order: list[int] = []
        self.position: dict[int, int] = {}

    def set_order(self, ids: list[int]) -> None:
        self.order = ids
        self.position = {call_id: i for i, call_id in enumerate(ids)}

    def get(self, call_id: int) -> FundingCall:
        call = self.loaded.get(call_id)
        if call is None:
            start = self.position.get(call_id, 0)
            chunk = [i for i in self.order[start : start + LOAD_CHUNK] if i not in self.loaded] or [call_id]
            if call_id not in chunk:
                chunk.append(call_id)
            self.loaded.update(FundingCall.objects.defer(*DEFERRED_FIELDS).in_bulk(chunk))
            call = self.loaded[call_id]
        return call


@dataclass(eq=False, slots=True)
class Fit:
    """How one call fits one cluster. `reasons` are worked out when first read (a list of 5,000 fits only needs
    their percentages to be sorted)."""

    call_id: int
    percentage: float | None  # 0–100; None when no criterion applies
    eligible: bool
    status: str  # open, forthcoming or closed
    closes_at: datetime.datetime | None
    _scorer: "_Scorer" = field(repr=False)
    _row: tuple = field(repr=False)
    _ecosystems: tuple = field(repr=False)
    _reasons: list | None = field(default=None, repr=False)

    @property
    def call(self) -> FundingCall:
        """The call (its big text columns load only if read)."""
        return self._scorer.loader.get(self.call_id)

    @property
    def reasons(self) -> list[Reason]:
        if self._reasons is None:
            self._reasons = []
            self._scorer.score(self._row, self._ecosystems, self._reasons)
        return self._reasons

    @property
    def for_reasons(self) -> list[Reason]:
        return [r for r in self.reasons if r.positive is True]

    @property
    def against_reasons(self) -> list[Reason]:
        return [r for r in self.reasons if r.positive is False]

    @property
    def neutral_reasons(self) -> list[Reason]:
        return [r for r in self.reasons if r.positive is None]


# Scoring ----------------------------------------------------------------------------------------------------------

CLOSED, FORTHCOMING = CallStatus.CLOSED.value, CallStatus.FORTHCOMING.value
COMFORTABLE, MEDIUM, SHORT = DEADLINE_VALUES["comfortable"], DEADLINE_VALUES["medium"], DEADLINE_VALUES["short"]
CODES = ("deadline", "ecosystem", "themes", "cluster_organisations", "countries", "partners", "smes", "eccp")


@functools.lru_cache(maxsize=8192)
def _evaluate(values: tuple, gated: tuple) -> tuple[float | None, bool]:
    """The engine's percentage and pass for one combination of values (in CODES order) and gates that apply. Calls
    with the same values get the same answer, so the engine runs once per combination, not once per call."""
    criteria = [GATED[code] if gate else PLAIN[code] for code, gate in zip(CODES, gated, strict=True)]
    result = evaluate(criteria, [Score(code, value) for code, value in zip(CODES, values, strict=True)])
    percentage = result.percentage
    return (None if percentage is None else round(percentage, 1)), result.passed


def status_of(opens_at, closes_at, source_status: str, now) -> str:
    """FundingCall.status_at on bare values (the scoring loop builds no instances); a test keeps the two equal."""
    if closes_at is not None and now >= closes_at:
        return CallStatus.CLOSED
    if closes_at is None and opens_at is None and source_status == CallStatus.CLOSED:
        return CallStatus.CLOSED
    if opens_at is not None and now < opens_at:
        return CallStatus.FORTHCOMING
    if opens_at is None and source_status == CallStatus.FORTHCOMING:
        return CallStatus.FORTHCOMING
    return CallStatus.OPEN


class _Scorer:
    """Scores rows for one cluster; what depends only on the cluster, or on a value many calls share (a country
    list), is worked out once."""

    def __init__(self, profile: ClusterProfile, now, loader: CallLoader):
        self.profile = profile
        self.now = now
        self.loader = loader
        self.cluster_countries = country_aliases(profile.cluster.country)
        self.country_cache: dict = {}
        self.terms = profile.terms
        self.eccp = 1.0 if profile.cluster.eccp_profile_url else 0.0

    def countries(self, raw):
        """(applies, inside) for a call's eligible countries as the cursor gave them (JSON text or a list)."""
        key = raw if isinstance(raw, str) else json.dumps(raw)
        cached = self.country_cache.get(key)
        if cached is None:
            countries = json.loads(raw) if isinstance(raw, str) else (raw or [])
            inside = bool(self.cluster_countries & {str(c).upper() for c in countries})
            cached = self.country_cache[key] = (bool(countries), inside)
        return cached

    def score(self, row, call_ecosystems, reasons: list | None = None) -> Fit:
        """Score one row. With a list as `reasons`, also put the reasons into it (Fit.reasons does that when they
        are first read; scoring alone builds none)."""
        profile, now = self.profile, self.now
        opens_at, closes_at = _aware(row[OPENS_AT]), _aware(row[CLOSES_AT])
        explain = reasons is not None
        add = reasons.append if explain else None

        # Time (a gate: a closed call is not eligible)
        status = status_of(opens_at, closes_at, row[SOURCE_STATUS], now)
        if status == CLOSED:
            deadline, deadline_gate = DEADLINE_VALUES["closed"], True
            if explain:
                add(Reason("closed", False))
        elif closes_at is None:
            deadline, deadline_gate = None, False
            if explain:
                add(Reason("no_deadline", None))
        else:
            left = closes_at - now
            days = left.days
            deadline = COMFORTABLE if days >= DAYS_COMFORTABLE else MEDIUM if days >= DAYS_SHORT else SHORT
            deadline_gate = True
            if explain:
                positive = True if deadline == COMFORTABLE else None if deadline == MEDIUM else False
                add(Reason("closes_in", positive, (days, math.ceil(left.total_seconds() / 3600))))
        if explain and status == FORTHCOMING:
            if opens_at is not None:
                zone = zoneinfo.ZoneInfo(row[TIME_ZONE] or BRUSSELS)
                add(Reason("opens_on", None, (opens_at.astimezone(zone).date(),)))
            else:
                add(Reason("opening_unknown", None))

        # Ecosystems
        ecosystem = None
        if call_ecosystems:
            mine = profile.ecosystems
            ecosystem = 1.0 if any(e in mine for e in call_ecosystems) else 0.0
            if explain and ecosystem:
                add(Reason("ecosystem_match", True, (tuple(mine[e] for e in call_ecosystems if e in mine),)))
            elif explain:
                every = profile.all_ecosystems
                add(Reason("ecosystem_mismatch", False, (tuple(every[e] for e in call_ecosystems if e in every),)))

        # Themes: the call's key words (title, keywords, strand) against the cluster's profile
        themes = None
        if row[SEARCH_TERMS] and self.terms:
            common = self.terms.intersection(row[SEARCH_TERMS].split())
            themes = min(1.0, len(common) / THEMES_FOR_FULL_MARKS) if common else 0.0
            if explain and common:
                add(Reason("themes_match", True, (frozenset(common), self.loader, row[ID])))
            elif explain:
                add(Reason("themes_none", False))

        # Cluster organisations (a gate when the call excludes them)
        flag = row[CLUSTERS_ELIGIBLE]
        if flag is None:
            clusters, clusters_gate = None, False
            if explain:
                add(Reason("cluster_organisations_unknown", None))
        else:
            clusters, clusters_gate = (1.0 if flag else 0.0), True
            if explain and flag:
                inferred = row[CLUSTERS_INFERRED]
                add(Reason("cluster_organisations_inferred" if inferred else "cluster_organisations_yes", True))
            elif explain:
                add(Reason("cluster_organisations_no", False))

        # Countries (a gate when the call lists them)
        applies, inside = self.countries(row[COUNTRIES])
        countries = (1.0 if inside else 0.0) if applies else None
        if explain and applies:
            add(Reason("country_eligible" if inside else "country_not_eligible", inside, (profile.cluster.country,)))

        # Partners
        partners = None
        min_partners, min_countries = row[MIN_PARTNERS] or 0, row[MIN_COUNTRIES] or 0
        if min_partners > 1 or min_countries > 1:
            have_partners, have_countries = profile.partner_network
            partners = min(
                min(1.0, have_partners / min_partners) if min_partners > 1 else 1.0,
                min(1.0, have_countries / min_countries) if min_countries > 1 else 1.0,
            )
            if explain:
                add(Reason("partners", partners >= 1, (min_partners, min_countries, have_partners, have_countries)))

        # SMEs
        smes = None
        if row[REQUIRES_SMES]:
            n = profile.sme_members
            smes = 1.0 if n else 0.0
            if explain:
                add(Reason("smes_yes", True, (n,)) if n else Reason("smes_no", False))

        # ECCP registration
        eccp = None
        if row[REQUIRES_ECCP]:
            eccp = self.eccp
            if explain:
                add(Reason("eccp_yes" if eccp else "eccp_no", bool(eccp)))

        # Less-developed regions: we hold no region categories, so only a note
        if explain and row[REQUIRES_LDR]:
            add(Reason("less_developed_regions", None))

        percentage, passed = _evaluate(
            (deadline, ecosystem, themes, clusters, countries, partners, smes, eccp),
            (deadline_gate, False, False, clusters_gate, applies, False, False, False),
        )
        return Fit(row[ID], percentage, passed, status, closes_at, self, row, call_ecosystems)


def _aware(moment):
    """A moment as the raw row holds it (see _rows), made an aware datetime: seconds since 1970 (PostgreSQL), naive
    UTC text (SQLite), or a datetime (other databases; naive means UTC)."""
    if moment is None:
        return None
    if isinstance(moment, float):
        return datetime.datetime.fromtimestamp(moment, datetime.UTC)
    if isinstance(moment, str):  # Django keeps SQLite's timestamps as UTC text without an offset
        return datetime.datetime.fromisoformat(moment + "+00:00")
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment


def candidate_calls(cluster, now=None) -> QuerySet:
    """The calls a cluster is scored against: published, not closed, and real (a demo cluster also sees demo
    calls)."""
    calls = FundingCall.objects.filter(is_published=True).not_closed(now)
    if not cluster.is_demo:
        calls = calls.filter(is_demo=False)
    return calls


_FAR = datetime.datetime.max.replace(tzinfo=datetime.UTC)


def sort_key(fit: Fit):
    """Best first: eligible before not, higher percentage (none last), then the sooner deadline, then the call."""
    percentage = fit.percentage if fit.percentage is not None else -1.0
    return (not fit.eligible, -percentage, fit.closes_at or _FAR, fit.call_id)


def score_calls(cluster, calls=None, *, now=None, profile: ClusterProfile | None = None) -> list[Fit]:
    """Fit of `cluster` to `calls` (a queryset or FundingCall instances; None: candidate_calls), best first."""
    now = now or timezone.now()
    profile = profile or ClusterProfile(cluster)
    loader = CallLoader()
    if calls is None:
        queryset = candidate_calls(cluster, now)
    elif isinstance(calls, QuerySet):
        queryset = calls
    else:
        loader.loaded = {c.pk: c for c in calls}
        queryset = FundingCall.objects.filter(pk__in=list(loader.loaded))
    with _no_collection():
        rows = _rows(queryset)
        if not rows:
            return []
        ecosystems_of = _call_ecosystems(rows, queryset.db)
        if ecosystems_of:  # read both ecosystem lists up front: the count of queries stays the same whatever the calls
            profile.ecosystems, profile.all_ecosystems  # noqa: B018
        scorer = _Scorer(profile, now, loader)
        none: tuple = ()
        fits = [scorer.score(row, ecosystems_of.get(row[ID], none)) for row in rows]
        fits.sort(key=sort_key)
    loader.set_order([f.call_id for f in fits])
    return fits


@contextlib.contextmanager
def _no_collection():
    """The garbage collector paused: scoring makes thousands of small objects, none of them garbage, and the
    collector's passes over them would cost more than the scoring."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _raw_moment(vendor: str, name: str):
    """The expression a timestamp column is read through, for a cheap conversion in Python (see _aware)."""
    if vendor == "postgresql":
        # psycopg turns timestamptz into datetimes through Django's Python-level zone loader (~7 µs a value, most of
        # the query's time); seconds since 1970 as a double come through its C loader (float8 keeps microseconds).
        return Func(F(name), template="EXTRACT(EPOCH FROM %(expressions)s)::float8", output_field=FloatField())
    if vendor == "sqlite":
        # SQLite's cursor would parse the text with Django's converter in Python; fromisoformat does it in C.
        return Cast(name, CharField())
    return F(name)


def _rows(queryset) -> list[tuple]:
    """The SCORE_FIELDS of the queryset's calls as the database cursor returns them, in one query: Django's
    per-value converters cost more than the scoring itself at 5,000 calls."""
    vendor = connections[queryset.db].vendor
    queryset = queryset.annotate(fit_opens=_raw_moment(vendor, "opens_at"), fit_closes=_raw_moment(vendor, "closes_at"))
    fields = tuple({"opens_at": "fit_opens", "closes_at": "fit_closes"}.get(f, f) for f in SCORE_FIELDS)
    return _fetch(queryset.order_by().values_list(*fields))


def _fetch(queryset) -> list[tuple]:
    """The rows of a values_list queryset straight from the cursor (no per-row iteration in Django)."""
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _call_ecosystems(rows, using: str) -> dict[int, tuple[int, ...]]:
    """{call id: ecosystem ids} in one query on the through table: for a few calls only theirs, for many every link
    (reading them all is quicker than asking the database to match thousands of ids)."""
    links = FundingCall.ecosystems.through.objects.using(using).order_by("fundingcall_id", "ecosystem_id")
    if len(rows) <= 500:
        links = links.filter(fundingcall_id__in=[r[ID] for r in rows])
    grouped: dict[int, list[int]] = {}
    for call_id, ecosystem_id in _fetch(links.values_list("fundingcall_id", "ecosystem_id")):
        grouped.setdefault(call_id, []).append(ecosystem_id)
    return {call_id: tuple(ids) for call_id, ids in grouped.items()}


def fit_for(cluster, call, now=None) -> Fit:
    """The fit of one call (closed or not) for `cluster`."""
    return score_calls(cluster, [call], now=now)[0]
