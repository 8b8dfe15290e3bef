"""Who is in the programme: clusters by län and ecosystem, and the organisations in them on the "as of" day.

An organisation takes part on a day when it has a membership of any kind in force then (registry's `active_on`:
joined on or before the day, left after it). A dedicated member has a membership of kind `member` in force; every
other participant is a participating organisation. An organisation in two clusters counts once in the programme's
totals. Demo data never mixes with real: a real programme counts real clusters and organisations only, the demo
programme demo ones. Every figure is an aggregate in the database: three queries whatever the programme's size
(and the clusters in scope, shared with the other sections).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, Count, IntegerField, Max, Q, Value, When
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.charts import bar_chart
from klusterplattform.core.exports import Column
from klusterplattform.registry.choices import MembershipKind, OrganisationType, RegionLevel, SizeClass
from klusterplattform.registry.models import ClusterOrganisation, Membership, Organisation
from klusterplattform.registry.models.translated import in_language

from .activities import scoped_clusters

TREND_YEARS = 5  # the trend shows the end of each of the last five years, then the "as of" day


def scoped_cluster_ids(scope) -> list[int]:
    """The clusters the figures are about: in the programme on `as_of` (Scope's rule), within the reader's regions,
    and of the programme's kind (real or demo); the same set as every other section (activities.scoped_clusters,
    kept on the scope for the request)."""
    return sorted(scoped_clusters(scope))


@dataclass(frozen=True)
class NamedCount:
    """A row of a "clusters by …" table; the name follows the active language when it is shown."""

    code: str
    name_sv: str
    name_en: str
    clusters: int

    @property
    def name(self) -> str:
        return in_language(self, "name")


@dataclass(frozen=True)
class KindCount:
    """Organisations of one type or size class: all participating and the dedicated members among them."""

    code: str
    label: str
    organisations: int
    members: int


@dataclass(frozen=True)
class TrendPoint:
    day: datetime.date
    organisations: int
    members: int


@dataclass(frozen=True)
class PopulationSection:
    as_of: datetime.date
    is_demo: bool
    clusters: int
    by_region: tuple  # NamedCount per län (a cluster in two län counts in both)
    by_ecosystem: tuple  # NamedCount per ecosystem (a cluster in two ecosystems counts in both)
    organisations: int  # distinct organisations taking part on as_of
    members: int  # distinct dedicated members on as_of
    by_type: tuple  # KindCount per OrganisationType
    by_size: tuple  # KindCount per SizeClass
    trend: tuple  # TrendPoint per year end, then as_of

    @property
    def sme_share(self) -> float | None:
        """The SMEs' share of the participating organisations, in per cent (None without organisations)."""
        smes = next((row.organisations for row in self.by_type if row.code == OrganisationType.SME), 0)
        return round(100 * smes / self.organisations, 1) if self.organisations else None

    @property
    def participants_only(self) -> int:
        return self.organisations - self.members

    @property
    def type_chart(self):
        rows = [(row.label, row.organisations) for row in self.by_type]
        return bar_chart(
            rows,
            title=gettext("Participating organisations by type"),
            desc=gettext("One bar per organisation type: the number of organisations taking part on the day."),
            maximum=max([n for _label, n in rows] + [1]),
        )

    @property
    def trend_chart(self):
        rows = [(date_format(point.day, "SHORT_DATE_FORMAT"), point.organisations) for point in self.trend]
        return bar_chart(
            rows,
            title=gettext("Participating organisations over time"),
            desc=gettext("One bar per day: the number of organisations taking part at the end of each year."),
            maximum=max([n for _label, n in rows] + [1]),
        )


def active_on_q(day: datetime.date) -> Q:
    """Membership.objects.active_on(day) as a Q, for conditional counts (the same rule: left is exclusive)."""
    return (Q(joined__isnull=True) | Q(joined__lte=day)) & (Q(left__isnull=True) | Q(left__gt=day))


