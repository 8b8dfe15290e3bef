"""Rank cluster organisations, or member organisations, for a need (see weights.py for how the score is made).

A cluster ranking scores every cluster document of the population (demo or real, published) — 5,000 short rows, kept
per process while the index is unchanged (documents.py) — on the structured features in Python (scoring.py) and on
the text by BM25 over the postings of the need's rarer words (textscore.py); member organisations are looked for
only among the members of the best-scoring clusters and the organisations whose names match the need best, which
keeps the ranking bounded at 250,000 organisations. Every candidate gets a score; candidate objects with their
components are made only for the ones a page shows. Measured in bench/matchmaking_match_bench.py.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from klusterplattform.excellence.models import Label
from klusterplattform.registry.models import ClusterOrganisation, Membership

from ..choices import DocumentKind, MatchSubject, PartnerType
from . import documents, textscore, vector
from .scoring import ClusterScorer, OrganisationScorer
from .weights import (
    CLUSTER_WEIGHTS,
    CLUSTERS_FOR_MEMBERS,
    LABEL_VALUE,
    NAME_POSTINGS_BUDGET,
    ORGANISATION_WEIGHTS,
    TEXT_HITS_FOR_MEMBERS,
)

# A partner type sought → the organisation types that are one.
ORGANISATION_TYPES = {
    PartnerType.SME: {"sme"},
    PartnerType.LARGE_COMPANY: {"large_company"},
    PartnerType.RESEARCH: {"research", "education"},
    PartnerType.PUBLIC_BODY: {"public_body"},
}


class Candidate:
    """One ranked document, of the first SHOWN of a ranking (a plain slotted class: a ranking makes hundreds)."""

    __slots__ = ("document_id", "object_id", "country", "tokens", "updated_on", "components", "score")
    __slots__ += ("matched_terms", "label", "via_cluster")

    def __init__(self, document_id: int, object_id: int, country: str, tokens, updated_on: datetime.date | None):
        self.document_id, self.object_id, self.country = document_id, object_id, country
        self.tokens = tokens  # the document's feature tokens (a frozenset)
        self.updated_on = updated_on  # the day (UTC) the profile last changed
        self.components: dict = {}  # name → 0..1 (only those that apply)
        self.score = 0.0  # points 0..100
        self.matched_terms = NO_TERMS
        self.label = ""
        self.via_cluster: int | None = None  # member organisations: the cluster that carries the match

    def __repr__(self):
        return f"Candidate({self.object_id}, score={self.score})"


NO_TERMS = frozenset()
SHOWN = 1000  # the candidates a ranking keeps: the most a user can page through (service.MAX_PAGE × PER_PAGE)


@dataclass
class Ranking:
    kind: str
    candidates: Sequence  # best first: the first SHOWN of them, with their components
    weights: dict
    text_weights: dict = field(default_factory=dict)  # the need's looked-up words → weight, for the reasons
    total: int = 0  # how many were ranked
    scores: dict = field(default_factory=dict)  # object id → points, for every one ranked


def _labels_in_force(cluster_ids, today) -> dict[int, str]:
    best = {}
    order = {level: rank for rank, level in enumerate(LABEL_VALUE)}  # gold first
    for cluster_id, level in Label.objects.valid_on(today).values_list("cluster_id", "level"):
        if cluster_id in cluster_ids and order.get(level, 9) < order.get(best.get(cluster_id), 9):
            best[cluster_id] = level
    return best


class Candidates(Sequence):
    """The best SHOWN of a ranking in order, made into Candidate objects only when asked for (a page asks for 20):
    a request that made a thousand would leave them for Python's garbage collector to scan (see scoring.py)."""

    def __init__(self, rows, order, make):
        self.rows, self.order, self.make, self.made = rows, order, make, {}

    def __len__(self):
        return len(self.order)

    def matching(self, object_id: int) -> list:
        """The candidate of this object, alone in a list (empty when it is not among them), made without making the
        candidates before it."""
        for index, position in enumerate(self.order):
            if self.rows[position][1] == object_id:
                return [self[index]]
        return []

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        position = self.order[index]
        if position not in self.made:
            self.made[position] = self.make(self.rows[position])
        return self.made[position]


