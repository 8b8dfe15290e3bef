"""The cluster profile: facts, members by type, the ECCP checklist, official labels and the regions' S3 areas."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from klusterplattform.core.permissions import check

from ..choices import OrganisationType
from ..models import ClusterOrganisation, Membership, Programme, Region, S3PriorityArea
from ..permissions import can_view_member_details
from ..profile_links import links_for
from ..stats import member_counts
from ..validation import eccp_checklist
from .paging import paginate


def cluster_profile(request, slug):
    clusters = ClusterOrganisation.objects.visible_to(request.user).prefetch_related(
        Prefetch("regions", queryset=Region.objects.order_by("code")),
        "ecosystems",
        "sectors",
        "technology_fields",
        Prefetch("s3_priority_areas", queryset=S3PriorityArea.objects.select_related("region")),
    )
    cluster = get_object_or_404(clusters, slug=slug)
    counts = member_counts([cluster.pk])[cluster.pk]
    regions = list(cluster.regions.all())
    context = {
        "cluster": cluster,
        "regions": regions,
        "counts": counts,
        "members_by_type": members_by_type(counts),
        "checklist": eccp_checklist(cluster, counts),
        "labels": list(cluster.labels.all()),
        "today": timezone.localdate(),
        "region_areas": list(S3PriorityArea.objects.filter(region__in=regions).select_related("region")),
        "prioritised_area_ids": {area.pk for area in cluster.s3_priority_areas.all()},
        "participations": list(
            cluster.participations.filter(programme__in=Programme.objects.visible_to(request.user))
            .select_related("programme")
            .order_by("-selected_on")
        ),
    }
    # Decided for this cluster here: the template's `may` filter can only ask about some cluster.
    context["can_edit"] = check(request.user, "cluster.edit", cluster).allowed
    context["can_edit_members"] = check(request.user, "cluster.edit_members", cluster).allowed
    context["module_links"] = links_for(request, cluster)
    allowed, _reason = can_view_member_details(request.user, cluster)
    if allowed:
        # Names of members and contacts are personal data (sole traders): only the cluster's managers and staff.
        members = Membership.objects.active_on().filter(cluster=cluster).select_related("organisation")
        context["members"] = paginate(request, members.order_by("organisation__sort_name", "pk"), "members_page")
        context["contacts"] = list(cluster.contacts.all())
    return render(request, "registry/cluster_detail.html", context)


def members_by_type(counts: dict) -> list[tuple[str, int]]:
    """(type label, count) for every organisation type, in the order the choices define, zeros included."""
    return [(label, counts["by_type"].get(value, 0)) for value, label in OrganisationType.choices]
