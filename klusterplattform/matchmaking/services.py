"""Writes of the partner-search flow. Each checks the permission and the state, changes, and leaves the audit trail
to the model signals; a refused step raises Refused with a message for the user and writes nothing."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.core.text import fold

from .choices import InterestStatus, PostStatus
from .models import PartnerInterest, PartnerSearch, PartnerSearchFollow
from .permissions import can


class Refused(Exception):
    """A step the user may not take now (the message says why); views answer 403 or show it, the API 409."""


def _require(user, action, obj, message):
    if not can(user, action, obj):
        raise PermissionError(message)


def search_text(post) -> str:
    return fold(" ".join([post.title, post.offer, post.seek, post.cluster.name]))


@transaction.atomic
def save_post(user, post: PartnerSearch, *, ecosystems=None, sectors=None, technology_fields=None, regions=None):
    """Create or change a post of `post.cluster` (validated by the form or the API schema before)."""
    _require(
        user, "partnersearch.publish", post.cluster, _("Only the cluster's managers publish its partner searches.")
    )
    if post.pk is None:
        post.author = user
    post.search_text = search_text(post)
    post.save()
    for name, values in (
        ("ecosystems", ecosystems),
        ("sectors", sectors),
        ("technology_fields", technology_fields),
        ("regions_sought", regions),
    ):
        if values is not None:
            getattr(post, name).set(values)
    return post


@transaction.atomic
def close_post(user, post: PartnerSearch) -> PartnerSearch:
    _require(user, "partnersearch.publish", post.cluster, _("Only the cluster's managers close its partner searches."))
    if post.closed_at is None:
        post.closed_at = timezone.now()
        post.save(update_fields=["closed_at", "updated_at"])
    return post


@transaction.atomic
def express_interest(user, post: PartnerSearch, cluster, message: str) -> PartnerInterest:
    _require(
        user, "partnersearch.express_interest", cluster, _("You may express interest only for a cluster you manage.")
    )
    if post.status != PostStatus.OPEN:
        raise Refused(_("This partner search is no longer open."))
    if post.cluster_id == cluster.pk:
        raise Refused(_("A cluster cannot express interest in its own partner search."))
    if not message.strip():
        raise Refused(_("Write a message to the cluster that published the search."))
    existing = PartnerInterest.objects.select_for_update().filter(post=post, cluster=cluster).first()
    if existing and existing.status != InterestStatus.WITHDRAWN:
        raise Refused(_("%(cluster)s has already expressed interest in this search.") % {"cluster": cluster.name})
    interest = existing or PartnerInterest(post=post, cluster=cluster)
    interest.author, interest.message, interest.status = user, message.strip(), InterestStatus.PENDING
    interest.decided_at = interest.decided_by = None
    interest.save()
    return interest


@transaction.atomic
def decide(user, interest: PartnerInterest, accept: bool) -> PartnerInterest:
    """The post's cluster accepts or declines a pending expression of interest."""
    interest = PartnerInterest.objects.select_for_update().select_related("post__cluster").get(pk=interest.pk)
    _require(user, "partnersearch.publish", interest.post.cluster, _("Only the post's cluster answers its interest."))
    if interest.status != InterestStatus.PENDING:
        raise Refused(_("This expression of interest has already been answered or withdrawn."))
    interest.status = InterestStatus.ACCEPTED if accept else InterestStatus.DECLINED
    interest.decided_at, interest.decided_by = timezone.now(), user
    interest.save(update_fields=["status", "decided_at", "decided_by"])
    return interest


@transaction.atomic
def withdraw(user, interest: PartnerInterest) -> PartnerInterest:
    interest = PartnerInterest.objects.select_for_update().select_related("cluster").get(pk=interest.pk)
    _require(user, "partnersearch.express_interest", interest.cluster, _("Only the interested cluster withdraws."))
    if interest.status not in (InterestStatus.PENDING, InterestStatus.ACCEPTED):
        raise Refused(_("This expression of interest is already closed."))
    interest.status = InterestStatus.WITHDRAWN
    interest.save(update_fields=["status"])
    return interest


def follow(user, post: PartnerSearch, on: bool = True) -> bool:
    _require(user, "partnersearch.follow", None, _("Sign in to follow a partner search."))
    if on:
        PartnerSearchFollow.objects.get_or_create(post=post, user=user)
    else:
        PartnerSearchFollow.objects.filter(post=post, user=user).delete()
    return on
