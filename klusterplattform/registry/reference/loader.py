"""`load_reference`: write the reference modules of this package into the database, idempotently.

Reference facts (codes, official names, the län a pilot cluster belongs to) are kept in step with the modules;
everything a user may edit afterwards (a cluster's website, description, staff, publication) is set only on create.
Demo data is never read or written here.
"""

from dataclasses import dataclass, field

from django.db import transaction

from ..choices import ParticipationStatus, RegionLevel
from ..models import (
    ClusterOrganisation,
    Ecosystem,
    Programme,
    ProgrammeParticipation,
    Region,
    S3PriorityArea,
    SectoralIndustry,
    TechnologyField,
)
from . import regions, s3_areas, s3_pilot, taxonomies
from .upsert import Tally, upsert


@dataclass
class ReferenceResult:
    counts: dict[str, int] = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)


def region_facts() -> list[dict]:
    counties = [{"code": c.code, "level": RegionLevel.COUNTY, "country": "SE", **c._asdict()} for c in regions.COUNTIES]
    countries = [
        {"code": c.nuts0, "level": RegionLevel.COUNTRY, "country": c.iso, "name_sv": c.name_sv, "name_en": c.name_en}
        for c in regions.EU_COUNTRIES
    ]
    return counties + countries


def _terms(terms) -> list[dict]:
    return [{**term._asdict(), "position": position} for position, term in enumerate(terms, start=1)]


def load_taxonomies(tally: Tally) -> dict[str, Ecosystem]:
    ecosystems = upsert(Ecosystem, "code", _terms(taxonomies.ECOSYSTEMS), tally)
    upsert(SectoralIndustry, "code", _terms(taxonomies.SECTORS), tally)
    # Technology fields are the admin's to edit: the starter list only fills in what is missing.
    fields = _terms(taxonomies.TECHNOLOGY_FIELDS)
    starters = {f.pop("code"): f for f in fields}
    upsert(TechnologyField, "code", [{"code": code} for code in starters], tally, starters)
    return ecosystems


def load_s3_areas(counties: dict[str, Region], ecosystems: dict[str, Ecosystem], tally: Tally) -> int:
    facts, tags = [], {}
    for strategy in s3_areas.STRATEGIES:
        for position, area in enumerate(strategy.areas, start=1):
            code = f"{strategy.prefix}-{area.slug}"
            tags[code] = {ecosystems[e].pk for e in area.ecosystems}
            facts.append(
                {
                    "code": code,
                    "region_id": counties[strategy.county].pk,
                    "title_sv": area.title_sv,
                    "title_en": area.title_en,
                    "description_sv": area.description_sv,
                    "description_en": area.description_en,
                    "strategy_name": strategy.name,
                    "period_start": strategy.period[0],
                    "period_end": strategy.period[1],
                    "source_url": strategy.source_url,
                    "position": position,
                }
            )
    areas = upsert(S3PriorityArea, "code", facts, tally)
    _sync_links(S3PriorityArea.ecosystems.through, "s3priorityarea_id", "ecosystem_id", areas, tags)
    return len(areas)


def _sync_links(through, owner_field: str, target_field: str, owners: dict, wanted: dict[str, set[int]]):
    """Make the many-to-many links of reference-owned rows exactly `wanted`, in two queries when nothing changed."""
    owner_ids = {obj.pk: code for code, obj in owners.items()}
    existing = set(through.objects.filter(**{f"{owner_field}__in": owner_ids}).values_list(owner_field, target_field))
    desired = {(obj.pk, target) for code, obj in owners.items() for target in wanted[code]}
    through.objects.bulk_create([through(**{owner_field: o, target_field: t}) for o, t in sorted(desired - existing)])
    for owner_id, target_id in existing - desired:
        through.objects.filter(**{owner_field: owner_id, target_field: target_id}).delete()


def load_s3_pilot(counties: dict[str, Region], tally: Tally) -> int:
    programme = upsert(
        Programme,
        "slug",
        [{**s3_pilot.PROGRAMME, "is_demo": False}],
        tally,
        {"s3-piloten": {**s3_pilot.PROGRAMME_DESCRIPTION, "is_published": True}},
    )["s3-piloten"]
    facts = [
        {"slug": c.slug, "name": c.name, "country": "SE", "source_url": s3_pilot.PROGRAMME_PAGE, "is_demo": False}
        for c in s3_pilot.CLUSTERS
    ]
    on_create = {c.slug: {"website": c.website, "is_published": True} for c in s3_pilot.CLUSTERS}
    clusters = upsert(ClusterOrganisation, "slug", facts, tally, on_create)
    # The pilot cluster's own län is a fact; further regions an officer adds (e.g. other nodes) are kept.
    through = ClusterOrganisation.regions.through
    linked = set(
        through.objects.filter(clusterorganisation__in=clusters.values()).values_list(
            "clusterorganisation_id", "region_id"
        )
    )
    missing = {(clusters[c.slug].pk, counties[c.county].pk) for c in s3_pilot.CLUSTERS} - linked
    through.objects.bulk_create([through(clusterorganisation_id=c, region_id=r) for c, r in sorted(missing)])
    participations = {p.cluster_id: p for p in programme.participations.all()}
    for cluster in clusters.values():
        participation = participations.get(cluster.pk)
        if participation is None:
            ProgrammeParticipation.objects.create(
                programme=programme, cluster=cluster, status=ParticipationStatus.COMPLETED
            )
        elif participation.status != ParticipationStatus.COMPLETED:
            participation.status = ParticipationStatus.COMPLETED
            participation.save(update_fields=["status"])
    return len(clusters)


@transaction.atomic
def load_reference() -> ReferenceResult:
    result = ReferenceResult()
    tally = result.tally
    all_regions = upsert(Region, "code", region_facts(), tally)
    counties = {c.code: all_regions[c.code] for c in regions.COUNTIES}
    ecosystems = load_taxonomies(tally)
    result.counts = {
        "regions": len(all_regions),
        "ecosystems": len(taxonomies.ECOSYSTEMS),
        "sectors": len(taxonomies.SECTORS),
        "technology_fields": len(taxonomies.TECHNOLOGY_FIELDS),
        "s3_areas": load_s3_areas(counties, ecosystems, tally),
        "programmes": 1,
        "clusters": load_s3_pilot(counties, tally),
    }
    return result
