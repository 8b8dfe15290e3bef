"""Matching-engine benchmark: the match index built for 5,000 clusters and 250,000 organisations, then top-20
matches (one page with its reasons, as the page and API ask for it) for a cluster's profile, a partner-search post
and free text, on the cluster tab and on the member-organisation tab (an officer: every organisation may be shown).

Never run in CI. Uses the Europe-scale benchmark databases of bench/generate.py (never var/):
    .venv/bin/python bench/generate.py --db both          # once
    .venv/bin/python bench/matchmaking_match_bench.py --db sqlite|postgres|both [--queries 200] [--profile]

The generator gives clusters a one-line description of invented words and no strengths, which would leave the text
part of the score with nothing to do. So this bench first fills `strengths` and `strategy` of the generated clusters
(seed 20261129, only where strengths are empty, fields no other benchmark reads) with 2–4 topic phrases drawn from
the vocabulary of their ecosystems, in Swedish for Swedish clusters and in English elsewhere, plus common words every
cluster uses; it makes 200 open partner-search posts (title "Bench match post …", seeking one or two ecosystems, a
technology-free text, partner types, a country for a third of them) and an officer, once. Organisation names stay the
generated invented names. Timed, as p50 and p95 over --queries different needs each (after 10 warm-up queries):
  - the index build of each kind (indexing.rebuild: delete, read the registry, write documents, terms, statistics);
  - service.find(officer, need, kind) for kind cluster and organisation, with the need built inside the timing:
    (a) needs.for_cluster(a published cluster), (b) needs.for_post(a bench post), (c) needs.for_text(3–8 words).
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchdb import setup_django  # noqa: E402

SEED = 20_261_129
GOAL_MS, BUILD_GOAL_S = 50.0, 120.0
POSTS = 200
OFFICER = "bench-match-officer@example.org"

# Topic phrases per ecosystem code of bench/europe.py: (English, Swedish).
TOPICS = {
    "aerospace-defence": (
        ["satellite components", "drone testing", "composite airframes", "secure communications"],
        ["satellitkomponenter", "drönartester", "kompositmaterial för flyg", "säker kommunikation"],
    ),
    "agri-food": (
        ["food processing", "precision agriculture", "plant-based protein", "food packaging"],
        ["livsmedelsförädling", "precisionsjordbruk", "växtbaserat protein", "förpackningar för livsmedel"],
    ),
    "construction": (
        ["timber construction", "energy-efficient buildings", "circular building materials", "digital twins"],
        ["träbyggande", "energieffektiva byggnader", "cirkulära byggmaterial", "digitala tvillingar"],
    ),
    "cultural-creative": (
        ["games development", "design services", "film production", "music technology"],
        ["spelutveckling", "design", "filmproduktion", "musikteknik"],
    ),
    "digital": (
        ["artificial intelligence", "data platforms", "cybersecurity", "cloud software"],
        ["artificiell intelligens", "dataplattformar", "cybersäkerhet", "molntjänster"],
    ),
    "electronics": (
        ["power electronics", "sensor systems", "printed electronics", "semiconductor testing"],
        ["kraftelektronik", "sensorsystem", "tryckt elektronik", "halvledartester"],
    ),
    "energy-intensive": (
        ["fossil-free steel", "carbon capture", "green chemistry", "industrial heat recovery"],
        ["fossilfritt stål", "koldioxidinfångning", "grön kemi", "återvinning av industrivärme"],
    ),
    "renewable-energy": (
        ["offshore wind", "solar power", "hydrogen electrolysers", "battery storage"],
        ["havsbaserad vindkraft", "solenergi", "vätgas", "batterilager"],
    ),
    "health": (
        ["medical devices", "clinical trials", "digital health", "diagnostics"],
        ["medicinteknik", "kliniska prövningar", "digital hälsa", "diagnostik"],
    ),
    "mobility-transport-automotive": (
        ["electric vehicles", "battery cells", "logistics automation", "autonomous driving"],
        ["elfordon", "battericeller", "automatiserad logistik", "självkörande fordon"],
    ),
    "proximity-social-economy": (
        ["social enterprises", "local services", "work integration", "civil society partnerships"],
        ["sociala företag", "lokal service", "arbetsintegrering", "samverkan med civilsamhället"],
    ),
    "retail": (
        ["e-commerce", "retail logistics", "customer data", "store concepts"],
        ["e-handel", "handelslogistik", "kunddata", "butikskoncept"],
    ),
    "textiles": (
        ["circular textile recycling", "fibre sorting", "technical textiles", "sustainable fashion"],
        ["cirkulär textilåtervinning", "fibersortering", "tekniska textilier", "hållbart mode"],
    ),
    "tourism": (
        ["sustainable tourism", "nature experiences", "hospitality skills", "destination development"],
        ["hållbar turism", "naturupplevelser", "kompetens för besöksnäringen", "destinationsutveckling"],
    ),
}
COMMON = (
    ["innovation", "collaboration", "SMEs", "internationalisation", "skills", "research"],
    ["innovation", "samverkan", "småföretag", "internationalisering", "kompetens", "forskning"],
)


def _topics(codes, swedish: bool) -> list[str]:
    side = 1 if swedish else 0
    return [phrase for code in codes for phrase in TOPICS.get(code, ([], []))[side]]


def fill_cluster_texts() -> int:
    """Strengths and strategy for generated clusters that have none (deterministic); returns how many were filled."""
    from django.db import transaction

    from klusterplattform.registry.models import ClusterOrganisation

    rng = random.Random(SEED)
    through = ClusterOrganisation.ecosystems.through
    codes: dict[int, list[str]] = {}
    for cluster_id, code in through.objects.values_list("clusterorganisation_id", "ecosystem__code").order_by("pk"):
        codes.setdefault(cluster_id, []).append(code)
    empty = list(
        ClusterOrganisation.objects.filter(slug__startswith="bench-", strengths="")
        .order_by("slug")
        .only("pk", "country")
    )
    for cluster in empty:
        swedish = cluster.country == "SE"
        topics = _topics(codes.get(cluster.pk, []), swedish) or _topics(["digital"], swedish)
        chosen = rng.sample(topics, min(len(topics), rng.randint(2, 4)))
        common = rng.sample(COMMON[1 if swedish else 0], 2)
        cluster.strengths = ". ".join(phrase[0].upper() + phrase[1:] for phrase in chosen) + "."
        cluster.strategy = " ".join([*common, *rng.sample(chosen, 1)]).capitalize() + "."
    with transaction.atomic():
        ClusterOrganisation.objects.bulk_update(empty, ["strengths", "strategy"], batch_size=2000)
    return len(empty)


def bench_posts_and_officer():
    """The bench's partner-search posts and officer (made once, same every run)."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.db import transaction

    from klusterplattform.matchmaking.models import PartnerSearch
    from klusterplattform.registry.grants import grant_role
    from klusterplattform.registry.models import ClusterOrganisation, Ecosystem

    User = get_user_model()
    officer = User.objects.filter(email=OFFICER).first()
    if officer is None:
        officer = User.objects.create_user(email=OFFICER, password=None)
        grant_role(officer, "officer")
    posts = list(PartnerSearch.objects.filter(title__startswith="Bench match post").order_by("pk"))
    if posts:
        return posts, officer
    rng = random.Random(SEED + 1)
    ecosystems = list(Ecosystem.objects.order_by("code"))
    clusters = list(ClusterOrganisation.objects.filter(slug__startswith="bench-", is_published=True).order_by("slug"))
    countries = sorted({c.country for c in clusters})
    with transaction.atomic():
        for number, cluster in enumerate(rng.sample(clusters, POSTS)):
            sought = rng.sample(ecosystems, rng.randint(1, 2))
            swedish = cluster.country == "SE"
            words = rng.sample(_topics([e.code for e in sought], swedish), 2)
            post = PartnerSearch.objects.create(
                cluster=cluster,
                title=f"Bench match post {number}: {words[0]}",
                offer="Test beds and member companies.",
                seek=" and ".join(words).capitalize() + ".",
                partner_types=rng.sample(["sme", "research", "large_company", "public_body"], rng.randint(1, 2)),
                countries_sought=[rng.choice(countries)] if number % 3 == 0 else [],
                purpose="project",
                expires_on=datetime.date.today() + datetime.timedelta(days=365),
            )
            post.ecosystems.set(sought)
            posts.append(post)
    return posts, officer


