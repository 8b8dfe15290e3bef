"""The directory's queries, written for speed: it is the API's hottest endpoint (see docs/performance.md).

The filter and the visibility rule stay in the ORM (ClusterFilter, visible_to: one source of truth); only the
execution skips the ORM's per-row machinery, and the page's region codes come from one small hand-written query.
"""

from functools import cache

from django.db import connection
from django.db.models import Count, Window

from ..models import ClusterOrganisation, Region

LIST_COLUMNS = ("id", "slug", "name", "country", "website", "is_demo")
# Filters that narrow the directory to a small part of it (a country, a region, an ecosystem …).
NARROWING = ("region", "country", "ecosystem", "sector", "label", "programme")


def fetch_page(queryset, cluster_filter, paging) -> tuple[list[tuple], int]:
    """The page's rows (LIST_COLUMNS) and the total number of matches, in as few and cheap queries as measured.

    Narrowed by a structured filter, the matches are few: the total rides along with the page as COUNT(*) OVER (),
    one query and one scan. Otherwise the matches are most of the directory: the page stops early on the sort index
    and a separate COUNT(*) reads only an index, which is several times faster than counting beside the page.
    """
    narrowed = any(getattr(cluster_filter, name) for name in NARROWING)
    if narrowed:
        columns = queryset.annotate(total_matches=Window(Count("*"))).values_list(*LIST_COLUMNS, "total_matches")
    else:
        columns = queryset.values_list(*LIST_COLUMNS)
    rows = _execute(columns[paging.offset : paging.offset + paging.size])
    if 0 < len(rows) < paging.size or (not rows and paging.page == 1):
        return rows, paging.offset + len(rows)  # a short page ends the list: it tells the total itself
    if narrowed and rows:
        return rows, rows[0][-1]
    return rows, queryset.count()


def _execute(queryset) -> list[tuple]:
    """Run the ORM's compiled SQL on a cursor: the rows as tuples, without building model rows."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@cache
def _region_codes_sql() -> str:
    quote = connection.ops.quote_name
    link, region = ClusterOrganisation.regions.through._meta, Region._meta
    cluster_column = quote(link.get_field("clusterorganisation").column)
    # Identifiers come from the models' metadata and the ids are passed as parameters: nothing from the request.
    return (
        f"SELECT l.{cluster_column}, r.{quote(region.get_field('code').column)}"  # noqa: S608
        f" FROM {quote(link.db_table)} l JOIN {quote(region.db_table)} r"
        f" ON r.{quote(region.pk.column)} = l.{quote(link.get_field('region').column)}"
        f" WHERE l.{cluster_column} IN "
    )


def region_codes_of(cluster_ids: list[int]) -> dict[int, list[str]]:
    """{cluster id: [region code, …]} for a page of clusters, in one query."""
    if not cluster_ids:
        return {}
    codes: dict[int, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(_region_codes_sql() + "(" + ", ".join(["%s"] * len(cluster_ids)) + ")", cluster_ids)
        for cluster_id, code in cursor.fetchall():
            codes.setdefault(cluster_id, []).append(code)
    for cluster_codes in codes.values():
        cluster_codes.sort()  # one or two regions each: cheaper here than an ORDER BY
    return codes
