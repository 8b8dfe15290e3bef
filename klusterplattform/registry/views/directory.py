"""The cluster directory: the shared ClusterFilter over the clusters the user may see, paged."""

from itertools import groupby

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.text import swedish_sort_key

from ..countries import country_name
from ..filters import ClusterFilter
from ..models import ClusterOrganisation, Ecosystem, Programme, SectoralIndustry
from .listing import label_model, regions_with_clusters, with_list_details
from .paging import paginate

DEMO_OPTIONS = [("", _("Real and demo data")), ("exclude", _("Real data only")), ("only", _("Demo data only"))]
SORT_OPTIONS = [
    ("name", _("Name A–Ö")),
    ("-name", _("Name Ö–A")),
    ("founded", _("Founded, oldest first")),
    ("-founded", _("Founded, newest first")),
    ("updated", _("Recently updated")),
]


def cluster_directory(request):
    chosen = ClusterFilter.from_params(request.GET)
    visible = ClusterOrganisation.objects.visible_to(request.user)
    page = paginate(request, with_list_details(chosen.apply(visible)))
    context = {"filter": chosen, "page": page, "options": directory_options(request.user, visible)}
    return render(request, "registry/directory.html", context)


def directory_options(user, visible):
    """Choices for the filter form, from the data: five queries, whatever the number of clusters."""
    countries = visible.order_by().values_list("country", flat=True).distinct()
    regions = regions_with_clusters(visible)
    return {
        "region_groups": [(country_name(code), list(group)) for code, group in groupby(regions, lambda r: r.country)],
        "countries": sorted(((c, country_name(c)) for c in countries), key=lambda pair: swedish_sort_key(pair[1])),
        "ecosystems": list(Ecosystem.objects.all()),
        "sectors": list(SectoralIndustry.objects.all()),
        "programmes": list(Programme.objects.visible_to(user)),
        "labels": label_model()._meta.get_field("level").choices,
        "demo": DEMO_OPTIONS,
        "sorts": SORT_OPTIONS,
    }
