"""Demo step "organisations": fictional member organisations and their period-based memberships.

Each organisation has a home cluster (drawn with skewed weights, so cluster sizes vary from a handful to hundreds);
about a quarter also take part in one or two other clusters in the same country. About one membership in eight
has ended, the rest are open; a little under half are dedicated members, the rest participating organisations.
"""

from collections import defaultdict
from datetime import timedelta

from django.utils.translation import gettext as _

from ..choices import MembershipKind
from ..models import ClusterOrganisation, Membership, Organisation
from .context import DemoContext
from .names import organisation_name
from .population import LOCALE_BY_COUNTRY, ORGANISATION_MIX, SUPPORTING_NACE, THEME_BY_ECOSYSTEM
from .steps import DemoStep, register

STEP = "organisations"
TYPES = list(ORGANISATION_MIX)
TYPE_WEIGHTS = [ORGANISATION_MIX[t][0] for t in TYPES]


def _demo_clusters() -> list[dict]:
    clusters = list(
        ClusterOrganisation.objects.filter(is_demo=True).order_by("slug").values("id", "country", "founded")
    )
    regions, themes = {}, {}
    for cluster_id, region_id in (
        ClusterOrganisation.regions.through.objects.filter(clusterorganisation__is_demo=True)
        .order_by("id")
        .values_list("clusterorganisation_id", "region_id")
    ):
        regions.setdefault(cluster_id, region_id)
    for cluster_id, code in (
        ClusterOrganisation.ecosystems.through.objects.filter(clusterorganisation__is_demo=True)
        .order_by("id")
        .values_list("clusterorganisation_id", "ecosystem__code")
    ):
        themes.setdefault(cluster_id, THEME_BY_ECOSYSTEM.get(code))
    for cluster in clusters:
        cluster["region_id"] = regions.get(cluster["id"])
        cluster["theme"] = themes.get(cluster["id"])
    return clusters


def _organisation(context: DemoContext, rng, number: int, home: dict) -> Organisation:
    org_type = rng.choices(TYPES, weights=TYPE_WEIGHTS)[0]
    _share, sizes, nace_codes = ORGANISATION_MIX[org_type]
    if not nace_codes:  # a company: mostly in its cluster's trade, some supporting it
        theme = home["theme"]
        nace_codes = theme.nace if theme and rng.random() < 0.7 else SUPPORTING_NACE
    fake = context.faker(LOCALE_BY_COUNTRY.get(home["country"], "en_GB"), STEP)
    organisation = Organisation(
        key=f"ID:DEMO-{number:06d}",
        name=organisation_name(fake, rng, org_type, home["country"] == "SE"),
        country=home["country"],
        type=org_type,
        size_class=rng.choices(list(sizes), weights=list(sizes.values()))[0],
        nace_code=rng.choice(nace_codes),
        region_id=home["region_id"],
        website=f"https://demo-org-{number:06d}.example.org" if rng.random() < 0.6 else "",
        is_demo=True,
    )
    organisation.refresh_derived()
    return organisation


def _membership(context: DemoContext, rng, cluster: dict, organisation: Organisation) -> Membership:
    start = cluster["founded"] or context.today - timedelta(days=3650)
    joined = start + timedelta(days=rng.randint(0, max(0, (context.today - start).days - 1)))
    room = (context.today - joined).days
    left = joined + timedelta(days=rng.randint(1, room)) if room > 1 and rng.random() < 0.12 else None
    kind = MembershipKind.MEMBER if rng.random() < 0.45 else MembershipKind.PARTICIPANT
    return Membership(cluster_id=cluster["id"], organisation=organisation, kind=kind, joined=joined, left=left)


def make_organisations(context: DemoContext) -> str:
    rng = context.random(STEP)
    clusters = _demo_clusters()
    if not clusters:
        return _("No demo clusters: no organisations created.")
    by_country = defaultdict(list)
    for cluster in clusters:
        by_country[cluster["country"]].append(cluster)
    weights = [rng.lognormvariate(0, 0.9) for _cluster in clusters]
    homes = rng.choices(clusters, weights=weights, k=context.size.organisations)
    organisations, memberships = [], []
    for number, home in enumerate(homes, start=1):
        organisation = _organisation(context, rng, number, home)
        organisations.append(organisation)
        extra = rng.choices((0, 1, 2), weights=(75, 20, 5))[0]
        neighbours = [c for c in by_country[home["country"]] if c["id"] != home["id"]]
        for cluster in [home, *rng.sample(neighbours, min(extra, len(neighbours)))]:
            memberships.append(_membership(context, rng, cluster, organisation))
    Organisation.objects.bulk_create(organisations, batch_size=1000)
    for membership in memberships:
        membership.organisation_id = membership.organisation.pk
    Membership.objects.bulk_create(memberships, batch_size=2000)
    return _("%(organisations)s fictional member organisations with %(memberships)s memberships") % {
        "organisations": len(organisations),
        "memberships": len(memberships),
    }


register(
    DemoStep(
        STEP,
        order=20,
        run=make_organisations,
        is_loaded=lambda: Organisation.objects.filter(is_demo=True).exists(),
        remove=lambda: Organisation.objects.filter(is_demo=True).delete(),
    )
)
