"""Deterministic Europe-scale registry data for benchmarks: 5,000 clusters, 250,000 organisations, their memberships.

    .venv/bin/python bench/generate.py --db sqlite|postgres|both [--clusters N] [--organisations N] [--seed S]

Writes only into the benchmark databases (bench/benchdb.py). Same seed, same data: every figure in
docs/performance.md can be reproduced. Regions, ecosystems and sectors are created when missing, so the generator
does not depend on load_reference. All names are invented; nothing describes a real organisation.
"""

import argparse
import datetime
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchdb import setup_django  # noqa: E402
from bench.europe import (  # noqa: E402
    BENCH_PROGRAMME,
    CLUSTER_WORDS,
    COMPANY_FORMS,
    COUNTIES,
    COUNTRIES,
    ECOSYSTEMS,
    NUTS2,
    SECTORS,
    SIZES,
    SYLLABLES,
    TYPES,
)


def invented_name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(words))


def create_reference():
    """Countries (NUTS 0), some NUTS 2 regions, the 21 län, the 14 ecosystems and some sectors, where missing."""
    from klusterplattform.registry.models import Ecosystem, Region, SectoralIndustry

    for code, iso, name_sv, name_en, _weight in COUNTRIES:
        Region.objects.get_or_create(
            code=code, defaults={"level": "nuts0", "country": iso, "name_sv": name_sv, "name_en": name_en}
        )
        for nuts2, name in NUTS2.get(code, []):
            Region.objects.get_or_create(
                code=nuts2,
                defaults={"level": "nuts2", "country": iso, "name_sv": name, "name_en": name, "nuts2_code": nuts2},
            )
    for code, name_sv, name_en, nuts3, nuts2 in COUNTIES:
        Region.objects.get_or_create(
            code=code,
            defaults={
                "level": "county",
                "country": "SE",
                "name_sv": name_sv,
                "name_en": name_en,
                "nuts3_code": nuts3,
                "nuts2_code": nuts2,
                "iso_code": f"SE-{code}",
            },
        )
    for model, terms in ((Ecosystem, ECOSYSTEMS), (SectoralIndustry, SECTORS)):
        for position, (code, name_sv, name_en) in enumerate(terms, start=1):
            model.objects.get_or_create(
                code=code, defaults={"name_sv": name_sv, "name_en": name_en, "position": position}
            )


def regions_by_country() -> dict[str, list]:
    """Where a cluster of each country may sit: Swedish län, NUTS 2 regions, or else the country itself."""
    from klusterplattform.registry.models import Region

    regions = {}
    for code, iso, *_rest in COUNTRIES:
        level = "county" if iso == "SE" else "nuts2"
        regions[iso] = list(Region.objects.filter(country=iso, level=level).order_by("code")) or [
            Region.objects.get(code=code)
        ]
    return regions


def generate(clusters: int, organisations: int, seed: int) -> None:
    from django.db import connection, transaction

    from klusterplattform.registry.models import ClusterOrganisation, Ecosystem, SectoralIndustry

    if ClusterOrganisation.objects.filter(slug__startswith="bench-").exists():
        print(f"benchmark data already present ({ClusterOrganisation.objects.count()} clusters): nothing to do")
        return
    rng = random.Random(seed)
    started = time.perf_counter()
    with transaction.atomic():
        create_reference()
        ecosystems, sectors = list(Ecosystem.objects.order_by("code")), list(SectoralIndustry.objects.order_by("code"))
        cluster_ids = _clusters(rng, clusters, regions_by_country(), ecosystems, sectors)
        _organisations_and_memberships(rng, organisations, cluster_ids)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics on both databases
    print(f"generated {clusters} clusters and {organisations} organisations in {time.perf_counter() - started:.1f} s")


