"""Finding matches: who may ask for what, one page of ranked candidates with their reasons, and the thumbs up or
down a user gives a match (stored with the score and reasons shown, for tuning weights.py)."""

from dataclasses import dataclass

from django.db import transaction

from klusterplattform.registry.models import ClusterOrganisation, Organisation
from klusterplattform.registry.permissions import cluster_visibility_filter

from ..choices import DocumentKind, MatchSubject
from ..models import MatchFeedback, PartnerSearch
from ..permissions import can, member_cluster_ids, member_organisations_scope
from . import need as needs
from .ranking import rank_clusters, rank_organisations
from .reasons import cluster_reasons, organisation_reasons

PER_PAGE = 20
MAX_PAGE = 50


@dataclass
class Match:
    kind: str
    object: object  # a ClusterOrganisation or an Organisation
    score: float
    components: dict
    reasons: list
    via_cluster: object = None


@dataclass
class MatchPage:
    need: object
    kind: str
    matches: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def need_for(user, *, cluster=None, post=None, text="", demo=False, countries=()):
    """The need for a subject the user may see (PermissionError otherwise; LookupError for an unknown one)."""
    if not can(user, "matches.find"):
        raise PermissionError("matches.find")
    if cluster is not None:
        if not ClusterOrganisation.objects.filter(cluster_visibility_filter(user), pk=cluster.pk).exists():
            raise LookupError(cluster.pk)
        return needs.for_cluster(cluster)
    if post is not None:
        if not PartnerSearch.objects.visible_to(user).filter(pk=post.pk).exists():
            raise LookupError(post.pk)
        return needs.for_post(post)
    return needs.for_text(text, is_demo=demo, countries=countries)


def find(user, need, kind=DocumentKind.CLUSTER, page=1, per_page=PER_PAGE) -> MatchPage:
    page = max(1, min(page, MAX_PAGE))
    start = (page - 1) * per_page
    matches, total = _matches(user, need, kind, lambda candidates: candidates[start : start + per_page])
    return MatchPage(need, kind, matches, total, page, per_page)


def _matches(user, need, kind, pick) -> tuple[list, int]:
    """The matches of the candidates `pick(ranking.candidates)` chooses, with their reasons, and how many were ranked:
    one way for a page and for the single match a vote is about."""
    ranking = rank_clusters(need)
    if kind != DocumentKind.CLUSTER:
        scope, clusters = member_organisations_scope(user), member_cluster_ids(user)
        ranking = rank_organisations(need, ranking, scope, member_clusters=clusters)
    shown = pick(ranking.candidates)
    if kind == DocumentKind.CLUSTER:
        via = {}
        reasons = cluster_reasons(need, ranking, shown)
        objects = ClusterOrganisation.objects.in_bulk([c.object_id for c in shown])
    else:
        via = ClusterOrganisation.objects.in_bulk({c.via_cluster for c in shown if c.via_cluster})
        reasons = organisation_reasons(need, ranking, shown, {pk: c.name for pk, c in via.items()})
        objects = Organisation.objects.in_bulk([c.object_id for c in shown])
    matches = [
        Match(kind, objects[c.object_id], c.score, c.components, reasons.get(c.object_id, []), via.get(c.via_cluster))
        for c in shown
        if c.object_id in objects
    ]
    return matches, ranking.total


def record_feedback(user, need, kind: str, object_id: int, vote: int) -> MatchFeedback:
    """Store (or change) the user's vote on one match, with the score and reasons it has now."""
    if not can(user, "matches.find"):
        raise PermissionError("matches.find")
    result = find_one(user, need, kind, object_id)
    if result is None:
        raise LookupError(object_id)
    with transaction.atomic():
        feedback, _created = MatchFeedback.objects.update_or_create(
            user=user,
            subject=need.subject,
            subject_key=need.key,
            candidate_kind=kind,
            candidate_id=object_id,
            defaults={
                "vote": vote,
                "need_text": need.text[:5000] if need.subject == MatchSubject.TEXT else "",
                "score": result.score,
                "reasons": [{"code": r.code, "points": r.points, "text": r.text} for r in result.reasons],
            },
        )
    return feedback


def find_one(user, need, kind, object_id):
    """The match for one candidate, as the ranking shows it (None when it is not among the candidates)."""
    matches, _total = _matches(user, need, kind, lambda candidates: candidates.matching(object_id))
    return matches[0] if matches else None
