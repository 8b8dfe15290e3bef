"""Who may see and change registry objects: the registry's rows of the permission table, and the helpers that pages,
the API and exports call. The engine (core/permissions.py) evaluates them; docs/roles.md is generated from them.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Decision, Facts, Scope, check, define, has_role, scope_ids

from .choices import Role

ALL, PUBLISHED, OWN_CLUSTER, OWN_REGION = Scope.ALL, Scope.PUBLISHED, Scope.OWN_CLUSTER, Scope.OWN_REGION

define(
    "cluster.view",
    _("See a cluster organisation's profile (unpublished ones only within the scope)"),
    anonymous=PUBLISHED,
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "cluster.edit",
    _("Edit a cluster organisation's profile"),
    cluster_manager=OWN_CLUSTER,
    officer=ALL,
    admin=ALL,
)
define(
    "cluster.publish",
    _("Publish or unpublish a cluster organisation's profile"),
    officer=ALL,
    admin=ALL,
)
define(
    "cluster.view_members",
    _("See the names of a cluster's member organisations and its contact persons"),
    cluster_manager=OWN_CLUSTER,
    officer=ALL,
    admin=ALL,
)
define(
    "cluster.edit_members",
    _("Add and end a cluster's memberships"),
    cluster_manager=OWN_CLUSTER,
    officer=ALL,
    admin=ALL,
)
define(
    "organisation.import",
    _("Import member organisations from a file"),
    officer=ALL,
    admin=ALL,
)
define(
    "programme.view",
    _("See a programme (unpublished ones only within the scope)"),
    anonymous=PUBLISHED,
    officer=ALL,
    admin=ALL,
)
define(
    "invitation.create",
    _("Invite a cluster manager by e-mail"),
    officer=ALL,
    admin=ALL,
)
define(
    "person.manage_data",
    _("Export or erase everything held about a person (GDPR)"),
    officer=ALL,
    admin=ALL,
)


def _models():
    from . import models  # imported late: the models call this module from their query sets

    return models


def cluster_facts(cluster) -> Facts:
    regions = getattr(cluster, "_prefetched_objects_cache", {}).get("regions")
    region_ids = {r.pk for r in regions} if regions is not None else set(cluster.regions.values_list("pk", flat=True))
    return Facts(published=cluster.is_published, cluster_ids={cluster.pk}, region_ids=region_ids)


def _membership_facts(membership) -> Facts:
    return cluster_facts(membership.cluster)


def _programme_facts(programme) -> Facts:
    return Facts(published=programme.is_published)


def _organisation_facts(organisation) -> Facts:
    clusters = _models().Membership.objects.filter(organisation=organisation).values_list("cluster_id", flat=True)
    return Facts(published=False, cluster_ids=set(clusters))


def register_facts():
    """Called from RegistryConfig.ready(): tell the engine what registry objects are about."""
    models = _models()
    engine.describe(models.ClusterOrganisation, cluster_facts)
    engine.describe(models.Membership, _membership_facts)
    engine.describe(models.Programme, _programme_facts)
    engine.describe(models.Organisation, _organisation_facts)
    engine.describe(models.ContactPerson, lambda contact: cluster_facts(contact.cluster))


def clusters_in_regions(region_ids) -> Q:
    through = _models().ClusterOrganisation.regions.through
    return Q(pk__in=through.objects.filter(region_id__in=region_ids).values("clusterorganisation_id"))


CLUSTER_PATHS = {
    PUBLISHED: lambda ids: Q(is_published=True),
    OWN_CLUSTER: lambda ids: Q(pk__in=ids),
    OWN_REGION: clusters_in_regions,
}


def sees_everything(user) -> bool:
    """Officers, administrators and superusers see unpublished records of every cluster."""
    return has_role(user, Role.OFFICER, Role.ADMIN)


def managed_cluster_ids(user) -> set[int]:
    return scope_ids(user, Role.CLUSTER_MANAGER, "cluster_id")


def cluster_visibility_filter(user) -> Q:
    return engine.filter_for(user, "cluster.view", CLUSTER_PATHS)


def clusters_editable_by(user):
    return _models().ClusterOrganisation.objects.filter(engine.filter_for(user, "cluster.edit", CLUSTER_PATHS))


def programme_visibility_filter(user) -> Q:
    return engine.filter_for(user, "programme.view", {PUBLISHED: lambda ids: Q(is_published=True)})


def can_view_member_details(user, cluster) -> Decision:
    """Member lists are personal data for sole traders, so only the cluster's managers and staff see names."""
    return check(user, "cluster.view_members", cluster)


def can_import_organisations(user) -> Decision:
    return check(user, "organisation.import")


def organisations_visible_to(user, cluster_slug: str = ""):
    """The organisations the user may see, optionally only those (ever) in one cluster's member register."""
    models = _models()
    reach = engine.filter_for(user, "cluster.view_members", {OWN_CLUSTER: lambda ids: Q(cluster_id__in=ids)})
    if reach == Q() and not cluster_slug:
        return models.Organisation.objects.all()
    scope = models.Membership.objects.filter(reach)
    if cluster_slug:
        scope = scope.filter(cluster__slug=cluster_slug)
    # IN (subquery) rather than EXISTS: SQLite then starts from the few memberships, not from every organisation.
    return models.Organisation.objects.filter(pk__in=scope.values("organisation_id"))
