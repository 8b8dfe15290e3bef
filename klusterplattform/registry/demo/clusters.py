"""Demo step "clusters": fictional cluster organisations across EU countries, with a contact and taxonomy links."""

from datetime import timedelta
from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..choices import RegionLevel
from ..models import ClusterOrganisation, ContactPerson, Ecosystem, Region, SectoralIndustry, TechnologyField
from .context import DemoContext
from .names import cluster_name, person_name
from .population import COUNTRIES, THEMES, apportion
from .steps import DemoStep, register

STEP = "clusters"


def _countries(context: DemoContext, rng) -> list:
    counts = apportion(context.size.clusters, [country.weight for country in COUNTRIES])
    countries = [country for country, count in zip(COUNTRIES, counts, strict=True) for _ in range(count)]
    rng.shuffle(countries)
    return countries


def _description(theme_name_en: str, theme_name_sv: str, swedish: bool) -> str:
    if swedish:
        return f"Fiktiv klusterorganisation (demodata) inom ekosystemet {theme_name_sv}. Ingen verklig organisation."
    return f"Fictional cluster organisation (demo data) in the {theme_name_en} ecosystem. Not a real organisation."


def make_clusters(context: DemoContext) -> str:
    rng = context.random(STEP)
    countries = {r.code: r.pk for r in Region.objects.filter(level=RegionLevel.COUNTRY)}
    counties = list(Region.objects.filter(level=RegionLevel.COUNTY).order_by("code").values_list("pk", flat=True))
    ecosystems = {e.code: e for e in Ecosystem.objects.all()}
    sectors = dict(SectoralIndustry.objects.values_list("code", "pk"))
    technology_fields = list(TechnologyField.objects.order_by("code").values_list("pk", flat=True))
    clusters, links, contacts = [], [], []
    for index, country in enumerate(_countries(context, rng), start=1):
        swedish = country.iso == "SE"
        fake = context.faker(country.locale, STEP)
        theme = rng.choices(THEMES, weights=[t.weight for t in THEMES])[0]
        name = cluster_name(fake, theme, swedish)
        slug = f"demo-{index:04d}-{slugify(name)}"[:120]
        ecosystem = ecosystems[theme.ecosystem]
        cluster = ClusterOrganisation(
            name=name,
            slug=slug,
            country=country.iso,
            website=f"https://{slug}.example.org",
            website_in_english=rng.random() < 0.75,
            founded=context.today - timedelta(days=rng.randint(3 * 365, 28 * 365)),
            description=_description(ecosystem.name_en, ecosystem.name_sv, swedish),
            # Median about 2.5 FTE; a few teams fall below ECCP's 0.5, so the checklist has something to show.
            management_fte=Decimal(f"{max(0.2, rng.lognormvariate(0.9, 0.6)):.1f}"),
            is_published=True,
            is_demo=True,
        )
        cluster.refresh_derived()  # bulk_create skips save(), which fills the search and sort columns
        clusters.append(cluster)
        extra_ecosystem = rng.choice(THEMES).ecosystem if rng.random() < 0.3 else theme.ecosystem
        links.append(
            {
                "region": [rng.choice(counties) if swedish else countries[country.nuts0]],
                "ecosystem": sorted({ecosystem.pk, ecosystems[extra_ecosystem].pk}),
                "sector": sorted(sectors[s] for s in rng.sample(theme.sectors, rng.randint(1, len(theme.sectors)))),
                "technology_field": sorted(rng.sample(technology_fields, rng.randint(0, 2))),
            }
        )
        person = person_name(fake)
        contacts.append(
            ContactPerson(
                name=person,
                role="Klusterledare" if swedish else "Cluster manager",
                email=f"{slugify(person).replace('-', '.')}@example.org",
            )
        )
    ClusterOrganisation.objects.bulk_create(clusters, batch_size=500)
    _link(clusters, links)
    for cluster, contact in zip(clusters, contacts, strict=True):
        contact.cluster = cluster
    ContactPerson.objects.bulk_create(contacts, batch_size=500)
    return _("%(clusters)s fictional cluster organisations in %(countries)s countries") % {
        "clusters": len(clusters),
        "countries": len({cluster.country for cluster in clusters}),
    }


def _link(clusters: list[ClusterOrganisation], links: list[dict]) -> None:
    relations = {
        "region": ClusterOrganisation.regions.through,
        "ecosystem": ClusterOrganisation.ecosystems.through,
        "sector": ClusterOrganisation.sectors.through,
        "technology_field": ClusterOrganisation.technology_fields.through,
    }
    target_column = {"sector": "sectoralindustry_id", "technology_field": "technologyfield_id"}
    for relation, through in relations.items():
        column = target_column.get(relation, f"{relation}_id")
        rows = [
            through(clusterorganisation_id=cluster.pk, **{column: target})
            for cluster, link in zip(clusters, links, strict=True)
            for target in link[relation]
        ]
        through.objects.bulk_create(rows, batch_size=1000)


register(
    DemoStep(
        STEP,
        order=10,
        run=make_clusters,
        is_loaded=lambda: ClusterOrganisation.objects.filter(is_demo=True).exists(),
        remove=lambda: ClusterOrganisation.objects.filter(is_demo=True).delete(),
    )
)
