"""Reading index documents for a ranking, and the whole population of cluster documents kept per process.

A cluster ranking reads all 5,000 cluster documents of its population on every request; fetching and parsing them
costs more than scoring them. So `population` keeps the parsed rows in this process and reuses them while the index
is unchanged, which one aggregate query per request checks: the number of documents and the time the latest was
written (`indexed_at`, set on every write, rebuild or update). The database stays the one source of truth — every
app server sees a change on its next request — and the copy is ~1 MB per population.
"""

import datetime
import json
import threading

from django.db import connection
from django.db.models import CharField, Count, DateField, Max, Q
from django.db.models.functions import Cast

from ..models import MatchDocument

_populations: dict = {}  # (kind, is_demo) → (version, rows)
_lock = threading.Lock()


def _day(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text[:10]) if text else None


def read(kind: str, is_demo: bool, object_ids=None, also=(), parse: bool = False) -> list[tuple]:
    """(document id, object id, country, features, length, day of the profile's last change) for the documents of
    `object_ids` (a list or a subquery; None: all) and the documents with ids in `also`. `features` is the text of
    space-separated tokens, or with `parse` their frozenset. Rows hold no other containers, so a request that reads
    thousands leaves Python's garbage collector little to scan (see scoring.py)."""
    if object_ids is not None and isinstance(object_ids, list | tuple):
        rows = _read_listed(kind, is_demo, list(object_ids), list(also))
    else:
        documents = MatchDocument.objects.filter(kind=kind, is_demo=is_demo)
        if object_ids is not None:
            documents = documents.filter(Q(object_id__in=object_ids) | Q(pk__in=list(also)))
        # The day as ISO text, not the moment: parsing thousands of datetimes would cost more than scoring them.
        day = Cast(Cast("source_updated_at", DateField()), CharField())
        rows = documents.annotate(day=day).values_list("pk", "object_id", "country", "features", "length", "day")
    days: dict = {}
    result = []
    # Not .iterator(): a server-side cursor on PostgreSQL costs more than the ~1,000 rows a ranking reads.
    for pk, object_id, country, features, length, text in rows:
        if text not in days:
            days[text] = _day(text)
        result.append((pk, object_id, country, frozenset(features.split()) if parse else features, length, days[text]))
    return result


def _read_listed(kind: str, is_demo: bool, object_ids: list[int], also: list[int]) -> list[tuple]:
    """The same rows for ids given as lists, with each list as one parameter (an array on PostgreSQL, JSON on
    SQLite): a member tab reads ~1,200 documents, where 1,200 placeholders cost more in the driver than the read
    (7 against 14 ms on PostgreSQL, bench/matchmaking_match_bench.py)."""
    table = connection.ops.quote_name(MatchDocument._meta.db_table)
    if connection.vendor == "postgresql":
        day, listed = "(source_updated_at::date)::text", "{} = ANY(%s)"
        params = [object_ids, also]
    else:
        day, listed = "date(source_updated_at)", "{} IN (SELECT value FROM json_each(%s))"
        params = [json.dumps(object_ids), json.dumps(also)]
    sql = (
        f"SELECT id, object_id, country, features, length, {day} FROM {table} "  # noqa: S608 (names from the model)
        f"WHERE kind = %s AND is_demo = %s AND ({listed.format('object_id')} OR {listed.format('id')})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [kind, is_demo, *params])
        return cursor.fetchall()


def population(kind: str, is_demo: bool) -> list[tuple]:
    """Every document of one kind and population, as `read` gives them; reused while the index is unchanged."""
    # The version of the whole kind, demo and real: the index state `remembered` keeps is per kind.
    version = tuple(
        MatchDocument.objects.filter(kind=kind).aggregate(count=Count("pk"), last=Max("indexed_at")).values()
    )
    key = (kind, is_demo)
    cached = _populations.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    rows = read(kind, is_demo, parse=True)
    with _lock:
        _populations[key] = (version, rows, {})
    return rows


def remembered(kind: str, is_demo: bool, name: str, compute):
    """A value derived from the index that holds as long as the population just returned by `population` (call it
    first): computed once per index version. Whatever changes it also re-indexes the documents — publishing or
    unpublishing a cluster saves it, and the index state moves with every document — so the version covers it."""
    extras = _populations[(kind, is_demo)][2]
    if name not in extras:
        extras[name] = compute()
    return extras[name]
