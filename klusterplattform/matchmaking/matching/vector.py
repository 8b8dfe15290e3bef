"""The cluster score of every document of a population at once, with numpy: the same arithmetic as
scoring.ClusterScorer, term by term in the same order, so each document's points are the very same float (a test
compares the two on every cluster), at a fraction of the cost — scoring 5,000 clusters one by one in Python was the
larger half of a ranking (bench/matchmaking_match_bench.py).

The arrays are built once per population and kept with it (documents.population): for each feature token the
positions of the documents that have it, so counting the need's tokens per document is a few scatter-adds.
"""

import threading
from collections import defaultdict

import numpy as np

from .weights import CLUSTER_WEIGHTS, LABEL_VALUE, RECENT_DAYS, STALE_DAYS

_cache: dict = {}  # id(rows) → PopulationArrays, for the populations documents.py keeps
_lock = threading.Lock()


class PopulationArrays:
    def __init__(self, rows):
        self.size = len(rows)
        self.object_ids = np.fromiter((r[1] for r in rows), dtype=np.int64, count=self.size)
        self.position_of_document = {r[0]: i for i, r in enumerate(rows)}
        self.position_of_object = {r[1]: i for i, r in enumerate(rows)}
        holders = defaultdict(list)
        by_country = defaultdict(list)
        st_count = np.zeros(self.size)
        days = np.full(self.size, np.nan)
        for i, (_pk, _oid, country, tokens, _length, day) in enumerate(rows):
            for token in tokens:
                holders[token].append(i)
            st_count[i] = sum(1 for t in tokens if t[0] in "st")
            by_country[country].append(i)
            if day is not None:
                days[i] = day.toordinal()
        self.holders = {t: np.array(p, dtype=np.int64) for t, p in holders.items()}
        self.by_country = {c: np.array(p, dtype=np.int64) for c, p in by_country.items()}
        self.st_count, self.days = st_count, days

    def count(self, tokens) -> np.ndarray:
        """How many of `tokens` each document has."""
        counts = np.zeros(self.size)
        for token in tokens:
            positions = self.holders.get(token)
            if positions is not None:
                counts[positions] += 1
        return counts

    def in_countries(self, countries) -> np.ndarray:
        found = np.zeros(self.size, dtype=bool)
        for country in countries:
            positions = self.by_country.get(country)
            if positions is not None:
                found[positions] = True
        return found


def arrays_for(rows) -> PopulationArrays:
    key = id(rows)
    cached = _cache.get(key)
    if cached is not None and cached[0] is rows:
        return cached[1]
    arrays = PopulationArrays(rows)
    with _lock:
        _cache.clear()  # one population at a time per kind is plenty; old ones go with their rows
        _cache[key] = (rows, arrays)
    return arrays


def cluster_points(scorer, rows) -> np.ndarray:
    """Points 0..100 (rounded to 0.1 as scorer.points rounds) for every row, in row order."""
    a = arrays_for(rows)
    need = scorer.need
    values = []  # in the order of scorer.names
    for wanted, size in scorer.wanted:
        values.append(a.count(wanted) / size)
    if need.own:
        shared = a.count(scorer.shared_ecosystems) > 0
        own_st = a.count({t for t in need.own if t[0] in "st"})
        values.append(np.where(shared, np.minimum(1.0, (a.st_count - own_st) / 2), 0.0))
    if need.s3:
        values.append(np.minimum(1.0, a.count(need.s3) / 2))
    if need.terms:
        text = np.zeros(a.size)
        for document_id, share in scorer.text_share.items():
            position = a.position_of_document.get(document_id)
            if position is not None:
                text[position] = share
        values.append(text)
    if scorer.has_geography:
        values.append((a.in_countries(need.countries_sought) | (a.count(scorer.regions_sought) > 0)).astype(float))
    label = np.zeros(a.size)
    for object_id, level in scorer.labels.items():
        position = a.position_of_object.get(object_id)
        if position is not None:
            label[position] = LABEL_VALUE.get(level, 0.0)
    values.append(label)
    days = scorer.today.toordinal() - a.days
    activity = np.maximum(0.0, 1 - (days - RECENT_DAYS) / (STALE_DAYS - RECENT_DAYS))
    values.append(np.where(np.isnan(a.days), 0.0, np.where(days <= RECENT_DAYS, 1.0, activity)))
    if not scorer.applicable:
        return np.zeros(a.size)
    total = np.zeros(a.size)
    for weight, value in zip(scorer.weights, values, strict=True):  # the same sum, in the same order, as points()
        total = total + weight * value
    raw = 100 * total / scorer.applicable
    return np.array([round(x, 1) for x in raw.tolist()])


__all__ = ["CLUSTER_WEIGHTS", "arrays_for", "cluster_points"]
