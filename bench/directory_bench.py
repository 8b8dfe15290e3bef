"""The directory benchmark at Europe scale: our /api/v1/clusters against a raw-SQL floor and a DRF ListAPIView.

    .venv/bin/python bench/directory_bench.py [--db sqlite|postgres|both] [--seconds 10] [--rounds 3] [--samples 50]

For each database: generate the data if needed (bench/generate.py), measure in-process server time of several
filtered, paged queries (bench/server_timing.py), then start gunicorn (2 sync workers, DEBUG off) on 127.0.0.1 and run
wrk -t2 -c8 against the three endpoints with the same query, interleaved over several rounds (the median counts).
Prints a table and writes JSON to bench/results/. Goals: ours ≥ 60 % of raw and ≥ 1.6× DRF; < 50 ms server time.
"""

import argparse
import datetime
import json
import platform
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import serve  # noqa: E402
from bench.benchdb import BENCH_DIR, REPO  # noqa: E402
from bench.server_timing import BENCH_QUERY  # noqa: E402

ENDPOINTS = {
    "ours (ninja)": "/api/v1/clusters",
    "raw SQL": "/bench/raw/clusters",
    "raw SQL, our plan": "/bench/raw-tuned/clusters",
    "DRF ListAPIView": "/bench/drf/clusters",
}
GOAL_VS_RAW, GOAL_VS_DRF, GOAL_SERVER_MS = 0.60, 1.6, 50.0


def python_script(name: str, *args: str) -> str:
    return subprocess.run(
        [sys.executable, str(BENCH_DIR / name), *args], check=True, capture_output=True, text=True, cwd=REPO
    ).stdout


def same_json_everywhere(base: str) -> None:
    """The comparison is only fair if all three endpoints answer the benchmarked query with the same JSON."""
    bodies = {name: serve.fetch_json(f"{base}{path}?{BENCH_QUERY}") for name, path in ENDPOINTS.items()}
    reference = bodies["ours (ninja)"]
    assert reference["results"], "the benchmarked query must hit data"
    for name, body in bodies.items():
        assert body == reference, f"{name} answers differently from ours"


def load_test(kind: str, seconds: int, rounds: int) -> dict:
    runs: dict[str, list[dict]] = {name: [] for name in ENDPOINTS}
    with serve.gunicorn(kind) as base:
        same_json_everywhere(base)
        for path in ENDPOINTS.values():
            serve.wrk(f"{base}{path}?{BENCH_QUERY}", seconds=3)  # warm-up: imports, caches, persistent connections
        for _round in range(rounds):
            for name, path in ENDPOINTS.items():
                runs[name].append(serve.wrk(f"{base}{path}?{BENCH_QUERY}", seconds=seconds))
    medians = {name: statistics.median(run["rps"] for run in results) for name, results in runs.items()}

    def ratios(other: str) -> dict:
        per_round = [
            ours["rps"] / theirs["rps"] for ours, theirs in zip(runs["ours (ninja)"], runs[other], strict=True)
        ]
        return {
            "median": round(medians["ours (ninja)"] / medians[other], 3),
            "rounds": [round(r, 3) for r in per_round],
        }

    return {
        "runs": runs,
        "median_rps": medians,
        "ours_vs_raw": ratios("raw SQL"),
        "ours_vs_raw_same_plan": ratios("raw SQL, our plan"),
        "ours_vs_drf": ratios("DRF ListAPIView"),
    }


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    postgres = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SHOW server_version"], capture_output=True, text=True
    ).stdout.strip()
    import sqlite3

    return {
        "cpu": cpu,
        "cores": len([line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("processor")]),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres,
        "wrk": "wrk -t2 -c8 (bounded: 8 connections)",
        "gunicorn": "2 sync workers, DEBUG off",
    }


def print_report(kind: str, timings: dict, load: dict | None) -> None:
    print(f"\n== {kind}: server time in-process (median of samples)")
    for name, row in timings.items():
        if row["status"] != 200:
            print(f"  {name:45} HTTP {row['status']} (skipped)")
            continue
        verdict = "ok" if row["median_ms"] < GOAL_SERVER_MS else "OVER 50 ms"
        print(f"  {name:45} {row['median_ms']:7.2f} ms  p90 {row['p90_ms']:7.2f} ms  count={row['count']}  {verdict}")
    if load:
        print(f"== {kind}: wrk requests/s (median of rounds), query ?{BENCH_QUERY}")
        for name, rps in load["median_rps"].items():
            print(f"  {name:20} {rps:9.1f}  runs {[run['rps'] for run in load['runs'][name]]}")
        for key, label, goal in (
            ("ours_vs_raw", "ours / raw SQL", f"goal ≥ {GOAL_VS_RAW}"),
            ("ours_vs_drf", "ours / DRF", f"goal ≥ {GOAL_VS_DRF}"),
            ("ours_vs_raw_same_plan", "ours / raw SQL with our plan", "for information"),
        ):
            print(f"  {label:30} {load[key]['median']:.2f} ({goal}), rounds {load[key]['rounds']}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--no-load", action="store_true", help="server timings only, no gunicorn/wrk")
    args = parser.parse_args(argv)
    report = {
        "started": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "query": BENCH_QUERY,
    }
    report["load_before"] = Path("/proc/loadavg").read_text().split()[:3]
    for kind in ["sqlite", "postgres"] if args.db == "both" else [args.db]:
        print(python_script("generate.py", "--db", kind).strip())
        timings = json.loads(python_script("server_timing.py", "--db", kind, "--samples", str(args.samples)))
        load = None if args.no_load else load_test(kind, args.seconds, args.rounds)
        report[kind] = {"server_time": timings, "load": load}
        print_report(kind, timings, load)
    report["load_after"] = Path("/proc/loadavg").read_text().split()[:3]
    out = BENCH_DIR / "results" / f"directory-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(
        f"\nload average before {report['load_before']}, after {report['load_after']}; results in {out.relative_to(REPO)}"
    )


if __name__ == "__main__":
    main()
