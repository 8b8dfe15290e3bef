"""Writing the match index: a whole rebuild per kind, and the update of a few documents when their profiles change.

A rebuild replaces every document and term of a kind and recounts the document frequencies with one GROUP BY; an
update rewrites only the changed documents and moves the frequencies of their old and new terms by ±1, so no other
document is touched (BM25 weights are computed at query time, see ranking.py).
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import Count, F, Sum
from django.utils import timezone

from klusterplattform.core.bulk import insert_rows

from ..choices import DocumentKind
from ..models import MatchDocument, MatchIndexState, MatchTerm, MatchTermStat
from .features import cluster_profiles, organisation_profiles

MAX_TERMS_PER_DOCUMENT = 400
BATCH = 2000
UPDATE_CHUNK = 2000
PROFILE_READERS = {DocumentKind.CLUSTER: cluster_profiles, DocumentKind.ORGANISATION: organisation_profiles}


def _document(kind, profile) -> MatchDocument:
    return MatchDocument(
        kind=kind,
        object_id=profile.object_id,
        is_demo=profile.is_demo,
        country=profile.country,
        features=" ".join(sorted(profile.tokens)),
        length=profile.length,
        source_updated_at=profile.updated_at,
    )


def _kept_terms(profile) -> list[tuple[str, int]]:
    """The document's terms, most frequent first when a very long profile has more than the cap."""
    terms = sorted(profile.terms.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS_PER_DOCUMENT]
    return [(term[:40], min(count, 32767)) for term, count in terms]


def _table(model) -> str:
    return model._meta.db_table


def rebuild(kind: str, progress=None) -> int:
    """Replace the whole index of one kind; returns the number of documents."""
    profiles = PROFILE_READERS[kind]()
    quote = connection.ops.quote_name
    with transaction.atomic():
        MatchTerm.objects.filter(kind=kind).delete()  # no dependants: one DELETE statement
        MatchTermStat.objects.filter(kind=kind).delete()
        with connection.cursor() as cursor:  # raw: the ORM would load every document to cascade
            cursor.execute(f"DELETE FROM {quote(_table(MatchDocument))} WHERE kind = %s", [kind])  # noqa: S608
        total_length = 0
        for start in range(0, len(profiles), BATCH):
            batch = profiles[start : start + BATCH]
            documents = MatchDocument.objects.bulk_create([_document(kind, p) for p in batch], batch_size=BATCH)
            if documents and documents[0].pk is None:  # a database that returns no ids from bulk inserts
                documents = _reload(kind, [p.object_id for p in batch])
            rows = [(d.pk, kind, t, c) for d, p in zip(documents, batch, strict=True) for t, c in _kept_terms(p)]
            insert_rows(_table(MatchTerm), ["document_id", "kind", "term", "count"], rows)
            total_length += sum(p.length for p in batch)
            if progress:
                progress(start + len(batch), len(profiles))
        _recount_terms(kind)
        MatchIndexState.objects.update_or_create(
            kind=kind,
            defaults={"documents": len(profiles), "total_length": total_length, "rebuilt_at": timezone.now()},
        )
    return len(profiles)


def _reload(kind, object_ids):
    by_object = dict(MatchDocument.objects.filter(kind=kind, object_id__in=object_ids).values_list("object_id", "pk"))
    return [MatchDocument(pk=by_object[o]) for o in object_ids]


def _recount_terms(kind: str) -> None:
    quote = connection.ops.quote_name
    stat, term = quote(_table(MatchTermStat)), quote(_table(MatchTerm))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {stat} (kind, term, documents) "  # noqa: S608 (names from the models)
            f"SELECT kind, term, COUNT(*) FROM {term} WHERE kind = %s GROUP BY kind, term",
            [kind],
        )


