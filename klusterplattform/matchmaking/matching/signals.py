"""Keep the match index current: a changed profile is re-indexed when its transaction commits. A profile form that
saves a cluster and then its ecosystems and regions re-indexes it a few times over (a few milliseconds each), which
is simpler and safer than gathering the ids per transaction."""

import functools

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from klusterplattform.registry.models import ClusterOrganisation, Membership, Organisation, S3PriorityArea
from klusterplattform.registry.signals import organisations_imported

from ..choices import DocumentKind
from . import indexing


def schedule(kind: str, object_ids) -> None:
    """Re-index these objects when the current transaction commits (at once outside a transaction), so a rolled
    back change never reaches the index and the index never reads half a change."""
    ids = sorted(set(object_ids))
    if ids:
        transaction.on_commit(functools.partial(indexing.update, kind, ids))


def _cluster_changed(sender, instance, **kwargs):
    schedule(DocumentKind.CLUSTER, [instance.pk])


def _cluster_relation_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # a term's or region's clusters changed
        schedule(DocumentKind.CLUSTER, pk_set or [])
    else:
        schedule(DocumentKind.CLUSTER, [instance.pk])


def _organisation_changed(sender, instance, **kwargs):
    schedule(DocumentKind.ORGANISATION, [instance.pk])


def _membership_changed(sender, instance, **kwargs):
    schedule(DocumentKind.ORGANISATION, [instance.organisation_id])


def _imported(sender, organisation_ids, **kwargs):
    schedule(DocumentKind.ORGANISATION, organisation_ids)


def _clusters_of_region(region_id) -> list[int]:
    return list(
        ClusterOrganisation.regions.through.objects.filter(region_id=region_id).values_list(
            "clusterorganisation_id", flat=True
        )
    )


def _s3_area_changed(sender, instance, **kwargs):
    schedule(DocumentKind.CLUSTER, _clusters_of_region(instance.region_id))


def _s3_ecosystems_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    areas = S3PriorityArea.objects.filter(pk__in=pk_set or []) if reverse else [instance]
    for area in areas:
        schedule(DocumentKind.CLUSTER, _clusters_of_region(area.region_id))


def connect() -> None:
    uid = "matchmaking_index"
    for signal in (post_save, post_delete):
        signal.connect(_cluster_changed, sender=ClusterOrganisation, dispatch_uid=f"{uid}_cluster")
        signal.connect(_organisation_changed, sender=Organisation, dispatch_uid=f"{uid}_organisation")
        signal.connect(_membership_changed, sender=Membership, dispatch_uid=f"{uid}_membership")
        signal.connect(_s3_area_changed, sender=S3PriorityArea, dispatch_uid=f"{uid}_s3")
    for name in ("ecosystems", "sectors", "technology_fields", "regions"):
        through = getattr(ClusterOrganisation, name).through
        m2m_changed.connect(_cluster_relation_changed, sender=through, dispatch_uid=f"{uid}_{name}")
    m2m_changed.connect(_s3_ecosystems_changed, sender=S3PriorityArea.ecosystems.through, dispatch_uid=f"{uid}_s3e")
    organisations_imported.connect(_imported, dispatch_uid=f"{uid}_import")
