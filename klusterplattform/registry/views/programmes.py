"""Programme pages: the programmes the user may see and, per programme, its clusters and their members summed."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render

from ..choices import OrganisationType
from ..models import ClusterOrganisation, Programme, Region
from ..programme_sections import sections_for
from ..stats import member_counts
from .listing import visible_cluster_count_filter


def listed_programmes(user):
    """The programmes the user may see with their visible clusters counted: the page and its export share it."""
    return Programme.objects.visible_to(user).annotate(
        cluster_count=Count("participations", filter=visible_cluster_count_filter(user, "participations__cluster"))
    )


def programme_list(request):
    return render(request, "registry/programme_list.html", {"programmes": listed_programmes(request.user)})


def visible_programme(user, slug) -> Programme:
    return get_object_or_404(Programme.objects.visible_to(user), slug=slug)


def participations_of(user, programme):
    """The programme's participating clusters the user may see, by name: the page and its export share them."""
    return (
        programme.participations.filter(cluster__in=ClusterOrganisation.objects.visible_to(user))
        .select_related("cluster")
        .prefetch_related(Prefetch("cluster__regions", queryset=Region.objects.order_by("code")))
        .order_by("cluster__sort_name", "pk")
    )


def programme_detail(request, slug):
    programme = visible_programme(request.user, slug)
    participations = list(participations_of(request.user, programme))
    counts = member_counts([p.cluster_id for p in participations])
    context = {
        "programme": programme,
        "participations": participations,
        "totals": summed_counts(counts.values()),
        "sections": sections_for(request, programme),  # news, activities, contacts … of feature apps
    }
    return render(request, "registry/programme_detail.html", context)


def summed_counts(per_cluster) -> dict:
    """Memberships summed over clusters: an organisation in two of the programme's clusters counts twice."""
    by_type = dict.fromkeys(OrganisationType.values, 0)
    totals = {"total": 0, "members": 0, "participants": 0}
    for entry in per_cluster:
        for key in totals:
            totals[key] += entry[key]
        for type_, n in entry["by_type"].items():
            by_type[type_] = by_type.get(type_, 0) + n
    totals["by_type"] = [(label, by_type[value]) for value, label in OrganisationType.choices]
    return totals
