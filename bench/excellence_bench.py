"""Cluster Excellence benchmark: one self-assessment against 5,000 peers, a programme's 20 reports, the PDF report.

Never run in CI. Each run uses its own scratch database, never var/ and never a database others use:
  .venv/bin/python bench/excellence_bench.py [--clusters 5000] [--samples 50] [--profile]
      SQLite file bench/.data/excellence_bench.sqlite3 (deleted and created afresh)
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/excellence_bench.py
      PostgreSQL database kp_bench_excellence on that server (dropped and created afresh)

Data (bench/generate.py generate_excellence, seeded): the clusters, one validated assessment of the default
catalogue's 36 indicators each, and an earlier one for the 20 programme clusters whose reports are timed. Then it
times the rebuild of the peer distributions, one report's data (build_report), the benchmark page end to end
through Django's test Client (middleware, session, template), a programme's 20 reports (build_reports) and the PDF.
Goals (issue 4): one benchmark < 50 ms end to end, 20 reports < 1 s, PDF < 3 s. Figures go to docs/performance.md.
"""

import argparse
import cProfile
import datetime
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / ".data"
SCRATCH_PG_DATABASE = "kp_bench_excellence"
GOALS_MS = {"page": 50.0, "programme": 1000.0, "pdf": 3000.0}
sys.path.insert(0, str(REPO))


