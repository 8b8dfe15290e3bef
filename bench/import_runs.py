"""The measurements of bench/import_bench.py (imported after Django is set up on the scratch database)."""

import cProfile
import gc
import os
import platform
import pstats
from pathlib import Path
from time import perf_counter

from django.db import connection
from import_data import COUNTIES, write_csv, write_xlsx
from import_peers import floor_upsert, import_export_upsert

from klusterplattform.registry.importing import import_organisations
from klusterplattform.registry.importing.columns import resolve_header
from klusterplattform.registry.importing.lookups import Lookups
from klusterplattform.registry.importing.readers import read_table
from klusterplattform.registry.importing.rows import RowValidator
from klusterplattform.registry.importing.writer import prepare
from klusterplattform.registry.models import Organisation, Region

DATA_DIR = Path(__file__).resolve().parent / ".data"
COMPARED = ["key", "name", "organisation_number", "type", "size_class", "nace_code", "postcode"]
COMPARED += ["municipality_code", "region__code", "country", "website", "search_text", "sort_name"]


def run_all(args) -> None:
    for code in COUNTIES:
        Region.objects.get_or_create(code=code, defaults={"level": "county", "country": "SE", "name_sv": code})
    csv_path = DATA_DIR / f"import_bench_{args.rows}.csv"
    if not csv_path.exists():
        write_csv(csv_path, args.rows)
    data = csv_path.read_bytes()
    if args.profile:
        return profile_ours(csv_path)
    runs = {name: [] for name in ("ours", "ours again", "floor", "floor again", "import-export", "ie again")}
    stored = {}
    for repetition in range(args.repeat):
        empty_table()
        runs["floor"].append(timed(floor_upsert, built_organisations(data)))
        stored["floor"] = snapshot()
        runs["floor again"].append(timed(floor_upsert, built_organisations(data)))
        empty_table()
        runs["ours"].append(timed(ours, csv_path))
        stored["ours"] = snapshot()
        runs["ours again"].append(timed(ours, csv_path))
        empty_table()
        runs["import-export"].append(timed(import_export_upsert, data.decode("utf-8")))
        stored["import-export"] = snapshot()
        if repetition == 0:  # bulk_update of every row takes minutes; once is enough to know its rate
            runs["ie again"].append(timed(import_export_upsert, data.decode("utf-8")))
    xlsx_seconds = time_xlsx(args.rows) if args.xlsx else None
    report(args.rows, runs, stored, xlsx_seconds)


def ours(path: Path) -> None:
    result = import_organisations(path.read_bytes(), path.name)
    if not result.ok or result.created + result.updated != result.rows:
        raise RuntimeError(f"our import failed: {result.errors[:3]}")


def built_organisations(data: bytes) -> list[Organisation]:
    """The same rows as Organisation objects, built before the clock starts: the floor only writes."""
    table = read_table(data, "bench.csv")
    validator = RowValidator(resolve_header(table.header, table.header_row), Lookups())
    rows = validator.validate_all(table.rows)
    prepare(rows, {})
    return [row.organisation for row in rows]


def empty_table() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {Organisation._meta.db_table} RESTART IDENTITY CASCADE")
        else:
            cursor.execute("DELETE FROM registry_membership")
            cursor.execute(f"DELETE FROM {Organisation._meta.db_table}")


def snapshot() -> list[tuple]:
    """Every 97th stored row (ids and timestamps left out), to show the three methods store the same thing."""
    return list(Organisation.objects.order_by("key").values_list(*COMPARED))[::97]


def timed(function, *args) -> float:
    gc.collect()
    started = perf_counter()
    function(*args)
    return perf_counter() - started


def time_xlsx(rows: int) -> float:
    path = DATA_DIR / f"import_bench_{rows}.xlsx"
    if not path.exists():
        write_xlsx(path, rows)
    empty_table()
    return timed(ours, path)


def profile_ours(path: Path) -> None:
    empty_table()
    profiler = cProfile.Profile()
    profiler.runcall(ours, path)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def machine_description() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    models = [
        line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            cursor.execute("select sqlite_version()")
            database = f"SQLite {cursor.fetchone()[0]}"
    cpu = models[0] if models else platform.processor()
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {database}"


def report(rows: int, runs: dict, stored: dict, xlsx_seconds: float | None) -> None:
    # Best of the runs: on a shared machine other work only ever adds time (as timeit reports its minimum).
    rate = {name: rows / min(seconds) for name, seconds in runs.items()}
    print(f"\nMember import, {rows:,} rows, best of {len(runs['ours'])} runs — {machine_description()}")
    print(f"{'method':<42}{'first import':>16}{'re-import':>16}")
    lines = [
        ("ours: parse + validate + upsert from CSV", "ours", "ours again"),
        ("floor: bulk_create(update_conflicts=True)", "floor", "floor again"),
        ("django-import-export (bulk, cached loader)", "import-export", "ie again"),
    ]
    for label, first, again in lines:
        print(f"{label:<42}{rate[first]:>12,.0f} r/s{rate[again]:>12,.0f} r/s")
    for label, first, again, goal, peer in [
        ("ours / floor", "floor", "floor again", 0.5, "≥ 0.50"),
        ("ours / import-export", "import-export", "ie again", 1.5, "≥ 1.50"),
    ]:
        ratios = (rate["ours"] / rate[first], rate["ours again"] / rate[again])
        verdict = "met" if min(ratios) >= goal else "NOT MET"
        print(f"{label:<42}{ratios[0]:>16.2f}{ratios[1]:>16.2f}   goal {peer}: {verdict}")
    for name, seconds in runs.items():
        print(f"  runs of {name}: " + ", ".join(f"{rows / run:,.0f}" for run in seconds) + " rows/s")
    same = stored["ours"] == stored["floor"] == stored["import-export"]
    print(f"stored rows identical across methods (every 97th compared): {'yes' if same else 'NO'}")
    if xlsx_seconds is not None:
        print(f"ours from the same rows as .xlsx (information, exempt from the goal): {rows / xlsx_seconds:,.0f} r/s")
