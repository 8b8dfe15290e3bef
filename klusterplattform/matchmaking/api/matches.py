"""Matches in the API: cluster organisations or member organisations ranked for a cluster, a partner search or a
described need, each with its score, the parts of the score and the reasons; and the caller's vote on a match.

Signed-in callers only (a token or the session; 401 without). Exactly one of `cluster`, `post` and `q` is given (400
otherwise). A cluster or post the caller cannot see is a 404, as an unknown one is. Member organisations are only
those the caller may see (their own clusters' members; officers all; nobody's for others). Demo and real data never
mix: a cluster or post is matched within its own data, a described need within the real data unless `demo` is true.
A vote on something that is not among the subject's matches is a 404; a second vote changes the first.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut

from .. import match_subjects
from ..choices import DocumentKind
from ..matching import service
from ..models import MatchFeedback
from .match_schemas import MatchFeedbackIn, MatchFeedbackOut, MatchPageOut, MatchQuery

router = Router()

ONE_SUBJECT = _("Give exactly one of cluster (a slug), post (an id) and q (a described need).")
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def _cluster_ref(cluster) -> dict | None:
    return None if cluster is None else {"slug": cluster.slug, "name": cluster.name}


def subject_data(subject) -> dict:
    post = subject.post
    return {
        "type": str(subject.kind),
        "cluster": _cluster_ref(subject.cluster or (post.cluster if post else None)),
        "post": post.pk if post else None,
        "post_title": post.title if post else None,
        "text": subject.text or None,
        "countries": list(subject.countries),
        "is_demo": subject.demo,
    }


def match_data(request, match, vote, via) -> dict:
    item = match.object
    is_cluster = match.kind == DocumentKind.CLUSTER
    return {
        "kind": str(match.kind),
        "id": item.pk,
        "name": item.name,
        "slug": item.slug if is_cluster else None,
        "url": request.build_absolute_uri(item.get_absolute_url()) if is_cluster else None,
        "country": item.country,
        "organisation_type": None if is_cluster else item.type,
        "score": match.score,
        "components": {name: round(value, 4) for name, value in match.components.items()},
        "reasons": [
            {"code": r.code, "component": r.component, "text": str(r.text), "points": r.points} for r in match.reasons
        ],
        "via_cluster": _cluster_ref(via),
        "vote": vote,
    }


def _resolve(user, params):
    """(subject, need); raises Http404 for an unseen subject; returns a 400 Status for none or several."""
    try:
        return match_subjects.resolve(
            user, cluster=params.cluster, post=params.post, text=params.q, demo=params.demo, countries=params.country
        )
    except match_subjects.SubjectError:
        return Status(400, {"detail": str(ONE_SUBJECT)})
    except LookupError as unknown:
        raise Http404 from unknown


@router.get(
    "/matches",
    auth=token_or_session,
    response={200: MatchPageOut, **ERRORS},
    summary="Matching clusters or member organisations",
)
@in_request_language
def list_matches(request, params: Query[MatchQuery]):
    """One page of 20 matches, best first, for exactly one of `cluster`, `post` and `q`. Each has its score (0–100),
    the parts of the score that apply (0–1), and the reasons with the points each adds."""
    user = request.auth
    try:
        resolved = _resolve(user, params)
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    if isinstance(resolved, Status):
        return resolved
    subject, need = resolved
    result = service.find(user, need, params.kind, params.page)
    votes = match_subjects.votes(user, need, params.kind, [m.object.pk for m in result.matches])
    via = match_subjects.shown_via(user, result.matches) if params.kind == DocumentKind.ORGANISATION else {}
    return {
        "subject": subject_data(subject),
        "kind": params.kind,
        "total": result.total,
        "page": result.page,
        "pages": min(result.pages, service.MAX_PAGE),
        "items": [match_data(request, m, votes.get(m.object.pk), via.get(m.object.pk)) for m in result.matches],
    }


def feedback_data(feedback: MatchFeedback) -> dict:
    return {
        "id": feedback.pk,
        "subject": feedback.subject,
        "kind": feedback.candidate_kind,
        "candidate": feedback.candidate_id,
        "vote": feedback.vote,
        "score": feedback.score,
        "reasons": [
            {"code": r.get("code", ""), "text": r.get("text", ""), "points": r.get("points", 0)}
            for r in feedback.reasons
        ],
        "created_at": feedback.created_at,
        "updated_at": feedback.updated_at,
    }


@router.post(
    "/matches/feedback",
    auth=token_or_session,
    response={200: MatchFeedbackOut, 201: MatchFeedbackOut, **ERRORS},
    summary="Vote on a match",
)
@in_request_language
def vote_on_match(request, payload: MatchFeedbackIn):
    """A thumbs up (1) or down (-1) on one match of a subject, stored with the score and reasons the match has now,
    for tuning the weights: 201 for a first vote, 200 when it changes the caller's earlier vote on the same match."""
    user = request.auth
    try:
        resolved = _resolve(user, payload)
        if isinstance(resolved, Status):
            return resolved
        _subject, need = resolved
        earlier = MatchFeedback.objects.filter(
            user=user,
            subject=need.subject,
            subject_key=need.key,
            candidate_kind=payload.kind,
            candidate_id=payload.candidate,
        ).exists()
        feedback = service.record_feedback(user, need, payload.kind, payload.candidate, payload.vote)
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    except LookupError as unknown:  # not among the subject's matches
        raise Http404 from unknown
    return Status(200 if earlier else 201, feedback_data(feedback))