def trend_days(as_of: datetime.date, years: int = TREND_YEARS) -> list[datetime.date]:
    return [datetime.date(year, 12, 31) for year in range(as_of.year - years, as_of.year)] + [as_of]


def _by_region(scope, ids) -> tuple:
    links = ClusterOrganisation.regions.through.objects.filter(
        clusterorganisation_id__in=ids, region__country="SE", region__level=RegionLevel.COUNTY
    )
    if scope.region_ids is not None:
        links = links.filter(region_id__in=scope.region_ids)
    rows = (
        links.values("region__code", "region__name_sv", "region__name_en")
        .annotate(n=Count("clusterorganisation_id", distinct=True))
        .order_by("region__code")
    )
    return tuple(NamedCount(r["region__code"], r["region__name_sv"], r["region__name_en"], r["n"]) for r in rows)


def _by_ecosystem(ids) -> tuple:
    rows = (
        ClusterOrganisation.ecosystems.through.objects.filter(clusterorganisation_id__in=ids)
        .values("ecosystem__code", "ecosystem__name_sv", "ecosystem__name_en", "ecosystem__position")
        .annotate(n=Count("clusterorganisation_id", distinct=True))
        .order_by("-n", "ecosystem__position", "ecosystem__code")
    )
    return tuple(
        NamedCount(r["ecosystem__code"], r["ecosystem__name_sv"], r["ecosystem__name_en"], r["n"]) for r in rows
    )