def update(kind: str, object_ids) -> None:
    """Re-index the documents of these objects (and drop those whose object is gone), moving the statistics. An
    import hands over up to hundreds of thousands of ids: they are handled in chunks with bulk writes, within one
    transaction, and the frequencies and totals are moved once at the end."""
    object_ids = sorted(set(object_ids))
    if not object_ids:
        return
    deltas, documents, length = Counter(), 0, 0
    with transaction.atomic():
        for start in range(0, len(object_ids), UPDATE_CHUNK):
            chunk = _update_chunk(kind, object_ids[start : start + UPDATE_CHUNK])
            deltas.update(chunk[0])
            documents += chunk[1]
            length += chunk[2]
        _move_frequencies(kind, deltas)
        state, _created = MatchIndexState.objects.get_or_create(kind=kind)
        MatchIndexState.objects.filter(pk=state.pk).update(
            documents=F("documents") + documents, total_length=F("total_length") + length
        )


def _update_chunk(kind: str, object_ids: list[int]) -> tuple[Counter, int, int]:
    """Rewrite one chunk; returns (term frequency deltas, document count delta, length delta)."""
    old = {
        object_id: (pk, length)
        for object_id, pk, length in MatchDocument.objects.filter(kind=kind, object_id__in=object_ids)
        .select_for_update()
        .values_list("object_id", "pk", "length")
    }
    old_ids = [pk for pk, _length in old.values()]
    deltas = Counter()
    for (term,) in MatchTerm.objects.filter(document_id__in=old_ids).values_list("term"):
        deltas[term] -= 1
    MatchTerm.objects.filter(document_id__in=old_ids).delete()
    _delete_documents(old_ids)  # and write them anew: far faster than bulk_update's CASE expressions
    profiles = PROFILE_READERS[kind](object_ids)
    documents = MatchDocument.objects.bulk_create([_document(kind, p) for p in profiles], batch_size=BATCH)
    if documents and documents[0].pk is None:  # a database that returns no ids from bulk inserts
        documents = _reload(kind, [p.object_id for p in profiles])
    rows = []
    for document, profile in zip(documents, profiles, strict=True):
        kept = _kept_terms(profile)
        deltas.update(t for t, _c in kept)
        rows += [(document.pk, kind, t, c) for t, c in kept]
    insert_rows(_table(MatchTerm), ["document_id", "kind", "term", "count"], rows)
    length = sum(p.length for p in profiles) - sum(size for _pk, size in old.values())
    return deltas, len(profiles) - len(old), length


def _delete_documents(pks: list[int]) -> None:
    if not pks:
        return
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(pks))
    with connection.cursor() as cursor:  # raw: the ORM would load each document to cascade to its (gone) terms
        cursor.execute(f"DELETE FROM {quote(_table(MatchDocument))} WHERE id IN ({placeholders})", pks)  # noqa: S608


def _move_frequencies(kind: str, deltas: Counter) -> None:
    changed = {term: delta for term, delta in deltas.items() if delta}
    if not changed:
        return
    MatchTermStat.objects.bulk_create(
        [MatchTermStat(kind=kind, term=t, documents=0) for t, d in changed.items() if d > 0],
        ignore_conflicts=True,
        batch_size=BATCH,
    )
    by_delta: dict[int, list[str]] = {}
    for term, delta in changed.items():
        by_delta.setdefault(delta, []).append(term)
    for delta, terms in by_delta.items():
        for start in range(0, len(terms), BATCH):
            MatchTermStat.objects.filter(kind=kind, term__in=terms[start : start + BATCH]).update(
                documents=F("documents") + delta
            )


def remove(kind: str, object_ids) -> None:
    """Drop documents whose objects were deleted (update() finds them gone)."""
    update(kind, object_ids)


def drop_demo() -> None:
    """Remove every demo document (when the demo population is removed) and recount what BM25 needs."""
    quote = connection.ops.quote_name
    with transaction.atomic():
        for kind in DocumentKind.values:
            demo = MatchDocument.objects.filter(kind=kind, is_demo=True).values("pk")
            MatchTerm.objects.filter(document_id__in=demo).delete()
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DELETE FROM {quote(_table(MatchDocument))} WHERE kind = %s AND is_demo = %s",  # noqa: S608
                    [kind, True],
                )
            MatchTermStat.objects.filter(kind=kind).delete()
            _recount_terms(kind)
            totals = MatchDocument.objects.filter(kind=kind).aggregate(n=Count("pk"), length=Sum("length"))
            MatchIndexState.objects.update_or_create(
                kind=kind, defaults={"documents": totals["n"], "total_length": totals["length"] or 0}
            )
