"""Expressions of interest in the API: express, list, accept or decline, withdraw.

An expression of interest is seen by the two sides only: the managers of the post's cluster (all the interest their
post received) and the managers of the interested cluster (their own). For anyone else it does not exist (404).
`contact` holds both sides' contact details (the authors and the clusters' contact persons) only once the interest
is accepted, and only for the two sides (permissions.contacts_visible); before that, and for officers, it is null.
A step the state does not allow (interest in a closed post or in one's own, answering twice) is a 409 with the reason.
"""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Status

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.core.paging import page_envelope, page_request, total_count
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut
from klusterplattform.registry.models import ClusterOrganisation

from .. import services
from ..models import PartnerInterest, PartnerSearch
from ..permissions import contacts_visible, managed_cluster_ids
from .posts import WRITE, cluster_ref, visible_post
from .schemas import (
    MAX_ID,
    PartnerInterestDecisionIn,
    PartnerInterestIn,
    PartnerInterestOut,
    PartnerInterestPage,
    PartnerInterestQuery,
)

router = Router()

NOT_A_MANAGER = gettext_lazy("Only managers of cluster organisations see expressions of interest.")


def interest_filter(user) -> Q:
    """The interest the user sees: received by their clusters' posts, or expressed by their clusters."""
    ids = managed_cluster_ids(user)
    return Q(post__cluster_id__in=ids) | Q(cluster_id__in=ids)


def _interests(user):
    return (
        PartnerInterest.objects.filter(interest_filter(user))
        .select_related("post__cluster", "post__author", "cluster", "author", "decided_by")
        .prefetch_related("post__cluster__contacts", "cluster__contacts")
        .order_by("created_at", "pk")
    )


def _person(user, role) -> list[dict]:
    if user is None or not user.is_active:  # an erased account has nothing left to share
        return []
    return [{"name": user.full_name, "email": user.email, "role": str(role), "phone": ""}]


def _side(cluster, people: list[dict]) -> dict:
    contacts = [
        {"name": c.name, "email": c.email, "role": c.role or _("Contact person"), "phone": c.phone}
        for c in cluster.contacts.all()
    ]
    people = people + contacts
    return {"cluster": cluster.slug, "cluster_name": cluster.name, "website": cluster.website, "people": people}


def contact_data(interest: PartnerInterest) -> dict:
    post = interest.post
    post_people = _person(post.author, _("Published the partner search"))
    if interest.decided_by_id and interest.decided_by_id != post.author_id:
        post_people += _person(interest.decided_by, _("Accepted the interest"))
    return {
        "post_side": _side(post.cluster, post_people),
        "interested_side": _side(interest.cluster, _person(interest.author, _("Expressed the interest"))),
    }


def interest_data(user, interest: PartnerInterest) -> dict:
    return {
        "id": interest.pk,
        "post": interest.post_id,
        "post_title": interest.post.title,
        "post_cluster": cluster_ref(interest.post.cluster),
        "cluster": cluster_ref(interest.cluster),
        **{name: getattr(interest, name) for name in ("message", "status", "created_at", "decided_at")},
        "contact": contact_data(interest) if contacts_visible(user, interest) else None,
    }


def _visible_interest(user, interest_id: int) -> PartnerInterest:
    interest = None if interest_id > MAX_ID or interest_id < 1 else _interests(user).filter(pk=interest_id).first()
    if interest is None:
        raise Http404
    return interest


READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


@router.get(
    "/partner-searches/{post_id}/interests",
    auth=token_or_session,
    response={200: list[PartnerInterestOut], **READ},
    summary="Interest in a partner search",
)
@in_request_language
def list_post_interests(request, post_id: int):
    """The post's cluster managers see all the interest it received; another cluster's manager sees only their own
    clusters' (also once the post has closed). Anyone who manages no cluster is refused (403)."""
    user = request.auth
    try:
        post = visible_post(user, post_id)
    except Http404:  # a closed or expired post is still there for the clusters that expressed interest in it
        if post_id > MAX_ID:
            raise
        theirs = PartnerInterest.objects.filter(interest_filter(user)).values("post_id")
        post = PartnerSearch.objects.filter(pk=post_id, pk__in=theirs).first()
        if post is None:
            raise
    if not managed_cluster_ids(user):
        return Status(403, {"detail": str(NOT_A_MANAGER)})
    return [interest_data(user, interest) for interest in _interests(user).filter(post=post)]


@router.post(
    "/partner-searches/{post_id}/interests",
    auth=token_or_session,
    response={201: PartnerInterestOut, **WRITE},
    summary="Express interest in a partner search",
)
@in_request_language
def express_interest(request, post_id: int, payload: PartnerInterestIn):
    """On behalf of a cluster the caller manages (404: a post or cluster they cannot see; 403: a cluster they do not
    manage; 409: the post is not open, is the cluster's own, or the cluster has already expressed interest)."""
    user = request.auth
    post = visible_post(user, post_id)
    clusters = ClusterOrganisation.objects.visible_to(user).prefetch_related("regions")
    cluster = clusters.filter(slug=payload.cluster).first()
    if cluster is None:
        raise Http404
    try:
        interest = services.express_interest(user, post, cluster, payload.message)
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    except services.Refused as refused:
        return Status(409, {"detail": str(refused)})
    return Status(201, interest_data(user, _visible_interest(user, interest.pk)))


@router.get(
    "/partner-interests",
    auth=token_or_session,
    response={200: PartnerInterestPage, 401: ErrorOut},
    summary="Expressions of interest of my clusters",
)
@in_request_language
def list_interests(request, filters: Query[PartnerInterestQuery]):
    """Interest the caller's clusters received (`side=received`) or expressed (`side=sent`), oldest first; empty for
    anyone who manages no cluster."""
    user = request.auth
    interests = _interests(user)
    ids = managed_cluster_ids(user)
    if filters.side == "received":
        interests = interests.filter(post__cluster_id__in=ids)
    elif filters.side == "sent":
        interests = interests.filter(cluster_id__in=ids)
    if filters.status:
        interests = interests.filter(status=filters.status)
    paging = page_request(filters.page, filters.page_size)
    rows = list(interests[paging.offset : paging.offset + paging.size])
    results = [interest_data(user, interest) for interest in rows]
    return page_envelope(total_count(interests, paging, len(rows)), paging, results)


def _step(request, interest_id: int, step):
    user = request.auth
    interest = _visible_interest(user, interest_id)
    try:
        step(user, interest)
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    except services.Refused as refused:
        return Status(409, {"detail": str(refused)})
    return interest_data(user, _visible_interest(user, interest_id))


STEP = {200: PartnerInterestOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


@router.post(
    "/partner-interests/{interest_id}/decision",
    auth=token_or_session,
    response={**STEP, 422: FieldErrorsOut},
    summary="Accept or decline an expression of interest",
)
@in_request_language
def decide_interest(request, interest_id: int, payload: PartnerInterestDecisionIn):
    """The post's cluster managers answer a pending interest (403 for the interested side; 409 once answered or
    withdrawn). After acceptance both sides see `contact`."""
    accept = payload.decision == "accept"
    return _step(request, interest_id, lambda user, interest: services.decide(user, interest, accept))


@router.post(
    "/partner-interests/{interest_id}/withdraw",
    auth=token_or_session,
    response=STEP,
    summary="Withdraw an expression of interest",
)
@in_request_language
def withdraw_interest(request, interest_id: int):
    """The interested cluster's managers withdraw a pending or accepted interest (403 for the post's side; 409 when
    it is declined or already withdrawn); the contact details are then no longer shown."""
    return _step(request, interest_id, services.withdraw)
