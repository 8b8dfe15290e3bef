"""The components of a match, per candidate, with the need's side worked out once (see weights.py for the score).

A scorer gives a candidate's component values as a tuple in the order of its `names`, and its points; the ranking
asks for the values of every candidate but keeps them only for the few hundred it can show, so scoring 5,000
clusters makes no long-lived objects (which would otherwise make Python's garbage collector scan the whole heap,
the slowest tenth of the requests in bench/matchmaking_match_bench.py).
"""

from operator import mul

from .weights import CLUSTER_WEIGHTS, LABEL_VALUE, ORGANISATION_WEIGHTS, RECENT_DAYS, STALE_DAYS

CLUSTER_TAXONOMY_COMPONENTS = (("ecosystems", "e"), ("sectors", "s"), ("technologies", "t"))


def activity(updated_on, today) -> float:
    if updated_on is None:
        return 0.0
    days = (today - updated_on).days
    if days <= RECENT_DAYS:
        return 1.0
    return max(0.0, 1 - (days - RECENT_DAYS) / (STALE_DAYS - RECENT_DAYS))


def taxonomy(tokens, prefix) -> set:
    return {t for t in tokens if t[0] == prefix}


class _Scorer:
    names: tuple
    weights: tuple
    applicable: float

    def _weigh(self, all_weights):
        self.weights = tuple(all_weights[name] for name in self.names)
        self.applicable = sum(self.weights)

    def points(self, values) -> float:
        """Points 0..100: the weighted values as a share of the weights of the components that apply."""
        return round(100 * sum(map(mul, self.weights, values)) / self.applicable, 1) if self.applicable else 0.0

    def components(self, values) -> dict:
        return dict(zip(self.names, values, strict=True))


class ClusterScorer(_Scorer):
    def __init__(self, need, today, labels: dict, text_share: dict):
        self.need, self.today, self.labels, self.text_share = need, today, labels, text_share
        self.activity_on: dict = {}
        wanted = [(name, taxonomy(need.sought, prefix)) for name, prefix in CLUSTER_TAXONOMY_COMPONENTS]
        self.wanted = [(wanted_set, len(wanted_set)) for _name, wanted_set in wanted if wanted_set]
        self.shared_ecosystems = taxonomy(need.own | need.sought, "e")
        self.regions_sought = {f"r{r}" for r in need.regions_sought}
        self.has_geography = bool(need.countries_sought or need.regions_sought)
        names = [name for name, wanted_set in wanted if wanted_set]
        names += ["complementary"] * bool(need.own) + ["s3"] * bool(need.s3) + ["text"] * bool(need.terms)
        self.names = (*names, *["geography"] * self.has_geography, "label", "activity")
        self._weigh(CLUSTER_WEIGHTS)
        # A cluster with none of these tokens and no text match shares nothing: its shared parts are all 0.
        self.relevant = frozenset().union(*(w for w, _size in self.wanted), need.s3, self.regions_sought)
        if need.own:
            self.relevant |= self.shared_ecosystems
        self.nothing_shared = (0.0,) * (len(self.names) - 2 - self.has_geography)

    def values(self, row) -> tuple:
        """`row`: (document id, object id, country, tokens, length, day) as documents.read gives it."""
        need, tokens = self.need, row[3]
        if tokens.isdisjoint(self.relevant) and row[0] not in self.text_share:  # most clusters: the short way
            values = list(self.nothing_shared)
            if self.has_geography:
                values.append(1.0 if row[2] in need.countries_sought else 0.0)
        else:
            values = self._shared_values(row, tokens)
        values.append(LABEL_VALUE.get(self.labels.get(row[1], ""), 0.0))
        day = row[5]
        if day not in self.activity_on:  # a few hundred distinct days at most
            self.activity_on[day] = activity(day, self.today)
        values.append(self.activity_on[day])
        return tuple(values)

    def _shared_values(self, row, tokens) -> list:
        need = self.need
        values = [len(tokens & wanted) / size for wanted, size in self.wanted]
        if need.own:
            brings = sum(1 for t in tokens - need.own if t[0] in "st") if tokens & self.shared_ecosystems else 0
            values.append(min(1.0, brings / 2))
        if need.s3:
            values.append(min(1.0, len(need.s3 & tokens) / 2))
        if need.terms:
            values.append(self.text_share.get(row[0], 0.0))
        if self.has_geography:
            values.append(1.0 if row[2] in need.countries_sought or tokens & self.regions_sought else 0.0)
        return values


class OrganisationScorer(_Scorer):
    def __init__(self, need, cluster_scores: dict, text_share: dict, wanted_types: set, member_clusters=None):
        self.need, self.cluster_scores, self.text_share = need, cluster_scores, text_share
        self.member_clusters = member_clusters  # None: any; else only these may carry (and be named for) a match
        self.wanted = {f"y{t}" for t in wanted_types}
        self.regions_sought = {f"r{r}" for r in need.regions_sought}
        self.has_geography = bool(need.countries_sought or need.regions_sought)
        names = ["cluster"] + ["partner_type"] * bool(self.wanted) + ["geography"] * self.has_geography
        self.names = (*names, *["text"] * bool(need.terms))
        self._weigh(ORGANISATION_WEIGHTS)

    def via(self, tokens) -> int | None:
        """The cluster the organisation is a member of that scores best for the need (lowest id on ties), among the
        clusters whose member register the user may see."""
        clusters = [int(t[1:]) for t in tokens if t[0] == "c"]
        if self.member_clusters is not None:
            clusters = [c for c in clusters if c in self.member_clusters]
        scores = self.cluster_scores
        return max(clusters, key=lambda c: (scores.get(c, 0.0), -c)) if clusters else None

    def values(self, row) -> tuple:
        """`row` as documents.read gives it, with the features as text."""
        need, tokens = self.need, row[3].split()
        values = [self.cluster_scores.get(self.via(tokens), 0.0) / 100]
        if self.wanted:
            values.append(0.0 if self.wanted.isdisjoint(tokens) else 1.0)
        if self.has_geography:
            found = row[2] in need.countries_sought or not self.regions_sought.isdisjoint(tokens)
            values.append(1.0 if found else 0.0)
        if need.terms:
            values.append(self.text_share.get(row[0], 0.0))
        return tuple(values)
