"""Funding fit benchmark: one cluster scored against 5,000 funding calls, and its "calls for you" page.

Never run in CI. Uses the funding benchmark databases of bench/funding_data.py (never var/):
    .venv/bin/python bench/funding_fit_bench.py --db sqlite|postgres|both [--calls 5000] [--samples 30] [--profile]

The calls come from bench/funding_data.py (5,000 seeded BENCH- calls, made when missing). The bench adds one cluster
(slug bench-fit-cluster, made once) with two ecosystems, sectors, a description, 200 members of which 120 are SMEs,
and partners noted in three countries, and its manager. Timed, as medians and 95th percentiles over --samples runs:
  - score_calls(cluster, every call): all 5,000 calls, closed ones included (the issue's goal: < 100 ms);
  - score_calls(cluster): what the page scores (published, not closed, not demo);
  - the "calls for you" page end to end through Django's test Client (middleware, session, template).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.funding_data import DEFAULT_SEED, configure_database, generate_funding_calls  # noqa: E402

SLUG = "bench-fit-cluster"
MANAGER = "bench-fit-manager@example.org"
GOAL_MS = 100.0


def bench_cluster():
    """The benchmark cluster and its manager (made once, same every run)."""
    from klusterplattform.funding.models import FundingCall, FundingInterest, FundingPartner
    from klusterplattform.registry.grants import grant_role
    from klusterplattform.registry.models import (
        ClusterOrganisation,
        Ecosystem,
        Membership,
        Organisation,
        SectoralIndustry,
    )

    cluster = ClusterOrganisation.objects.filter(slug=SLUG).first()
    if cluster is None:
        cluster = ClusterOrganisation.objects.create(
            name="Benchmark Fit Cluster",
            slug=SLUG,
            country="SE",
            description="Circular textiles, recycling of fibres and digital tools for fashion and retail firms.",
            strengths="Sorting technology, eco-design, traceability, skills for the green transition.",
            eccp_profile_url="https://example.org/eccp/bench-fit-cluster",
            is_published=True,
        )
        cluster.ecosystems.set(Ecosystem.objects.filter(code__in=["textiles", "retail"]))
        sectors = SectoralIndustry.objects.filter(code__in=["apparel", "textile-manufacturing"])
        if sectors.exists():
            cluster.sectors.set(sectors)
        sizes = ["micro", "small", "medium", "large", "unknown"]
        organisations = Organisation.objects.bulk_create(
            [
                Organisation(key=f"BENCH-FIT-{n:04d}", name=f"Bench fit member {n}", type="sme", size_class=size)
                for n in range(200)
                for size in [sizes[n % 5] if n % 5 != 3 else sizes[n % 2]]
            ]
        )
        Membership.objects.bulk_create([Membership(cluster=cluster, organisation=o) for o in organisations])
        some_call = FundingCall.objects.filter(identifier__startswith="BENCH-").order_by("pk").first()
        interest = FundingInterest.objects.create(call=some_call, cluster=cluster, intends_to_apply=True)
        for name, country in [("Partner A", "DE"), ("Partner B", "FI"), ("Partner C", "DE")]:
            FundingPartner.objects.create(interest=interest, name=name, country=country)
    user = _manager(cluster, grant_role)
    return cluster, user


def _manager(cluster, grant_role):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    user = User.objects.filter(email=MANAGER).first()
    if user is None:
        user = User.objects.create_user(email=MANAGER, password=None)
        grant_role(user, "cluster_manager", clusters=[cluster.slug])
    return user


def timed(function, samples: int) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU milliseconds per run (CPU time shows what the code costs when other
    processes compete for the cores; the database server's own time is in the wall clock only)."""
    wall, cpu = [], []
    for _ in range(samples):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def summary(name: str, times: tuple[list[float], list[float]], extra: str = "") -> str:
    wall, cpu = times
    ordered = sorted(wall)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return (
        f"{name:<40} median {statistics.median(wall):6.1f} ms   p95 {p95:6.1f} ms   "
        f"CPU median {statistics.median(cpu):6.1f} ms   {extra}"
    )


def run(kind: str, calls: int, samples: int, profile: bool) -> None:
    configure_database(kind)
    made = generate_funding_calls(calls, DEFAULT_SEED)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from klusterplattform.funding.fit import ClusterProfile, score_calls
    from klusterplattform.funding.models import FundingCall

    cluster, user = bench_cluster()
    everything = FundingCall.objects.all()
    total = everything.count()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"== {kind}: {total} funding calls ({'made now' if made['created'] else 'already there'}); load {load}")
    with translation.override("en"):
        fits = score_calls(cluster, everything)
        eligible = sum(f.eligible for f in fits)
        shown = score_calls(cluster)
        with CaptureQueriesContext(connection) as queries:
            score_calls(cluster, everything, profile=ClusterProfile(cluster))
        print(f"scored {len(fits)} calls ({eligible} eligible); the page's candidates: {len(shown)}")
        all_times = timed(lambda: score_calls(cluster, everything), samples)
        print(summary("score_calls(cluster, all calls)", all_times, f"{len(queries)} queries"))
        print(summary("score_calls(cluster) (page candidates)", timed(lambda: score_calls(cluster), samples)))
        text_times = timed(lambda: [r.text for f in score_calls(cluster, everything) for r in f.reasons], samples)
        print(summary("… and every reason put into words", text_times))
    client = Client()
    client.force_login(user)
    url = f"/en/finansiering/kluster/{SLUG}/"
    assert client.get(url).status_code == 200
    print(summary("'calls for you' page (test Client)", timed(lambda: client.get(url), samples)))
    verdict = "meets" if statistics.median(all_times[0]) < GOAL_MS else "MISSES"
    print(f"goal: one cluster against {total} calls < {GOAL_MS:.0f} ms – {verdict} it")
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(5):
            score_calls(cluster, everything)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--calls", type=int, default=5_000)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    if args.db == "both":
        for kind in ["sqlite", "postgres"]:
            command = [
                sys.executable,
                __file__,
                "--db",
                kind,
                "--calls",
                str(args.calls),
                "--samples",
                str(args.samples),
            ]
            subprocess.run(command + (["--profile"] if args.profile else []), check=True)
        return
    run(args.db, args.calls, args.samples, args.profile)


if __name__ == "__main__":
    main()
