"""What the index keeps of each profile: feature tokens and text, read from the registry in a few bulk queries.

Feature tokens (ids keep them short): "e<id>" industrial ecosystem, "s<id>" sectoral industry, "t<id>" technology
field, "3<id>" an ecosystem that the smart-specialisation strategy of one of the cluster's regions prioritises,
"r<id>" region, and for member organisations "c<id>" a cluster it is a member of today and "y<type>" its type.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from klusterplattform.registry.models import ClusterOrganisation, Membership, Organisation, S3PriorityArea

from .text import stems

CLUSTER_TAXONOMIES = (("ecosystems", "e", "ecosystem_id"), ("sectors", "s", "sectoralindustry_id"))
CLUSTER_TAXONOMIES += (("technology_fields", "t", "technologyfield_id"),)


@dataclass
class Profile:
    object_id: int
    is_demo: bool
    country: str
    updated_at: object
    tokens: set = field(default_factory=set)
    terms: dict = field(default_factory=dict)  # stem → count

    @property
    def length(self) -> int:
        return sum(self.terms.values())


def _pairs(through, left: str, right: str, ids):
    rows = through.objects.all()
    if ids is not None:
        rows = rows.filter(**{f"{left}__in": ids})
    grouped = defaultdict(set)
    pairs = rows.values_list(left, right)
    # A server-side cursor (PostgreSQL) pays off for a whole rebuild, not for the few rows of one profile.
    for a, b in pairs.iterator(chunk_size=5000) if ids is None else pairs:
        grouped[a].add(b)
    return grouped


def s3_ecosystems_by_region(region_ids=None) -> dict[int, set[int]]:
    """Region id → the ecosystems its smart-specialisation areas prioritise."""
    rows = S3PriorityArea.ecosystems.through.objects.all()
    if region_ids is not None:
        rows = rows.filter(s3priorityarea__region_id__in=region_ids)
    grouped = defaultdict(set)
    for region_id, ecosystem_id in rows.values_list("s3priorityarea__region_id", "ecosystem_id"):
        grouped[region_id].add(ecosystem_id)
    return grouped


def cluster_text(name: str, description: str, strengths: str, strategy: str) -> str:
    # Strengths say most about what a partner would get, so they count twice.
    return " ".join([name, description, strengths, strengths, strategy])


def cluster_profiles(ids=None) -> list[Profile]:
    """Profiles of the given clusters (all when None)."""
    clusters = ClusterOrganisation.objects.all()
    if ids is not None:
        clusters = clusters.filter(pk__in=ids)
    columns = ("id", "is_demo", "country", "updated_at", "name", "description", "strengths", "strategy")
    rows = clusters.values_list(*columns)
    rows = list(rows.iterator(chunk_size=2000) if ids is None else rows)
    wanted = None if ids is None else [row[0] for row in rows]
    taxonomies = {
        prefix: _pairs(getattr(ClusterOrganisation, name).through, "clusterorganisation_id", column, wanted)
        for name, prefix, column in CLUSTER_TAXONOMIES
    }
    regions = _pairs(ClusterOrganisation.regions.through, "clusterorganisation_id", "region_id", wanted)
    region_ids = None if ids is None else {r for rs in regions.values() for r in rs}
    s3 = s3_ecosystems_by_region(region_ids)
    profiles = []
    for pk, is_demo, country, updated_at, name, description, strengths, strategy in rows:
        profile = Profile(pk, is_demo, country, updated_at)
        for prefix, grouped in taxonomies.items():
            profile.tokens |= {f"{prefix}{i}" for i in grouped.get(pk, ())}
        for region_id in regions.get(pk, ()):
            profile.tokens.add(f"r{region_id}")
            profile.tokens |= {f"3{e}" for e in s3.get(region_id, ())}
        profile.terms = dict(stems(cluster_text(name, description, strengths, strategy)))
        profiles.append(profile)
    return profiles


def organisation_profiles(ids=None, day=None) -> list[Profile]:
    """Profiles of the given member organisations (all when None), with the clusters they belong to on `day`."""
    organisations = Organisation.objects.all()
    memberships = Membership.objects.active_on(day or timezone.localdate())
    if ids is not None:
        organisations = organisations.filter(pk__in=ids)
        memberships = memberships.filter(organisation_id__in=ids)
    clusters_of = defaultdict(set)
    for organisation_id, cluster_id in memberships.values_list("organisation_id", "cluster_id").iterator(5000):
        clusters_of[organisation_id].add(cluster_id)
    profiles = []
    rows = organisations.values_list("id", "is_demo", "country", "updated_at", "name", "type", "region_id")
    for pk, is_demo, country, updated_at, name, kind, region_id in rows.iterator(chunk_size=5000):
        profile = Profile(pk, is_demo, country, updated_at, tokens={f"y{kind}"})
        if region_id:
            profile.tokens.add(f"r{region_id}")
        profile.tokens |= {f"c{c}" for c in clusters_of.get(pk, ())}
        profile.terms = dict(stems(name))
        profiles.append(profile)
    return profiles