def _ranked(kind, rows, scorer, text, build, weights, points=None) -> Ranking:
    """Score every row (unless `points` are given) and order them; `build(row)` makes a candidate (with its
    components) when one is asked for."""
    if points is None:
        points = [scorer.points(scorer.values(row)) for row in rows]
    # Best first, ties by object id, as one integer per row (no tuple per row: see scoring.py).
    keys = [-round(p * 10) * 2**32 + row[1] for p, row in zip(points, rows, strict=True)]
    order = sorted(range(len(rows)), key=keys.__getitem__)[:SHOWN]
    scores = {row[1]: p for p, row in zip(points, rows, strict=True)}

    def make(row):
        candidate = build(row)
        candidate.components = scorer.components(scorer.values(row))
        candidate.score = scores[row[1]]
        candidate.matched_terms = text.matched_terms(row[0])
        return candidate

    return Ranking(kind, Candidates(rows, order, make), weights, text.weight, len(rows), scores)


def _unpublished() -> frozenset:
    return frozenset(ClusterOrganisation.objects.filter(is_published=False).values_list("pk", flat=True))


def rank_clusters(need, today=None) -> Ranking:
    """Every published cluster of the need's population except the seeker, best first."""
    today = today or timezone.localdate()
    # The few unpublished clusters are left out in Python: cheaper than a subquery over every published one.
    population = documents.population(DocumentKind.CLUSTER, need.is_demo)
    unpublished = documents.remembered(DocumentKind.CLUSTER, need.is_demo, "unpublished", _unpublished)
    hidden = {*unpublished, need.seeker_cluster_id}
    kept = [i for i, row in enumerate(population) if row[1] not in hidden]
    rows = [population[i] for i in kept]
    # A cluster's own profile words are in its own document too; a post's or a text's words need not be.
    own = 2 if need.subject == MatchSubject.CLUSTER and need.seeker_cluster_id else 1
    state = documents.remembered(
        DocumentKind.CLUSTER, need.is_demo, "state", lambda: textscore.index_state(DocumentKind.CLUSTER)
    )
    lengths = {row[0]: row[4] for row in rows}
    text = textscore.score(DocumentKind.CLUSTER, need.terms, lengths, min_documents=own, state=state)
    labels = _labels_in_force({row[1] for row in rows}, today)
    scorer = ClusterScorer(need, today, labels, text.share)

    def build(row):
        candidate = Candidate(*row[:4], row[5])
        candidate.label = labels.get(row[1], "")
        return candidate

    points = vector.cluster_points(scorer, population)[kept].tolist()  # the same points as scorer.points
    return _ranked(DocumentKind.CLUSTER, rows, scorer, text, build, CLUSTER_WEIGHTS, points)


def _member_documents(need, cluster_ranking, visible_organisations, today):
    """The rows of the organisations worth scoring, with the text scores: when the user sees only some organisations
    (their own clusters' members), all of those; otherwise the members of the best clusters and the organisations
    whose names match the need best."""
    # The ids as a list, not a subquery: PostgreSQL then looks the documents up by index instead of scanning all.
    if visible_organisations is not None:
        visible = list(visible_organisations.values_list("pk", flat=True)[:20_000])
        rows = documents.read(DocumentKind.ORGANISATION, need.is_demo, visible)
        return rows, textscore.score(DocumentKind.ORGANISATION, need.terms, {row[0]: row[4] for row in rows})
    best = [c.object_id for c in cluster_ranking.candidates[:CLUSTERS_FOR_MEMBERS]]
    members = list(
        Membership.objects.active_on(today)
        .filter(cluster_id__in=best)
        .order_by()  # no join to the clusters for their default order
        .values_list("organisation_id", flat=True)
    )
    text = textscore.score(DocumentKind.ORGANISATION, need.terms, textscore.AVERAGE_LENGTH, budget=NAME_POSTINGS_BUDGET)
    best_names = sorted(text.share, key=lambda d: (-text.share[d], d))[:TEXT_HITS_FOR_MEMBERS]
    return documents.read(DocumentKind.ORGANISATION, need.is_demo, members, also=best_names), text


def rank_organisations(
    need, cluster_ranking: Ranking, visible_organisations=None, today=None, member_clusters=None
) -> Ranking:
    """Member organisations, best first. `visible_organisations`: a queryset limiting who may be shown (None: all);
    `member_clusters`: the clusters whose member registers the user may see (None: all), the only ones a match may
    name as the organisation's cluster."""
    today = today or timezone.localdate()
    rows, text = _member_documents(need, cluster_ranking, visible_organisations, today)
    wanted_types = set().union(*(ORGANISATION_TYPES.get(t, set()) for t in need.partner_types))
    scorer = OrganisationScorer(need, cluster_ranking.scores, text.share, wanted_types, member_clusters)

    def build(row):
        candidate = Candidate(*row[:3], frozenset(row[3].split()), row[5])
        candidate.via_cluster = scorer.via(candidate.tokens)
        return candidate

    return _ranked(DocumentKind.ORGANISATION, rows, scorer, text, build, ORGANISATION_WEIGHTS)