def _clusters(rng, count, regions, ecosystems, sectors) -> dict[str, list[int]]:
    """Create the clusters with their links; return the cluster ids by country."""
    from klusterplattform.excellence.models import Label
    from klusterplattform.registry.models import ClusterOrganisation, Programme, ProgrammeParticipation

    countries = [iso for _code, iso, *_names, _weight in COUNTRIES]
    weights = [weight for *_rest, weight in COUNTRIES]
    today = datetime.date.today()
    objects, country_of = [], []
    for number in range(count):
        country = rng.choices(countries, weights)[0]
        name = f"{invented_name(rng, rng.randint(1, 2))} {rng.choice(CLUSTER_WORDS)}"
        cluster = ClusterOrganisation(
            name=name,
            slug=f"bench-{number:05d}",
            country=country,
            website=f"https://cluster{number}.example.org/",
            website_in_english=rng.random() < 0.6,
            founded=datetime.date(rng.randint(1990, 2022), rng.randint(1, 12), 1),
            description=f"{name}: {invented_name(rng, 6)}.",
            is_published=rng.random() < 0.95,
        )
        cluster.refresh_derived()
        objects.append(cluster)
        country_of.append(country)
    created = ClusterOrganisation.objects.bulk_create(objects, batch_size=2000)
    ids = [cluster.pk for cluster in created]
    if ids[0] is None:  # older SQLite cannot return ids from bulk_create
        ids = list(
            ClusterOrganisation.objects.filter(slug__startswith="bench-").order_by("slug").values_list("pk", flat=True)
        )
    through = ClusterOrganisation
    region_links, ecosystem_links, sector_links, labels = [], [], [], []
    by_country: dict[str, list[int]] = {}
    for pk, country in zip(ids, country_of, strict=True):
        by_country.setdefault(country, []).append(pk)
        for region in rng.sample(regions[country], min(len(regions[country]), rng.choice([1, 1, 1, 2]))):
            region_links.append(through.regions.through(clusterorganisation_id=pk, region_id=region.pk))
        for ecosystem in rng.sample(ecosystems, rng.randint(1, 3)):
            ecosystem_links.append(through.ecosystems.through(clusterorganisation_id=pk, ecosystem_id=ecosystem.pk))
        for sector in rng.sample(sectors, rng.randint(0, 2)):
            sector_links.append(through.sectors.through(clusterorganisation_id=pk, sectoralindustry_id=sector.pk))
        if rng.random() < 0.12:
            awarded = today - datetime.timedelta(days=rng.randint(30, 1500))
            level = rng.choices(["bronze", "silver", "gold"], [6, 3, 1])[0]
            labels.append(
                Label(
                    cluster_id=pk, level=level, awarded_on=awarded, valid_until=awarded + datetime.timedelta(days=730)
                )
            )
    through.regions.through.objects.bulk_create(region_links, batch_size=5000)
    through.ecosystems.through.objects.bulk_create(ecosystem_links, batch_size=5000)
    through.sectors.through.objects.bulk_create(sector_links, batch_size=5000)
    Label.objects.bulk_create(labels, batch_size=5000)
    programme, _created = Programme.objects.get_or_create(
        slug=BENCH_PROGRAMME,
        defaults={
            "name_sv": "Benchmarkprogram",
            "name_en": "Benchmark programme",
            "starts_on": datetime.date(2021, 1, 1),
        },
    )
    ProgrammeParticipation.objects.bulk_create(
        [
            ProgrammeParticipation(programme=programme, cluster_id=pk, selected_on=datetime.date(2021, 3, 1))
            for pk in rng.sample(ids, 200)
        ]
    )
    return by_country


def _organisations_and_memberships(rng, count, cluster_ids_by_country) -> None:
    """Organisations in the countries of their clusters; each a member of one cluster, a fifth of two, some left."""
    from klusterplattform.registry.models import Membership, Organisation, Region

    countries = list(cluster_ids_by_country)
    weights = [len(cluster_ids_by_country[c]) for c in countries]
    region_ids = {
        iso: list(Region.objects.filter(country=iso).exclude(level="nuts0").values_list("pk", flat=True))
        for iso in countries
    }
    types, type_weights = zip(*TYPES, strict=True)
    batch, memberships = [], []
    for number in range(count):
        country = rng.choices(countries, weights)[0]
        name = f"{invented_name(rng, rng.randint(1, 2))} {rng.choice(COMPANY_FORMS)}"
        organisation = Organisation(
            key=f"ID:bench-{number:06d}",
            name=name,
            country=country,
            type=rng.choices(types, type_weights)[0],
            size_class=rng.choice(SIZES),
            nace_code=f"{rng.randint(1, 99):02d}.{rng.randint(1, 9)}",
            region_id=rng.choice(region_ids[country]) if region_ids[country] else None,
            website=f"https://org{number}.example.org/",
        )
        organisation.refresh_derived()
        batch.append(organisation)
        if len(batch) == 10_000 or number == count - 1:
            created = Organisation.objects.bulk_create(batch)
            for org in created:
                for cluster_id in _clusters_of(rng, cluster_ids_by_country[org.country]):
                    joined = datetime.date(rng.randint(2005, 2024), rng.randint(1, 12), 1)
                    left = joined + datetime.timedelta(days=rng.randint(200, 2000)) if rng.random() < 0.05 else None
                    kind = "member" if rng.random() < 0.8 else "participant"
                    memberships.append(
                        Membership(cluster_id=cluster_id, organisation_id=org.pk, kind=kind, joined=joined, left=left)
                    )
            Membership.objects.bulk_create(memberships, batch_size=10_000)
            batch, memberships = [], []


def _clusters_of(rng, candidates: list[int]) -> list[int]:
    return rng.sample(candidates, min(len(candidates), 2 if rng.random() < 0.2 else 1))


def generate_excellence(clusters: int, seed: int, programme_reports: int = 20) -> dict:
    """Clusters with one validated self-assessment each of the current catalogue (36 indicators), for the Cluster
    Excellence benchmark; `programme_reports` clusters of the bench programme also get an earlier one to compare with.

    No member organisations: benchmarking reads the assessments, not the memberships. Returns the ids the benchmark
    needs: {"programme": [current assessment ids of the programme clusters], "assessments": n, "answers": n}.
    """
    from django.db import connection, transaction

    from klusterplattform.registry.models import Ecosystem, SectoralIndustry

    rng = random.Random(seed)
    with transaction.atomic():
        create_reference()
        ecosystems, sectors = list(Ecosystem.objects.order_by("code")), list(SectoralIndustry.objects.order_by("code"))
        by_country = _clusters(rng, clusters, regions_by_country(), ecosystems, sectors)
        result = _assessments(rng, sorted(pk for ids in by_country.values() for pk in ids), programme_reports)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return result


