"""The excellence module's rows of the permission table (the engine is core/permissions.py).

Assessors reach the assessments they are assigned to (Scope.ASSIGNED); cluster managers their own cluster's;
regional officers those of clusters in their regions. Labels of published clusters are public facts.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Decision, Facts, Scope, check, define
from klusterplattform.registry.permissions import CLUSTER_PATHS, cluster_facts, clusters_in_regions

ALL, PUBLISHED, OWN_CLUSTER, OWN_REGION, ASSIGNED = (
    Scope.ALL,
    Scope.PUBLISHED,
    Scope.OWN_CLUSTER,
    Scope.OWN_REGION,
    Scope.ASSIGNED,
)

define(
    "catalogue.manage",
    _("Import, export and replace the indicator catalogue"),
    officer=ALL,
    admin=ALL,
)
define(
    "round.manage",
    _("Create and change a programme's assessment rounds"),
    officer=ALL,
    admin=ALL,
)
define(
    "assessment.view",
    _("See a self-assessment, its benchmark and its readiness"),
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    assessor=ASSIGNED,
    officer=ALL,
    admin=ALL,
)
define(
    "assessment.start",
    _("Start a cluster's self-assessment in a round"),
    cluster_manager=OWN_CLUSTER,
    officer=ALL,
    admin=ALL,
)
define(
    "assessment.edit",
    _("Fill in, attach evidence to and submit a self-assessment"),
    cluster_manager=OWN_CLUSTER,
)
define(
    "assessment.assign",
    _("Assign an assessor to a submitted self-assessment"),
    officer=ALL,
    admin=ALL,
)
define(
    "assessment.validate",
    _("Comment on, validate or return a self-assessment"),
    assessor=ASSIGNED,
    admin=ALL,
)
define(
    "label.view",
    _("See a cluster's official labels (unpublished clusters only within the scope)"),
    anonymous=PUBLISHED,
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "label.record",
    _("Record an official label, its certificate and its renewal"),
    officer=ALL,
    admin=ALL,
)
define(
    "readiness.view",
    _("See a cluster's label readiness (the platform's estimate)"),
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "readiness.document",
    _("Document improvement areas and declarations for label readiness"),
    cluster_manager=OWN_CLUSTER,
)


def _assessment_facts(assessment) -> Facts:
    facts = cluster_facts(assessment.cluster)
    facts.assigned_user_ids = {assessment.assessor_id} if assessment.assessor_id else set()
    facts.published = False  # an assessment is never public
    return facts


def register_facts():
    """Called from ExcellenceConfig.ready()."""
    from . import models

    engine.describe(models.Assessment, _assessment_facts)
    engine.describe(models.Label, lambda label: cluster_facts(label.cluster))


ASSESSMENT_PATHS = {
    OWN_CLUSTER: lambda ids: Q(cluster_id__in=ids),
    OWN_REGION: lambda ids: Q(cluster__in=_region_clusters(ids)),
    ASSIGNED: lambda ids: Q(assessor_id__in=ids),
}


def _region_clusters(region_ids):
    from klusterplattform.registry.models import ClusterOrganisation

    return ClusterOrganisation.objects.filter(clusters_in_regions(region_ids)).values("pk")


def assessment_visibility_filter(user) -> Q:
    return engine.filter_for(user, "assessment.view", ASSESSMENT_PATHS)


def label_visibility_filter(user) -> Q:
    """Labels of the clusters whose labels the user may see (the cluster paths, seen from the label)."""
    paths = {scope: _through_cluster(path) for scope, path in CLUSTER_PATHS.items()}
    return engine.filter_for(user, "label.view", paths)


def _through_cluster(cluster_path):
    return lambda ids: _via_cluster(cluster_path(ids))


def _via_cluster(cluster_q: Q) -> Q:
    from klusterplattform.registry.models import ClusterOrganisation

    return Q(cluster__in=ClusterOrganisation.objects.filter(cluster_q).values("pk"))


def can(user, action: str, obj=None) -> Decision:
    return check(user, action, obj)
