"""A hand-made set of clusters where the right partner for each need is known, for the matching engine's tests.

    world = build_match_world()        # registry rows, labels, S3 areas, members; the index rebuilt at the end

The seeker, "Västsvenska Modeklustret" (Västra Götaland, Sweden), works in the Textiles ecosystem, the Apparel
sector and the Sorting technology field, and writes in Swedish about sustainable fashion. Its known partners:

- `fibre` (Skåne, Sweden) — the right partner for the seeker's own profile: same ecosystem, sector and technology,
  brings Traceability (complementary), Skåne's strategy prioritises Textiles like Västra Götaland's (S3 overlap), a
  gold label, an English profile about circular textile recycling, updated today.
- `weave` (Bavaria, Germany) — a weaker textile cluster: same ecosystem only, no label, profile two years old.
- `digital` (Uusimaa, Finland) — the right partner for the seeker's post that seeks Digital / Software / AI.
- `food` (Skåne) — writes in Swedish about food and packaging, and only in its description (no strengths).
- `mobility` (Bavaria), `health` (Noord-Brabant) — unrelated.
- `demo_twin` (demo data) and `hidden_twin` (unpublished) copy the fibre cluster's profile word for word: they must
  never appear for a real need.

Members: every real cluster has an SME, a large company and a research organisation; the fibre cluster's SME is
called "Nordic Textile Recycling AB" so its name matches a textile need.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from klusterplattform.matchmaking.choices import DocumentKind
from klusterplattform.matchmaking.matching import indexing
from klusterplattform.matchmaking.tests.world import make_post
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.models import ClusterOrganisation
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    LabelFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    S3PriorityAreaFactory,
    SectoralIndustryFactory,
    TechnologyFieldFactory,
    UserFactory,
)

FIBRE_STRENGTHS = "Circular textile recycling at industrial scale. Pilot plants for fibre sorting."
FIBRE_DESCRIPTION = "A cluster of 80 firms in southern Sweden."


@dataclass
class MatchWorld:
    regions: dict  # vg, sk, by, uu, nb
    ecosystems: dict  # textiles, digital, mobility, health, agrifood
    sectors: dict  # apparel, software, automotive
    technologies: dict  # sorting, traceability, ai, batteries
    clusters: dict  # seeker, fibre, weave, digital, food, mobility, health, demo_twin, hidden_twin
    members: dict = field(default_factory=dict)  # (cluster key, "sme"|"large"|"research") → Organisation
    manager: object = None  # manages the seeker
    officer: object = None

    def __getattr__(self, name):
        clusters = self.__dict__.get("clusters", {})
        if name in clusters:
            return clusters[name]
        raise AttributeError(name)


def _taxonomy(prefix):
    ecosystems = {
        key: EcosystemFactory(code=f"{prefix}-{key}", name_en=name, name_sv=f"{name} (sv)")
        for key, name in [
            ("textiles", "Textiles"),
            ("digital", "Digital"),
            ("mobility", "Mobility"),
            ("health", "Health"),
            ("agrifood", "Agri-food"),
        ]
    }
    sectors = {
        key: SectoralIndustryFactory(code=f"{prefix}-{key}", name_en=name, name_sv=f"{name} (sv)")
        for key, name in [("apparel", "Apparel"), ("software", "Software"), ("automotive", "Automotive")]
    }
    technologies = {
        key: TechnologyFieldFactory(code=f"{prefix}-{key}", name_en=name, name_sv=f"{name} (sv)")
        for key, name in [
            ("sorting", "Sorting technology"),
            ("traceability", "Traceability"),
            ("ai", "Artificial intelligence"),
            ("batteries", "Batteries"),
        ]
    }
    return ecosystems, sectors, technologies


def _regions(prefix, ecosystems):
    spec = [
        ("vg", "SE", "Västra Götaland", ["textiles", "digital"]),
        ("sk", "SE", "Skåne", ["textiles", "agrifood"]),
        ("by", "DE", "Bavaria", ["mobility"]),
        ("uu", "FI", "Uusimaa", []),
        ("nb", "NL", "Noord-Brabant", ["health"]),
    ]
    regions = {}
    for key, country, name, prioritised in spec:
        region = RegionFactory(code=f"{prefix}{key}".upper(), country=country, name_en=name, name_sv=name)
        if prioritised:
            area = S3PriorityAreaFactory(region=region, code=f"{prefix}-s3-{key}")
            area.ecosystems.set([ecosystems[e] for e in prioritised])
        regions[key] = region
    return regions


def _clusters(prefix, regions, e, s, t):
    def cluster(key, name, region, country="SE", **fields):
        return ClusterFactory(name=name, slug=f"{prefix}-{key}", country=country, regions=[regions[region]], **fields)

    fibre_profile = {"strengths": FIBRE_STRENGTHS, "description": FIBRE_DESCRIPTION}
    fibre_links = {
        "ecosystems": [e["textiles"]],
        "sectors": [s["apparel"]],
        "technology_fields": [t["sorting"], t["traceability"]],
    }
    return {
        "seeker": cluster(
            "seeker",
            "Västsvenska Modeklustret",
            "vg",
            strengths="Hållbart mode och design.",
            description="Modeföretag i Västsverige.",
            ecosystems=[e["textiles"]],
            sectors=[s["apparel"]],
            technology_fields=[t["sorting"]],
        ),
        "fibre": cluster("fibre", "Fibre Loop Cluster", "sk", **fibre_profile, **fibre_links),
        "weave": cluster(
            "weave",
            "Bavarian Weavers",
            "by",
            country="DE",
            strengths="Technical textiles woven for car interiors.",
            description="Weaving mills of Bavaria.",
            ecosystems=[e["textiles"]],
        ),
        "digital": cluster(
            "digital",
            "Helsinki Data Cluster",
            "uu",
            country="FI",
            strengths="Data platforms and artificial intelligence for industry.",
            description="Software firms in Uusimaa.",
            ecosystems=[e["digital"]],
            sectors=[s["software"]],
            technology_fields=[t["ai"]],
        ),
        "food": cluster(
            "food",
            "Skånes Livsmedelskluster",
            "sk",
            strengths="",
            description="Vi samlar livsmedel och förpackning i Skåne.",
            ecosystems=[e["agrifood"]],
        ),
        "mobility": cluster(
            "mobility",
            "Bavarian Mobility Network",
            "by",
            country="DE",
            strengths="Battery cells and electric drive trains.",
            description="Automotive suppliers.",
            ecosystems=[e["mobility"]],
            sectors=[s["automotive"]],
            technology_fields=[t["batteries"]],
        ),
        "health": cluster(
            "health",
            "Brabant Health Valley",
            "nb",
            country="NL",
            strengths="Medical devices and clinical trials.",
            description="Hospitals and medtech firms.",
            ecosystems=[e["health"]],
        ),
        "demo_twin": cluster("demo-twin", "Demo Fibre Cluster", "sk", is_demo=True, **fibre_profile, **fibre_links),
        "hidden_twin": cluster(
            "hidden-twin", "Hidden Fibre Cluster", "sk", is_published=False, **fibre_profile, **fibre_links
        ),
    }


MEMBER_NAMES = {
    "seeker": ("Kläd Konfektion AB", "Stora Modehuset AB", "Textilhögskolan"),
    "fibre": ("Nordic Textile Recycling AB", "Scandinavian Mills AB", "Lund Fibre Institute"),
    "weave": ("Webstuhl GmbH", "Autotex AG", "Institut für Weberei"),
    "digital": ("Datavirta Oy", "Nordic Cloud Oyj", "Aalto Data Lab"),
    "food": ("Smakbyrån AB", "Skåne Mejerier AB", "Livsmedelsinstitutet"),
    "mobility": ("Zellwerk GmbH", "Antrieb AG", "Fraunhofer Antrieb"),
    "health": ("Medisens BV", "Philipsen NV", "Eindhoven Clinic Lab"),
}


def _members(prefix, clusters, regions):
    members = {}
    region_of = {"seeker": "vg", "fibre": "sk", "weave": "by", "digital": "uu", "food": "sk", "mobility": "by"}
    region_of["health"] = "nb"
    for key, names in MEMBER_NAMES.items():
        cluster = clusters[key]
        for kind, name, organisation_type in zip(
            ("sme", "large", "research"), names, ("sme", "large_company", "research"), strict=True
        ):
            organisation = OrganisationFactory(
                key=f"ID:{prefix}-{key}-{kind}",
                name=name,
                type=organisation_type,
                country=cluster.country,
                region=regions[region_of[key]],
            )
            MembershipFactory(cluster=cluster, organisation=organisation)
            members[(key, kind)] = organisation
    return members


def build_match_world(prefix: str = "mw", index: bool = True) -> MatchWorld:
    e, s, t = _taxonomy(prefix)
    regions = _regions(prefix, e)
    clusters = _clusters(prefix, regions, e, s, t)
    LabelFactory(cluster=clusters["fibre"], level="gold")
    LabelFactory(cluster=clusters["demo_twin"], level="gold")
    LabelFactory(cluster=clusters["hidden_twin"], level="gold")
    expired = timezone.localdate() - datetime.timedelta(days=10)
    LabelFactory(
        cluster=clusters["weave"], level="gold", awarded_on=expired.replace(year=expired.year - 2), valid_until=expired
    )  # lapsed: no label reason
    two_years_ago = timezone.now() - datetime.timedelta(days=800)
    ClusterOrganisation.objects.filter(pk__in=[clusters[k].pk for k in ("weave", "mobility", "health")]).update(
        updated_at=two_years_ago
    )
    for key in ("weave", "mobility", "health"):
        clusters[key].refresh_from_db()
    world = MatchWorld(regions, e, s, t, clusters)
    world.members = _members(prefix, clusters, regions)
    world.manager = UserFactory(email=f"{prefix}-manager@example.org")
    grant_role(world.manager, "cluster_manager", clusters=[clusters["seeker"].slug])
    world.officer = UserFactory(email=f"{prefix}-officer@example.org")
    grant_role(world.officer, "officer")
    if index:
        rebuild_index()
    return world


def rebuild_index() -> None:
    for kind in DocumentKind.values:
        indexing.rebuild(kind)


def data_post(world, **fields):
    """The seeker's partner search for Digital / Software / Artificial intelligence, SMEs sought."""
    values = {
        "title": "Data partners",
        "seek": "Artificial intelligence and data platforms for our members.",
        "partner_types": ["sme"],
        "ecosystems": [world.ecosystems["digital"]],
        "sectors": [world.sectors["software"]],
        "technology_fields": [world.technologies["ai"]],
        **fields,
    }
    return make_post(world.seeker, author=world.manager, **values)
