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
    clusters = rank_clusters(need)
    if kind == DocumentKind.CLUSTER:
        ranking, shown = clusters, clusters.candidates[start : start + per_page]
        reasons = cluster_reasons(need, ranking, shown)
        objects = ClusterOrganisation.objects.in_bulk([c.object_id for c in shown])
        via = {}
    else:
        ranking = rank_organisations(
            need, clusters, member_organisations_scope(user), member_clusters=member_cluster_ids(user)
        )
        shown = ranking.candidates[start : start + per_page]
        via = ClusterOrganisation.objects.in_bulk({c.via_cluster for c in shown if c.via_cluster})
        reasons = organisation_reasons(need, ranking, shown, {pk: c.name for pk, c in via.items()})
        objects = Organisation.objects.in_bulk([c.object_id for c in shown])
    matches = [
        Match(kind, objects[c.object_id], c.score, c.components, reasons.get(c.object_id, []), via.get(c.via_cluster))
        for c in shown
        if c.object_id in objects
    ]
    return MatchPage(need, kind, matches, ranking.total, page, per_page)


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
    clusters = rank_clusters(need)
    if kind == DocumentKind.CLUSTER:
        chosen = [c for c in clusters.candidates if c.object_id == object_id]
        reasons = cluster_reasons(need, clusters, chosen)
        model, via = ClusterOrganisation, {}
    else:
        ranking = rank_organisations(
            need, clusters, member_organisations_scope(user), member_clusters=member_cluster_ids(user)
        )
        chosen = [c for c in ranking.candidates if c.object_id == object_id]
        via = ClusterOrganisation.objects.in_bulk({c.via_cluster for c in chosen if c.via_cluster})
        reasons = organisation_reasons(need, ranking, chosen, {pk: c.name for pk, c in via.items()})
        model = Organisation
    if not chosen:
        return None
    candidate = chosen[0]
    return Match(
        kind,
        model.objects.get(pk=object_id),
        candidate.score,
        candidate.components,
        reasons.get(object_id, []),
        via.get(candidate.via_cluster),
    )