def counts_by_organisation_kind(inner, levels: list[str], is_demo: bool) -> list[tuple]:
    """(type, size class, then organisations and members per level column) per kind of organisation, from `inner`:
    an ORM query with one row per organisation (`organisation_id`) and, per day, a level: 0 not taking part, 1 a
    participant, 2 a dedicated member. Grouping memberships by organisation first and only then joining the
    organisation (in key order) is what keeps this fast: at 5,000 clusters and 300,000 memberships it takes less
    than half the time of joining every membership to its organisation (SQLite and PostgreSQL alike;
    docs/performance.md). The SQL of `inner` is the ORM's, its parameters bound as the ORM binds them; the other
    names are quoted."""
    connection = connections[inner.db]
    try:
        sql, params = inner.query.sql_with_params()
    except EmptyResultSet:  # e.g. no cluster in scope: no rows, and no query
        return []
    quote = connection.ops.quote_name
    table = quote(Organisation._meta.db_table)
    sums = []
    for name in levels:
        level = f"per_organisation.{quote(name)}"
        sums += [f"SUM(CASE WHEN {level} >= 1 THEN 1 ELSE 0 END)", f"SUM(CASE WHEN {level} = 2 THEN 1 ELSE 0 END)"]
    query = (
        f"SELECT {table}.{quote('type')}, {table}.{quote('size_class')}, {', '.join(sums)} "  # noqa: S608 - quoted
        f"FROM ({sql}) per_organisation INNER JOIN {table} ON {table}.{quote('id')} = per_organisation."
        f"{quote('organisation_id')} WHERE {table}.{quote('is_demo')} = %s "
        f"GROUP BY {table}.{quote('type')}, {table}.{quote('size_class')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, (*params, is_demo))
        return cursor.fetchall()


def _level(condition: Q):
    """The highest of an organisation's memberships on a day: 2 a dedicated member, 1 a participant, 0 neither (one
    CASE per day and membership: the day's condition is evaluated once)."""
    member = Case(When(kind=MembershipKind.MEMBER, then=2), default=1, output_field=IntegerField())
    return Max(Case(When(condition, then=member), default=0, output_field=IntegerField()))


def selected_by_q(scope, ids, day) -> Q | None:
    """Memberships in clusters already selected into the programme on `day`, as a condition on the cluster (None:
    no cluster was selected yet). The selection days come with the clusters in scope (Scope.selection_days), so the
    membership scan needs no join to the participations; the shorter of the two id lists is written out."""
    selected = [pk for pk in ids if scope.selection_days.get(pk) is None or scope.selection_days[pk] <= day]
    if not selected:
        return None
    if len(selected) == len(ids):
        return Q()
    not_yet = sorted(set(ids) - set(selected))
    return Q(cluster_id__in=selected) if len(selected) < len(not_yet) else ~Q(cluster_id__in=not_yet)


def _organisation_cells(scope, ids, days) -> dict:
    """{(type, size_class): [(organisations, members) per day]} in one query: each organisation once per day, taking
    part when any of its memberships is in force then in a cluster already selected into the programme, a member
    when one of those is of the kind `member`. An organisation has one type and one size class, so the cells add up
    to the distinct totals."""
    levels = {}
    for index, day in enumerate(days):
        selected = selected_by_q(scope, ids, day)
        if selected is None:  # before the programme's first selection nobody counts
            levels[f"d{index}"] = Max(Value(0, output_field=IntegerField()))
        else:
            levels[f"d{index}"] = _level(active_on_q(day) & selected)
    inner = (
        Membership.objects.filter(cluster_id__in=ids)
        .filter(Q(joined__isnull=True) | Q(joined__lte=scope.as_of))
        .values("organisation_id")
        .annotate(**levels)
        .order_by()
    )
    cells = {}
    for row in counts_by_organisation_kind(inner, list(levels), scope.programme.is_demo):
        sums = [value or 0 for value in row[2:]]
        cells[(row[0], row[1])] = [(sums[2 * index], sums[2 * index + 1]) for index in range(len(days))]
    return cells


def _kind_counts(cells: dict, choices, position: int) -> tuple:
    """KindCount per choice on the last day (the "as of" day)."""
    rows = []
    for choice in choices:
        picked = [days[-1] for key, days in cells.items() if key[position] == choice.value]
        rows.append(KindCount(choice.value, choice.label, sum(n for n, _m in picked), sum(m for _n, m in picked)))
    return tuple(rows)


def _trend(cells: dict, days) -> tuple:
    return tuple(
        TrendPoint(day, sum(c[index][0] for c in cells.values()), sum(c[index][1] for c in cells.values()))
        for index, day in enumerate(days)
    )


def build(scope) -> PopulationSection:
    ids = scoped_cluster_ids(scope)
    days = trend_days(scope.as_of)
    cells = _organisation_cells(scope, ids, days)
    trend = _trend(cells, days)
    return PopulationSection(
        as_of=scope.as_of,
        is_demo=scope.programme.is_demo,
        clusters=len(ids),
        by_region=_by_region(scope, ids),
        by_ecosystem=_by_ecosystem(ids),
        organisations=trend[-1].organisations,
        members=trend[-1].members,
        by_type=_kind_counts(cells, OrganisationType, 0),
        by_size=_kind_counts(cells, SizeClass, 1),
        trend=trend,
    )


def sheets(section: PopulationSection) -> list:
    named = [Column(_("Code"), lambda row: row.code), Column(_("Name"), lambda row: row.name)]
    clusters = Column(_("Clusters"), lambda row: row.clusters)
    kinds = [
        Column(_("Participating organisations"), lambda row: row.organisations),
        Column(_("Dedicated members"), lambda row: row.members),
    ]
    totals = [
        (_("Clusters"), section.clusters),
        (_("Participating organisations"), section.organisations),
        (_("Dedicated members"), section.members),
        (_("SME share (%)"), section.sme_share),
    ]
    return [
        (
            _("Population"),
            [Column(_("Figure"), lambda row: row[0]), Column(_("Value"), lambda row: row[1])],
            totals,
        ),
        (_("Clusters by region"), [*named, clusters], section.by_region),
        (_("Clusters by ecosystem"), [*named, clusters], section.by_ecosystem),
        (_("Organisations by type"), [Column(_("Type"), lambda row: row.label), *kinds], section.by_type),
        (_("Organisations by size"), [Column(_("Size class"), lambda row: row.label), *kinds], section.by_size),
        (_("Organisations over time"), [Column(_("Date"), lambda row: row.day), *kinds], section.trend),
    ]
