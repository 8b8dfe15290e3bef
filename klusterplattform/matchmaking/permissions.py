"""The matchmaking module's rows of the permission table (the engine is core/permissions.py).

Open partner searches of published clusters are public, as on the European Cluster Collaboration Platform; a
cluster's managers also see their own closed and expired posts, officers all. A cluster's managers publish posts
for it, express interest in others' posts on its behalf and answer the interest their posts receive. Anyone signed
in may follow a post. Contact details are not a permission of a role: they are shown only between the two sides of
an accepted expression of interest (`contacts_visible`).
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Decision, Facts, Scope, check, define
from klusterplattform.registry.permissions import cluster_facts

ALL, PUBLISHED, OWN_CLUSTER, OWN_REGION = Scope.ALL, Scope.PUBLISHED, Scope.OWN_CLUSTER, Scope.OWN_REGION

define(
    "partnersearch.view",
    _("See a partner search (closed and expired ones: the cluster's managers and officers)"),
    anonymous=PUBLISHED,
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "partnersearch.publish",
    _("Publish, change and close a cluster's partner searches, and answer the interest they receive"),
    cluster_manager=OWN_CLUSTER,
)
define(
    "partnersearch.express_interest",
    _("Express a cluster's interest in another cluster's partner search"),
    cluster_manager=OWN_CLUSTER,
)
define(
    "partnersearch.follow",
    _("Follow a partner search"),
    signed_in=ALL,
)


def post_facts(post) -> Facts:
    """The post's cluster's facts (registry.permissions.cluster_facts), published only while the post is open."""
    facts = cluster_facts(post.cluster)
    facts.published = facts.published and post.status == "open"
    return facts


def register_facts():
    """Called from MatchmakingConfig.ready(); actions on a cluster use the registry's facts of the cluster."""
    from .models import PartnerSearch

    engine.describe(PartnerSearch, post_facts)


def post_visibility_filter(user) -> Q:
    """Posts the user may see. Besides the table's scopes, a cluster that expressed interest in a post keeps seeing
    it after it closes or expires, so an accepted partner can still find the post and its contact."""
    today = timezone.localdate()
    reach = engine.filter_for(
        user,
        "partnersearch.view",
        {
            PUBLISHED: lambda ids: Q(cluster__is_published=True, closed_at__isnull=True, expires_on__gte=today),
            OWN_CLUSTER: lambda ids: Q(cluster_id__in=ids),
            OWN_REGION: lambda ids: Q(cluster__regions__in=ids),
        },
    )
    managed = managed_cluster_ids(user)
    if not reach or not managed:  # Q(): a role reaching every post
        return reach
    from .models import PartnerInterest

    return reach | Q(pk__in=PartnerInterest.objects.filter(cluster_id__in=managed).values("post_id"))


def managed_cluster_ids(user) -> set[int]:
    return (
        engine.scope_ids(user, "cluster_manager", "cluster_id") if getattr(user, "is_authenticated", False) else set()
    )


def contacts_visible(user, interest) -> bool:
    """The two sides of an accepted expression of interest see each other's contact details; nobody else does, and
    nobody before acceptance."""
    if interest.status != "accepted":
        return False
    return bool(managed_cluster_ids(user) & {interest.post.cluster_id, interest.cluster_id})


def can(user, action: str, obj=None) -> Decision:
    return check(user, action, obj)


define(
    "matches.find",
    _("Find matching clusters and member organisations for a cluster, a partner search or a described need"),
    signed_in=ALL,
)


def member_organisations_scope(user):
    """The member organisations the user may see in a match list: None for all (officers), otherwise the
    registry's own rule (the members of the clusters they manage; nobody's for others), since member lists are
    personal data for sole traders."""
    from klusterplattform.registry.permissions import organisations_visible_to

    return None if member_cluster_ids(user) is None else organisations_visible_to(user)


def member_cluster_ids(user) -> set[int] | None:
    """The clusters whose member registers the user may see: None for all (officers), else the ids (a cluster
    manager's own clusters). A match may name only these as the cluster an organisation belongs to, since belonging
    to a cluster is itself a fact of that cluster's member register."""
    reach = engine.filter_for(user, "cluster.view_members", {OWN_CLUSTER: lambda ids: Q(cluster_id__in=ids)})
    if reach == Q():
        return None
    return {
        held.cluster_id for held, scope in engine.allowed_scopes(user, "cluster.view_members") if scope == OWN_CLUSTER
    }


from . import event_permissions  # noqa: E402,F401 - matchmaking events' rows of the permission table
