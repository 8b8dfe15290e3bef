"""BM25 over the index's postings, with the index's own document frequencies.

Only the need's rarer words are looked up: words are taken by falling idf until `MAX_QUERY_TERMS` or until their
postings would pass `POSTINGS_BUDGET` rows, so a need full of common words still reads a bounded number of rows
(the pre-filter that keeps a query under 50 ms at 250,000 organisations). The score is given as a share of what a
document of average length containing every looked-up word once would get, capped at 1, so it reads as "how much of
the need this profile covers".
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from ..models import MatchIndexState, MatchTerm, MatchTermStat
from .weights import BM25_B, BM25_K1, MAX_QUERY_TERMS, POSTINGS_BUDGET


@dataclass
class TextScores:
    share: dict = field(default_factory=dict)  # document id → 0..1
    # document id → the looked-up words it has, as bits of `chosen` (an int per document rather than a set: no
    # objects for the garbage collector to scan, see scoring.py)
    masks: dict = field(default_factory=dict)
    chosen: list = field(default_factory=list)  # the looked-up words
    weight: dict = field(default_factory=dict)  # term → idf × query weight (for quoting the best phrase)

    def matched_terms(self, document_id) -> frozenset:
        mask = self.masks.get(document_id, 0)
        if not mask:
            return frozenset()
        return frozenset(term for bit, term in enumerate(self.chosen) if mask >> bit & 1)


def _idf(documents: int, frequency: int) -> float:
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


# `lengths` for any document the postings name, each taken at the average length: for names, which are all short,
# so length normalisation would change little, and reading each length would join every posting to its document
# (7–50 ms on PostgreSQL at 250,000 organisations, where the postings alone take under 2 ms).
AVERAGE_LENGTH = object()


def index_state(kind: str) -> tuple[int, int]:
    """(documents, total length) of one kind: BM25's N and average length. `score` takes it as `state` when the
    caller already holds it for the current index version."""
    state = MatchIndexState.objects.filter(kind=kind).values_list("documents", "total_length").first()
    return state or (0, 0)


def score(
    kind: str,
    terms: dict,
    lengths: dict | None = None,
    min_documents: int = 1,
    budget: int = POSTINGS_BUDGET,
    state: tuple | None = None,
) -> TextScores:
    """`terms`: stem → count in the need; `lengths`: document id → length for the documents to score (None: any
    document the postings name, lengths then read with the postings). A word in fewer than `min_documents`
    documents is skipped (a cluster's own profile words that no other profile has)."""
    result = TextScores()
    if not terms:
        return result
    documents, total_length = state if state is not None else index_state(kind)
    if not documents:
        return result
    average = max(total_length / documents, 1.0)
    frequency = dict(
        MatchTermStat.objects.filter(kind=kind, term__in=list(terms), documents__gte=max(1, min_documents)).values_list(
            "term", "documents"
        )
    )

    def importance(term):  # rare and repeated in the need first
        return (-_idf(documents, frequency[term]) * (1 + math.log(terms[term])), term)

    chosen, read = [], 0
    for term in sorted(frequency, key=importance):
        if len(chosen) >= MAX_QUERY_TERMS:
            break
        if read + frequency[term] > budget:
            continue
        chosen.append(term)
        read += frequency[term]
    if not chosen:
        return result
    for term in chosen:
        result.weight[term] = _idf(documents, frequency[term]) * (1 + math.log(terms[term]))
    best = sum(result.weight.values())
    postings = MatchTerm.objects.filter(kind=kind, term__in=chosen)
    if lengths is AVERAGE_LENGTH:
        rows = ((d, t, c, average) for d, t, c in postings.values_list("document_id", "term", "count"))
    elif lengths is None:
        rows = postings.values_list("document_id", "term", "count", "document__length")
    else:
        rows = ((d, t, c, lengths.get(d)) for d, t, c in postings.values_list("document_id", "term", "count"))
    raw, masks = defaultdict(float), defaultdict(int)
    bits = {term: 1 << bit for bit, term in enumerate(chosen)}
    for document_id, term, count, length in rows:
        if length is None:
            continue
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average)
        raw[document_id] += result.weight[term] * count * (BM25_K1 + 1) / (count + norm)
        masks[document_id] |= bits[term]
    result.masks, result.chosen = dict(masks), chosen
    # A document of average length with each word once gets each word's weight: that is the full mark.
    result.share = {d: min(1.0, value / best) for d, value in raw.items()}
    return result
