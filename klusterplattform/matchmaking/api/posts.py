"""Partner searches in the API: list, read, publish, change, close and follow.

Reading follows partnersearch.view (open posts of published clusters for everyone; a cluster's managers also see its
closed and expired posts, officers all); a post the caller may not see is a 404, as an unknown one is. Writes need a
token or a signed-in session (401 without); a caller who sees the post but may not change it gets 403. A post is
validated by the same form as on the pages (matchmaking/forms.py) and saved by services.save_post: invalid input is a
422 listing each field, and nothing is saved. Expressions of interest are in interests.py.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import api_user, token_or_session
from klusterplattform.core.paging import page_envelope, page_request, total_count
from klusterplattform.core.text import search_terms
from klusterplattform.registry.api.cluster_edit import field_errors
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut
from klusterplattform.registry.models import ClusterOrganisation

from .. import services
from ..forms import PartnerSearchForm
from ..models import PartnerSearch, PartnerSearchFollow
from ..permissions import can
from .schemas import (
    MAX_ID,
    PartnerSearchFollowOut,
    PartnerSearchIn,
    PartnerSearchOut,
    PartnerSearchPage,
    PartnerSearchPatchIn,
    PartnerSearchQuery,
)

router = Router()

WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: FieldErrorsOut}
MAY_NOT_PUBLISH = _("Only the cluster's managers publish, change and close its partner searches.")
RELATIONS = ("ecosystems", "sectors", "technology_fields", "regions_sought")


def cluster_ref(cluster) -> dict:
    return {"slug": cluster.slug, "name": cluster.name, "country": cluster.country}


def post_data(request, post: PartnerSearch, following: bool) -> dict:
    call = post.funding_call
    return {
        "id": post.pk,
        "cluster": cluster_ref(post.cluster),
        **{name: getattr(post, name) for name in ("title", "offer", "seek", "purpose", "expires_on", "closed_at")},
        "partner_types": list(post.partner_types or []),
        "countries_sought": list(post.countries_sought or []),
        **{name: sorted(term.code for term in getattr(post, name).all()) for name in RELATIONS},
        "funding_call": call.identifier if call is not None and call.is_published else None,
        "status": post.status,
        "created_at": post.created_at,
        "updated_at": post.updated_at,
        "is_demo": post.cluster.is_demo,
        "following": following,
        "url": request.build_absolute_uri(post.get_absolute_url()),
    }


def _listed(user):
    return (
        PartnerSearch.objects.visible_to(user)
        .select_related("cluster", "funding_call")
        .prefetch_related(*RELATIONS)
        .distinct()
    )


def visible_post(user, post_id: int) -> PartnerSearch:
    post = None if post_id > MAX_ID or post_id < 1 else _listed(user).filter(pk=post_id).first()
    if post is None:
        raise Http404
    return post


def _followed(user, post_ids) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(PartnerSearchFollow.objects.filter(user=user, post_id__in=post_ids).values_list("post_id", flat=True))


def _filtered(posts, filters: PartnerSearchQuery):
    today = timezone.localdate()
    if filters.status == "open":
        posts = posts.open(today)
    elif filters.status == "expired":
        posts = posts.filter(closed_at__isnull=True, expires_on__lt=today)
    elif filters.status == "closed":
        posts = posts.filter(closed_at__isnull=False)
    for word in search_terms((filters.q or "").replace("\x00", "")):
        posts = posts.filter(search_text__contains=word)
    if filters.purpose:
        posts = posts.filter(purpose=filters.purpose)
    if filters.partner_type:  # JSON text of the list: each code is quoted, and no code is inside another
        posts = posts.filter(partner_types__icontains=f'"{filters.partner_type}"')
    if filters.ecosystem:
        posts = posts.filter(ecosystems__code=filters.ecosystem.replace("\x00", ""))
    if filters.country:
        code = filters.country.upper()
        posts = posts.filter(countries_sought=[]) | posts.filter(countries_sought__icontains=f'"{code}"')
    if filters.cluster:
        posts = posts.filter(cluster__slug=filters.cluster.replace("\x00", ""))
    if not filters.include_demo:
        posts = posts.filter(cluster__is_demo=False)
    return posts.order_by("-created_at", "-pk")


@router.get("/partner-searches", response={200: PartnerSearchPage, 401: ErrorOut}, summary="Partner searches")
@in_request_language
def list_partner_searches(request, filters: Query[PartnerSearchQuery]):
    """Partner searches the caller may see, newest first: open ones unless `status` says otherwise. An unknown
    ecosystem or cluster matches no post. `country` keeps the posts that seek partners in that country or anywhere."""
    user = api_user(request)
    posts = _filtered(_listed(user), filters)
    paging = page_request(filters.page, filters.page_size)
    rows = list(posts[paging.offset : paging.offset + paging.size])
    followed = _followed(user, [post.pk for post in rows])
    results = [post_data(request, post, post.pk in followed) for post in rows]
    return page_envelope(total_count(posts, paging, len(rows)), paging, results)


@router.get(
    "/partner-searches/{post_id}",
    response={200: PartnerSearchOut, 401: ErrorOut, 404: ErrorOut},
    summary="A partner search",
)
@in_request_language
def get_partner_search(request, post_id: int):
    user = api_user(request)
    post = visible_post(user, post_id)
    return post_data(request, post, bool(_followed(user, [post.pk])))


def _form_data(post: PartnerSearch | None, changes: dict) -> dict:
    """The page form's data: the post's current values, overlaid with the changes sent."""
    data = {}
    if post is not None:
        data = {name: getattr(post, name) for name in ("title", "offer", "seek", "purpose", "expires_on")}
        data["partner_types"] = list(post.partner_types or [])
        data["countries_sought"] = list(post.countries_sought or [])
        data["funding_call"] = post.funding_call.identifier if post.funding_call_id else ""
        for name in RELATIONS:
            data[name] = [term.code for term in getattr(post, name).all()]
    for name, value in changes.items():
        data[name] = "" if value is None else value
    data["expires_on"] = str(data.get("expires_on") or "")
    return data


def _save(request, post: PartnerSearch | None, changes: dict, cluster=None):
    user = request.auth
    instance = post or PartnerSearch(cluster=cluster)
    data = _form_data(post, changes)
    if cluster is not None:
        data["cluster"] = cluster.pk
    form = PartnerSearchForm(data, instance=instance, user=user)
    if not form.is_valid():
        return Status(422, field_errors(ValidationError(form.errors.as_data())))
    try:
        saved = services.save_post(user, form.post(), **form.relations())
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    except services.Refused as refused:
        return Status(409, {"detail": str(refused)})
    return visible_post(user, saved.pk)


@router.post(
    "/partner-searches",
    auth=token_or_session,
    response={201: PartnerSearchOut, **WRITE},
    summary="Publish a partner search",
)
@in_request_language
def create_partner_search(request, payload: PartnerSearchIn):
    """For a cluster the caller manages (404: a cluster they cannot see; 403: one they do not manage). 422 lists each
    invalid field (an unknown code, an open-until date in the past or more than a year ahead, a funding call missing
    for the purpose funding_call); nothing is saved."""
    changes = payload.model_dump(exclude_unset=True)
    slug = changes.pop("cluster")
    clusters = ClusterOrganisation.objects.visible_to(request.auth).prefetch_related("regions")
    cluster = None if "\x00" in slug else clusters.filter(slug=slug).first()
    if cluster is None:
        raise Http404
    if not can(request.auth, "partnersearch.publish", cluster):
        return Status(403, {"detail": str(MAY_NOT_PUBLISH)})
    result = _save(request, None, changes, cluster=cluster)
    if isinstance(result, Status):
        return result
    return Status(201, post_data(request, result, False))


def _publishable(request, post_id: int) -> PartnerSearch:
    post = visible_post(request.auth, post_id)
    if not can(request.auth, "partnersearch.publish", post.cluster):
        raise PermissionError(MAY_NOT_PUBLISH)
    return post


@router.patch(
    "/partner-searches/{post_id}",
    auth=token_or_session,
    response={200: PartnerSearchOut, **WRITE},
    summary="Change a partner search",
)
@in_request_language
def patch_partner_search(request, post_id: int, payload: PartnerSearchPatchIn):
    """Change only the fields sent (the cluster's managers); the lists sent replace the old ones."""
    try:
        post = _publishable(request, post_id)
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    result = _save(request, post, payload.model_dump(exclude_unset=True))
    if isinstance(result, Status):
        return result
    return post_data(request, result, bool(_followed(request.auth, [post.pk])))


@router.post(
    "/partner-searches/{post_id}/close",
    auth=token_or_session,
    response={200: PartnerSearchOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Close a partner search",
)
@in_request_language
def close_partner_search(request, post_id: int):
    """The post stops taking interest (the cluster's managers; closing a closed post changes nothing). Answers already
    given stay, and accepted contacts still see each other's details."""
    try:
        post = _publishable(request, post_id)
        services.close_post(request.auth, post)
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    post = visible_post(request.auth, post_id)
    return post_data(request, post, bool(_followed(request.auth, [post.pk])))


FOLLOW = {200: PartnerSearchFollowOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def _follow(request, post_id: int, on: bool):
    post = visible_post(request.auth, post_id)
    try:
        services.follow(request.auth, post, on)
    except PermissionError as refused:
        return Status(403, {"detail": str(refused)})
    return {"post": post.pk, "following": on}


@router.put(
    "/partner-searches/{post_id}/follow", auth=token_or_session, response=FOLLOW, summary="Follow a partner search"
)
@in_request_language
def follow_partner_search(request, post_id: int):
    """Anyone signed in may follow a post they see (following twice changes nothing); no contact is made."""
    return _follow(request, post_id, True)


@router.delete("/partner-searches/{post_id}/follow", auth=token_or_session, response=FOLLOW, summary="Stop following")
@in_request_language
def unfollow_partner_search(request, post_id: int):
    return _follow(request, post_id, False)


from . import interests  # noqa: E402 - the interest endpoints build on the helpers above

router.add_router("", interests.router)