def free_texts(count: int) -> list[str]:
    rng = random.Random(SEED + 2)
    words = sorted({w for english, swedish in TOPICS.values() for p in english + swedish for w in p.split()})
    words += COMMON[0] + COMMON[1]
    return [" ".join(rng.sample(words, rng.randint(3, 8))) for _ in range(count)]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(calls) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU milliseconds per call (CPU time shows what the code costs when other
    processes compete for the cores; PostgreSQL's own work is in the wall clock only)."""
    wall, cpu = [], []
    for call in calls:
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def line(name, times, extra=""):
    wall, cpu = times
    p50, p95 = statistics.median(wall), percentile(wall, 0.95)
    verdict = "meets" if p95 < GOAL_MS else "MISSES"
    return (
        f"{name:<48} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  {verdict:<6}  "
        f"CPU p50 {statistics.median(cpu):5.1f} p95 {percentile(cpu, 0.95):5.1f} ms  {extra}"
    )


def run(kind: str, queries: int, profile: bool) -> None:
    setup_django(kind)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from klusterplattform.matchmaking.choices import DocumentKind
    from klusterplattform.matchmaking.matching import indexing, service
    from klusterplattform.matchmaking.matching import need as needs
    from klusterplattform.matchmaking.models import MatchTerm
    from klusterplattform.registry.models import ClusterOrganisation, Organisation

    if not ClusterOrganisation.objects.filter(slug__startswith="bench-").exists():
        sys.exit("no benchmark data: run bench/generate.py first")
    filled = fill_cluster_texts()
    posts, officer = bench_posts_and_officer()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"== {kind}: {ClusterOrganisation.objects.count()} clusters, {Organisation.objects.count()} organisations; "
        f"texts filled now: {filled}; load {load}"
    )
    for each in DocumentKind.values:
        started, started_cpu = time.perf_counter(), time.process_time()
        count = indexing.rebuild(each)
        seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        postings = MatchTerm.objects.filter(kind=each).count()
        verdict = "meets" if seconds < BUILD_GOAL_S else "MISSES"
        print(
            f"index build {each:<13} {count:>7} documents {postings:>8} postings  {seconds:6.1f} s (CPU {cpu:.1f} s)  {verdict}"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    rng = random.Random(SEED + 3)
    clusters = list(ClusterOrganisation.objects.filter(slug__startswith="bench-", is_published=True).order_by("slug"))
    seekers = rng.sample(clusters, queries)
    texts = free_texts(queries)
    cases = {
        "cluster profile": [lambda c=c: needs.for_cluster(c) for c in seekers],
        "partner-search post": [lambda p=p: needs.for_post(p) for p in (posts * (queries // len(posts) + 1))[:queries]],
        "free text (3-8 words)": [lambda t=t: needs.for_text(t) for t in texts],
    }
    with translation.override("en"):
        for tab in DocumentKind.values:
            for name, makers in cases.items():

                def query(make, tab=tab):
                    return service.find(officer, make(), tab)

                for make in makers[:10]:
                    query(make)
                with CaptureQueriesContext(connection) as captured:
                    page = query(makers[0])
                extra = f"{len(captured)} queries, {page.total} ranked"
                print(line(f"top 20 {tab}s for a {name}", timed([lambda m=m: query(m) for m in makers]), extra))
        print(f"load at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for make in cases["free text (3-8 words)"][:50]:
                service.find(officer, make(), DocumentKind.ORGANISATION)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    if args.db == "both":
        for kind in ["sqlite", "postgres"]:
            command = [sys.executable, __file__, "--db", kind, "--queries", str(args.queries)]
            subprocess.run(command + (["--profile"] if args.profile else []), check=True)
        return
    run(args.db, args.queries, args.profile)


if __name__ == "__main__":
    main()
