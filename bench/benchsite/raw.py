"""Hand-written SQL versions of the directory, returning the same JSON as /api/v1/clusters.

Two floors, both covering what the benchmark asks (q, country, region, ecosystem; sort by name; anonymous
visibility) with the same paging rules:

- raw_clusters — the plain hand-written endpoint the goal is measured against: the page, a COUNT(*), and the page's
  region codes, three queries, as a developer would write it by hand.
- tuned_raw_clusters — the stricter floor: the same query plan as ours for a narrowed query (the total counted
  beside the page, then the region codes), so the difference to ours is only our Python layer (ORM and ninja).
"""

import json

from django.db import connection
from django.http import HttpResponse

from klusterplattform.core.paging import page_request
from klusterplattform.core.text import search_terms

COLUMNS = "c.id, c.slug, c.name, c.country, c.website, c.is_demo"
ECOSYSTEM_LINK = (
    "EXISTS (SELECT 1 FROM registry_clusterorganisation_ecosystems l JOIN registry_ecosystem e ON e.id = l.ecosystem_id"
    " WHERE l.clusterorganisation_id = {c}.id AND e.code = %s)"
)
REGION_LINK = (
    "EXISTS (SELECT 1 FROM registry_clusterorganisation_regions l JOIN registry_region r ON r.id = l.region_id"
    " WHERE l.clusterorganisation_id = {c}.id AND (r.code = %s OR r.nuts2_code = %s))"
)


def where_clause(params, c: str = "c") -> tuple[str, list]:
    """FROM … WHERE … for the filters, with the cluster table under alias `c`."""
    conditions, args = [f"{c}.is_published"], []
    for word in search_terms(params.get("q", "")):
        conditions.append(f"{c}.search_text LIKE %s ESCAPE '\\'")
        args.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if country := params.get("country", "").upper()[:2]:
        conditions.append(f"{c}.country = %s")
        args.append(country)
    if region := params.get("region", ""):
        conditions.append(REGION_LINK.format(c=c))
        args += [region, region]
    if ecosystem := params.get("ecosystem", ""):
        conditions.append(ECOSYSTEM_LINK.format(c=c))
        args.append(ecosystem)
    return f"FROM registry_clusterorganisation {c} WHERE " + " AND ".join(conditions), args


def region_codes(cursor, rows) -> dict[int, list[str]]:
    codes: dict[int, list[str]] = {}
    if rows:
        marks = ", ".join(["%s"] * len(rows))
        cursor.execute(
            "SELECT l.clusterorganisation_id, r.code FROM registry_clusterorganisation_regions l"
            f" JOIN registry_region r ON r.id = l.region_id WHERE l.clusterorganisation_id IN ({marks})"
            " ORDER BY r.code",
            [row[0] for row in rows],
        )
        for cluster_id, code in cursor.fetchall():
            codes.setdefault(cluster_id, []).append(code)
    return codes


def respond(request, paging, rows, total, codes) -> HttpResponse:
    base = request.build_absolute_uri("/kluster/")
    results = [
        {
            "slug": row[1],
            "name": row[2],
            "country": row[3],
            "regions": codes.get(row[0], []),
            "website": row[4],
            "is_demo": bool(row[5]),
            "url": f"{base}{row[1]}/",
        }
        for row in rows
    ]
    body = {"count": total, "page": paging.page, "page_size": paging.size, "results": results}
    return HttpResponse(json.dumps(body, ensure_ascii=False, separators=(",", ":")), content_type="application/json")


def raw_clusters(request):
    paging = page_request(request.GET.get("page"), request.GET.get("page_size"))
    source, args = where_clause(request.GET)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {COLUMNS} {source} ORDER BY c.sort_name, c.id LIMIT %s OFFSET %s",
            [*args, paging.size, paging.offset],
        )
        rows = cursor.fetchall()
        cursor.execute(f"SELECT COUNT(*) {source}", args)
        total = cursor.fetchone()[0]
        codes = region_codes(cursor, rows)
    return respond(request, paging, rows, total, codes)


def tuned_raw_clusters(request):
    """Our plan for a narrowed query: the total as COUNT(*) OVER () beside the page, then the region codes."""
    paging = page_request(request.GET.get("page"), request.GET.get("page_size"))
    source, args = where_clause(request.GET)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {COLUMNS}, COUNT(*) OVER () {source} ORDER BY c.sort_name, c.id LIMIT %s OFFSET %s",
            [*args, paging.size, paging.offset],
        )
        rows = cursor.fetchall()
        if 0 < len(rows) < paging.size or (not rows and paging.page == 1):
            total = paging.offset + len(rows)
        elif rows:
            total = rows[0][-1]
        else:
            cursor.execute(f"SELECT COUNT(*) {source}", args)
            total = cursor.fetchone()[0]
        codes = region_codes(cursor, rows)
    return respond(request, paging, rows, total, codes)
