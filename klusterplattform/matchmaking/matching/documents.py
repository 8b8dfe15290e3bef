"""Reading index documents for a ranking, and the whole population of cluster documents kept per process.

A cluster ranking reads all 5,000 cluster documents of its population on every request; fetching and parsing them
costs more than scoring them. So `population` keeps the parsed rows in this process and reuses them while the index
is unchanged, which one aggregate query per request checks: the number of documents and the time the latest was
written (`indexed_at`, set on every write, rebuild or update). The database stays the one source of truth — every
app server sees a change on its next request — and the copy is ~1 MB per population.
"""

import datetime
import threading

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


def population(kind: str, is_demo: bool) -> list[tuple]:
    """Every document of one kind and population, as `read` gives them; reused while the index is unchanged."""
    version = tuple(
        MatchDocument.objects.filter(kind=kind, is_demo=is_demo)
        .aggregate(count=Count("pk"), last=Max("indexed_at"))
        .values()
    )
    key = (kind, is_demo)
    cached = _populations.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    rows = read(kind, is_demo, parse=True)
    with _lock:
        _populations[key] = (version, rows)
    return rows
