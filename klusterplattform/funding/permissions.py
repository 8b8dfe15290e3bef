"""The funding module's rows of the permission table (the engine is core/permissions.py).

The register is public: every published call is seen by anyone, unpublished ones (drafts entered by hand) by their
author and officers. Officers and cluster managers add national and regional calls by hand; a cluster manager
changes only the calls they entered (Scope.SELF: the call's author), officers every call. What a cluster does with
calls (bookmarks, intentions, partners, its fit and its calendar feed) belongs to the cluster: its managers act,
the cluster's regional officer and officers look. Officers see which clusters intend to apply to what; regional
officers see it for the clusters of their region.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Decision, Facts, Scope, check, define

ALL, PUBLISHED, OWN_CLUSTER, OWN_REGION, SELF = (
    Scope.ALL,
    Scope.PUBLISHED,
    Scope.OWN_CLUSTER,
    Scope.OWN_REGION,
    Scope.SELF,
)

define(
    "funding.view",
    _("See a funding call (unpublished ones: their author and officers)"),
    anonymous=PUBLISHED,
    cluster_manager=SELF,
    officer=ALL,
    admin=ALL,
)
define(
    "funding.add",
    _("Add a national or regional funding call by hand"),
    cluster_manager=ALL,
    officer=ALL,
    admin=ALL,
)
define(
    "funding.edit",
    _("Change or delete a funding call (cluster managers: the calls they added)"),
    cluster_manager=SELF,
    officer=ALL,
    admin=ALL,
)
define(
    "funding.track",
    _("Bookmark funding calls for a cluster, mark an intention to apply and note partners"),
    cluster_manager=OWN_CLUSTER,
)
define(
    "funding.fit",
    _("See which funding calls fit a cluster, its bookmarks and intentions"),
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "funding.intentions",
    _("See which clusters intend to apply to which funding calls (regional officers: their region's clusters)"),
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)


def _call_facts(call) -> Facts:
    return Facts(published=call.is_published, owner_id=call.created_by_id)


def register_facts():
    """Called from FundingConfig.ready(). Cluster-scoped actions are checked on the ClusterOrganisation itself,
    whose facts the registry describes."""
    from . import models

    engine.describe(models.FundingCall, _call_facts)


def funding_visibility_filter(user) -> Q:
    return engine.filter_for(
        user,
        "funding.view",
        {PUBLISHED: lambda ids: Q(is_published=True), SELF: lambda ids: Q(created_by_id__in=ids)},
    )


def interest_visibility_filter(user) -> Q:
    """FundingInterest rows whose intentions the user may see in the officers' overview."""
    return engine.filter_for(
        user,
        "funding.intentions",
        {OWN_REGION: lambda ids: Q(cluster__regions__in=ids)},
    )


def can(user, action: str, obj=None) -> Decision:
    return check(user, action, obj)
