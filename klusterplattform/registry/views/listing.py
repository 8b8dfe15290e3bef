"""What every list of clusters shows (regions, ecosystems, valid label), fetched in a fixed number of queries."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from ..models import ClusterOrganisation, Ecosystem, Region


def label_model():
    # Registry sits below the feature apps, so it reaches the excellence Label through the relation, not an import.
    return ClusterOrganisation._meta.get_field("labels").related_model


def with_list_details(queryset):
    """Prefetch what a cluster row shows: one query each for regions, ecosystems and currently valid labels."""
    today = timezone.localdate()
    valid_labels = label_model().objects.valid_on(today)
    return queryset.prefetch_related(
        Prefetch("regions", queryset=Region.objects.order_by("code")),
        Prefetch("ecosystems", queryset=Ecosystem.objects.all()),
        Prefetch("labels", queryset=valid_labels, to_attr="valid_labels"),
    )


def regions_with_clusters(visible_clusters):
    """Regions that have at least one cluster among `visible_clusters`, Swedish counties first."""
    links = ClusterOrganisation.regions.through.objects.filter(
        region_id=OuterRef("pk"), clusterorganisation__in=visible_clusters.order_by().values("pk")
    )
    regions = Region.objects.filter(Exists(links))
    return sorted(regions, key=lambda r: (not r.is_swedish_county, r.country != "SE", r.country, r.code))


def visible_cluster_count_filter(user, prefix: str) -> Q:
    """A Count(..., filter=) condition that counts only clusters the user may see, through the relation `prefix`."""
    return Q(**{f"{prefix}__in": ClusterOrganisation.objects.visible_to(user).order_by().values("pk")})
