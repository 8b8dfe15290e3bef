"""The start page: what the platform is, the S3 pilot, and figures derived from the registry."""

from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import render

from ..models import ClusterOrganisation, Ecosystem, Programme, Region

S3_PILOT_SLUG = "s3-piloten"


def home(request):
    programmes = list(Programme.objects.visible_to(request.user))
    context = {
        "figures": registry_figures(),
        "s3_pilot": next((p for p in programmes if p.slug == S3_PILOT_SLUG), None),
        "programmes": programmes,
        "ecosystems": ecosystems_with_published_clusters(),
    }
    return render(request, "registry/home.html", context)


def registry_figures() -> dict:
    """Published clusters, real and demo apart (real figures never include demo objects), and regions covered."""
    published = ClusterOrganisation.objects.filter(is_published=True)
    figures = published.aggregate(
        real_clusters=Count("pk", filter=Q(is_demo=False)), demo_clusters=Count("pk", filter=Q(is_demo=True))
    )
    real_links = ClusterOrganisation.regions.through.objects.filter(
        region_id=OuterRef("pk"), clusterorganisation__is_published=True, clusterorganisation__is_demo=False
    )
    figures["real_regions"] = Region.objects.filter(Exists(real_links)).count()
    figures["real_countries"] = published.filter(is_demo=False).order_by().values("country").distinct().count()
    return figures


def ecosystems_with_published_clusters():
    """Entry points into the directory: each ecosystem with its number of published clusters (real and demo)."""
    published = Q(clusters__is_published=True)
    return [
        ecosystem
        for ecosystem in Ecosystem.objects.annotate(cluster_count=Count("clusters", filter=published))
        if ecosystem.cluster_count
    ]