def _assessments(rng, cluster_ids: list[int], programme_reports: int) -> dict:
    """Validated assessments with answers drawn as the demo draws them (excellence/demo_answers.py)."""
    from decimal import Decimal

    from django.utils import timezone

    from klusterplattform.excellence.choices import cluster_size
    from klusterplattform.excellence.demo import current_catalogue
    from klusterplattform.excellence.demo_answers import Profile, make_answers
    from klusterplattform.excellence.models import Answer, Assessment, AssessmentRound
    from klusterplattform.registry.models import ClusterOrganisation, Programme, ProgrammeParticipation

    catalogue = current_catalogue()
    indicators = list(catalogue.indicators.order_by("position", "code"))
    today = datetime.date.today()
    programme = Programme.objects.get(slug=BENCH_PROGRAMME)
    peers_programme = Programme.objects.create(slug="bench-peers", name_sv="Jämförelsegrupp", name_en="Peers")
    chosen = sorted(ProgrammeParticipation.objects.filter(programme=programme).values_list("cluster_id", flat=True))[
        :programme_reports
    ]

    def new_round(owner, slug, days_ago):
        opens = today - datetime.timedelta(days=days_ago)
        return AssessmentRound.objects.create(
            programme=owner,
            catalogue=catalogue,
            slug=slug,
            name_sv=slug,
            name_en=slug,
            opens_on=opens,
            closes_on=opens + datetime.timedelta(days=60),
        )

    peers_round = new_round(peers_programme, "bench-peers", 300)
    current, earlier = new_round(programme, "bench-current", 90), new_round(programme, "bench-earlier", 700)
    founded = dict(ClusterOrganisation.objects.filter(pk__in=cluster_ids).values_list("pk", "founded"))
    plans = [(peers_round if pk not in chosen else current, pk, rng.betavariate(2.2, 2.2)) for pk in cluster_ids]
    plans += [(earlier, pk, rng.betavariate(2, 2.5)) for pk in chosen]
    assessments, profiles = [], []
    for round_, pk, maturity in plans:
        total = max(5, round(rng.lognormvariate(4.1, 0.8)))
        assessed = round_.opens_on + datetime.timedelta(days=rng.randint(0, 50))
        # What pre-filling would take from the registry (bench clusters have no members: drawn instead).
        figures = {
            "participants_total": Decimal(total),
            "dedicated_members": Decimal(round(total * rng.uniform(0.3, 0.7))),
            "sme_share": Decimal(f"{rng.uniform(50, 90):.2f}"),
            "research_participants": Decimal(round(total * rng.uniform(0.03, 0.15))),
            "large_companies": Decimal(round(total * rng.uniform(0.02, 0.12))),
            "regional_concentration": Decimal(f"{rng.uniform(30, 95):.2f}"),
            "organisation_age": Decimal(max(0, (assessed - founded[pk]).days // 365)),
            "management_fte": Decimal(f"{rng.lognormvariate(0.9, 0.6):.2f}"),
        }
        profiles.append(Profile(maturity, figures))
        assessments.append(
            Assessment(
                round=round_,
                cluster_id=pk,
                catalogue=catalogue,
                status="validated",
                assessed_on=assessed,
                submitted_at=timezone.now(),
                validated_at=timezone.now(),
                size_class=cluster_size(total),
                version=1,
            )
        )
    assessments = Assessment.objects.bulk_create(assessments, batch_size=2000)
    answers = []
    for assessment, profile in zip(assessments, profiles, strict=True):
        for answer in make_answers(indicators, profile, rng):
            answer.assessment = assessment
            answers.append(answer)
    Answer.objects.bulk_create(answers, batch_size=5000)
    programme_ids = [a.pk for a in assessments if a.round_id == current.pk]
    return {"programme": programme_ids, "assessments": len(assessments), "answers": len(answers)}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--clusters", type=int, default=5_000)
    parser.add_argument("--organisations", type=int, default=250_000)
    parser.add_argument("--seed", type=int, default=20_240_601)
    args = parser.parse_args(argv)
    for kind in ["sqlite", "postgres"] if args.db == "both" else [args.db]:
        run_in_subprocess_or_here(kind, args)


def run_in_subprocess_or_here(kind, args) -> None:
    """Django binds one database per process: each kind runs in its own interpreter."""
    import subprocess

    if args.db == "both":
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--db",
                kind,
                "--clusters",
                str(args.clusters),
                "--organisations",
                str(args.organisations),
                "--seed",
                str(args.seed),
            ],
            check=True,
        )
        return
    setup_django(kind)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"== {kind}")
    generate(args.clusters, args.organisations, args.seed)


if __name__ == "__main__":
    main()
