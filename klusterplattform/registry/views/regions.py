"""Region pages: Swedish counties first, then other countries' regions; a region's S3 areas and clusters."""

from itertools import groupby

from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from ..countries import country_name
from ..models import ClusterOrganisation, Region
from .listing import visible_cluster_count_filter, with_list_details
from .paging import paginate


def listed_regions(user) -> tuple[list, list]:
    """Swedish counties, then other regions by country, each with the clusters the user may see counted: the page
    and its export (list_exports.py) share them."""
    regions = Region.objects.annotate(
        cluster_count=Count("clusters", filter=visible_cluster_count_filter(user, "clusters"))
    ).order_by("country", "code")
    counties = [region for region in regions if region.is_swedish_county]
    others = [region for region in regions if not region.is_swedish_county]
    others.sort(key=lambda r: (r.country != "SE", country_name(r.country), r.code))
    return counties, others


def region_list(request):
    counties, others = listed_regions(request.user)
    context = {
        "counties": counties,
        "other_groups": [(country_name(code), list(group)) for code, group in groupby(others, lambda r: r.country)],
    }
    return render(request, "registry/region_list.html", context)


def region_detail(request, code):
    region = get_object_or_404(Region, code=code)
    clusters = ClusterOrganisation.objects.visible_to(request.user).filter(regions=region)
    context = {
        "region": region,
        "country": country_name(region.country),
        "areas": list(region.s3_areas.prefetch_related("ecosystems")),
        "clusters": paginate(request, with_list_details(clusters)),
    }
    return render(request, "registry/region_detail.html", context)
