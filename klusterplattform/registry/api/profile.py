"""A cluster's public profile as plain data: a fixed number of queries, names in the active language."""

from django.apps import apps
from django.utils import timezone

from ..models import Programme, ProgrammeParticipation
from ..stats import member_counts
from ..validation import eccp_checklist
from .common import page_url_parts


def code_names(queryset) -> list[dict]:
    return [{"code": term.code, "name": term.name} for term in queryset]


def cluster_profile(request, cluster, user) -> dict:
    # Labels belong to the excellence app, which builds on the registry: looked up by name, not imported.
    counts = member_counts([cluster.pk])[cluster.pk]
    labels = apps.get_model("excellence", "Label").objects.valid_on(timezone.localdate()).filter(cluster=cluster)
    before, after = page_url_parts(request, "registry:cluster")
    return {
        "slug": cluster.slug,
        "name": cluster.name,
        "legal_name": cluster.legal_name,
        "organisation_number": cluster.organisation_number,
        "country": cluster.country,
        "website": cluster.website,
        "website_in_english": cluster.website_in_english,
        "founded": cluster.founded,
        "description": cluster.description,
        "strengths": cluster.strengths,
        "strategy": cluster.strategy,
        "management_fte": float(cluster.management_fte) if cluster.management_fte is not None else None,
        "eccp_profile_url": cluster.eccp_profile_url,
        "is_published": cluster.is_published,
        "is_demo": cluster.is_demo,
        "url": before + cluster.slug + after,
        "regions": code_names(cluster.regions.order_by("code")),
        "ecosystems": code_names(cluster.ecosystems.all()),
        "sectors": code_names(cluster.sectors.all()),
        "technology_fields": code_names(cluster.technology_fields.all()),
        "s3_priority_areas": [
            {"code": area.code, "title": area.title, "region": area.region.code}
            for area in cluster.s3_priority_areas.select_related("region")
        ],
        "member_counts": counts,
        "eccp_checklist": [check.__dict__ for check in eccp_checklist(cluster, counts)],
        "labels": [
            {
                "level": label.level,
                "awarded_on": label.awarded_on,
                "valid_until": label.valid_until,
                "source_url": label.source_url,
            }
            for label in labels
        ],
        "programmes": _programmes(cluster, user),
    }


def _programmes(cluster, user) -> list[dict]:
    """The programmes the cluster takes part in, as far as the caller may see the programme."""
    participations = (
        ProgrammeParticipation.objects.filter(cluster=cluster, programme__in=Programme.objects.visible_to(user))
        .select_related("programme")
        .order_by("programme__is_demo", "-programme__starts_on", "programme__slug")
    )
    return [
        {"slug": p.programme.slug, "name": p.programme.name, "status": p.status, "selected_on": p.selected_on}
        for p in participations
    ]