def configure_scratch_database() -> str:
    """Point Django at a fresh scratch database, production-like (DEBUG off, a real secret); return its kind."""
    from bench.benchdb import SECRET_KEY

    DATA_DIR.mkdir(exist_ok=True)
    url = os.environ.get("DATABASE_URL", "")
    kind = "postgres" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    if kind == "postgres":
        import psycopg

        parsed = urlparse(url)
        with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH_PG_DATABASE} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {SCRATCH_PG_DATABASE}")
        os.environ["DATABASE_URL"] = parsed._replace(path=f"/{SCRATCH_PG_DATABASE}").geturl()
    else:
        database = DATA_DIR / "excellence_bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    for name in ("KP_ALLOW_DEV_SECRET", "DEBUG"):
        os.environ.pop(name, None)
    os.environ.update(
        KP_VAR_DIR=str(DATA_DIR),
        SECRET_KEY=SECRET_KEY,
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,testserver",
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="klusterplattform.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return kind


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def timed_both(function) -> tuple[float, float]:
    """Wall-clock and this process's CPU time in ms. On a machine shared with other work the CPU time shows what
    the call itself costs (on SQLite all of it; on PostgreSQL the server's share is not in it)."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def sampled(function, samples: int, warm: int = 3) -> dict:
    """Median and 90th percentile (wall clock) and median CPU time in ms of `samples` calls after `warm` others."""
    for _warm in range(warm):
        function()
    pairs = [timed_both(function) for _sample in range(samples)]
    runs = sorted(wall for wall, _cpu in pairs)
    return {
        "median_ms": round(statistics.median(runs), 2),
        "p90_ms": round(runs[max(0, int(len(runs) * 0.9) - 1)], 2),
        "min_ms": round(runs[0], 2),
        "cpu_median_ms": round(statistics.median(cpu for _wall, cpu in pairs), 2),
        "samples": samples,
    }


def queries(function) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def officer_client():
    from django.test import Client

    from klusterplattform.accounts.models import User
    from klusterplattform.registry.grants import grant_role

    user = User.objects.create(email="bench-officer@example.org")
    grant_role(user, "officer")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def get(client, url: str, content_type: str):
    def fetch():
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith(content_type):
            raise RuntimeError(f"GET {url}: HTTP {response.status_code} {response['Content-Type']}")
        return response

    return fetch


def measure(args, kind: str) -> dict:
    from django.urls import NoReverseMatch, reverse

    from bench.generate import generate_excellence
    from klusterplattform.excellence import peers
    from klusterplattform.excellence.benchmark.report import build_report, build_reports
    from klusterplattform.excellence.models import Assessment, PeerDistribution

    result = {"database": kind, "clusters": args.clusters}
    started = time.perf_counter()
    made = generate_excellence(args.clusters, args.seed)
    result["generate_s"] = round(time.perf_counter() - started, 1)
    result |= {"assessments": made["assessments"], "answers": made["answers"]}
    result["rebuild_ms"] = [round(timed(peers.rebuild_all, False)) for _run in range(2)]
    result["distributions"] = PeerDistribution.objects.count()
    programme = list(Assessment.objects.filter(pk__in=made["programme"]).order_by("pk"))
    one = programme[0]
    result["refresh_for_ms"] = sampled(lambda: peers.refresh_for(one), samples=3, warm=1)
    report = build_report(one, "all")
    result["peers"] = report.peer_count
    assert report.shown and report.peer_count >= args.clusters - 1, "the benchmark must run against every peer"
    assert report.previous is not None, "the programme clusters have an earlier assessment to compare with"
    result["report_all"] = sampled(lambda: build_report(one, "all"), args.samples) | {
        "queries": queries(lambda: build_report(one, "all"))
    }
    result["report_by_group"] = {
        option.key: sampled(lambda key=option.key: build_report(one, key), max(5, args.samples // 5))
        | {"peers": option.peer_count}
        for option in report.groups
    }
    result["programme_reports"] = sampled(lambda: build_reports(programme, "all"), max(5, args.samples // 5)) | {
        "reports": len(programme),
        "queries": queries(lambda: build_reports(programme, "all")),
    }
    if args.profile:
        profile("build_reports of the programme, 5 times", lambda: [build_reports(programme) for _run in range(5)])
        profile("rebuild_all", lambda: peers.rebuild_all(False))
    try:
        page_url = reverse("excellence:benchmark", args=[one.pk])
        pdf_url = reverse("excellence:benchmark_pdf", args=[one.pk])
    except NoReverseMatch:
        print("the benchmark pages are not there yet: page and PDF not measured")
        return result
    client = officer_client()
    page, pdf = get(client, page_url, "text/html"), get(client, pdf_url, "application/pdf")
    result["page"] = sampled(page, args.samples) | {"queries": queries(page), "bytes": len(page().content)}
    result["pdf"] = sampled(pdf, args.pdf_samples, warm=1) | {"bytes": len(pdf().content)}
    if args.profile:
        profile("benchmark page, 20 requests", lambda: [page() for _request in range(20)])
        profile("PDF, 3 requests", lambda: [pdf() for _request in range(3)])
    return result


def profile(title: str, function) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(function)
    print(f"\n== cProfile: {title} (top 25 by cumulative time)")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def print_report(result: dict) -> None:
    print(f"\n== {result['database']}: {result['assessments']} assessments, {result['answers']} answers")
    print(f"  generated in {result['generate_s']} s; {result['distributions']} peer distributions")
    print(f"  rebuild_all (two runs)      {result['rebuild_ms']} ms")
    print(f"  refresh_for (one validation) {result['refresh_for_ms']['median_ms']:8.1f} ms")
    rows = [
        ("build_report, group all", result["report_all"], None),
        ("benchmark page (test Client)", result.get("page"), "page"),
        (f"build_reports ×{result['programme_reports']['reports']}", result["programme_reports"], "programme"),
        ("PDF report (test Client)", result.get("pdf"), "pdf"),
    ]
    for name, row, goal in rows:
        if row is None:
            continue
        verdict = ""
        if goal:
            verdict = "ok" if row["median_ms"] < GOALS_MS[goal] else f"OVER {GOALS_MS[goal]:.0f} ms"
        extra = f" queries={row['queries']}" if "queries" in row else ""
        print(
            f"  {name:32} {row['median_ms']:8.1f} ms  p90 {row['p90_ms']:8.1f} ms  cpu {row['cpu_median_ms']:8.1f} ms"
            f"{extra}  {verdict}"
        )
    print(f"  peers in group all: {result['peers']}")
    for key, row in result["report_by_group"].items():
        print(f"  build_report, {key:28} {row['median_ms']:8.1f} ms  ({row['peers']} peers)")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", type=int, default=5_000)
    parser.add_argument("--samples", type=int, default=50, help="runs per timed figure (the median counts)")
    parser.add_argument("--pdf-samples", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20_240_601)
    parser.add_argument("--profile", action="store_true", help="also print cProfile of the page, the PDF, the rebuild")
    args = parser.parse_args(argv)
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    kind = configure_scratch_database()
    from bench.directory_bench import machine

    result = measure(args, kind)
    result["machine"] = {k: v for k, v in machine().items() if k not in {"wrk", "gunicorn"}}
    result["load_average"] = {"before": load_before, "after": Path("/proc/loadavg").read_text().split()[:3]}
    print_report(result)
    out = BENCH_DIR / "results" / f"excellence-{kind}-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"\nload average before {load_before}, after {result['load_average']['after']}; results in {out}")


if __name__ == "__main__":
    main()
