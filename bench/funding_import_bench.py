"""Funding-call import benchmark: the real 629-topic EU Funding & Tenders export into a fresh database.

Never run in CI. Each run uses its own scratch database, never var/ and never a database others use:
  .venv/bin/python bench/funding_import_bench.py [--file PATH] [--repeat 3]
      SQLite file bench/.data/funding_import_bench.sqlite3 (deleted and created afresh)
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/funding_import_bench.py
      PostgreSQL database kp_bench_funding_import on that server (dropped and created afresh)
Timed (wall clock, and the CPU time of this process, which the load of other work on the machine does not inflate;
on PostgreSQL the server's CPU is not in it): reading + decompressing + parsing the file and the whole import (mapping, repair, sanitising, upsert,
deadlines, tags, search index) into an empty register; then the same file again (all unchanged, nothing written).
The goal (issue 7) is under 10 s for the first import. Figures go in docs/performance.md.
"""

import argparse
import os
import sys
from pathlib import Path
from time import perf_counter, process_time
from urllib.parse import urlparse

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = BENCH_DIR / ".data"
SCRATCH_PG_DATABASE = "kp_bench_funding_import"
REAL_FILE = BENCH_DIR.parent.parent / "shared" / "data" / "eu-funding-topics" / "open.jsonl.gz"


def configure_scratch_database() -> str:
    DATA_DIR.mkdir(exist_ok=True)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parsed = urlparse(url)
        with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH_PG_DATABASE} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {SCRATCH_PG_DATABASE}")
        os.environ["DATABASE_URL"] = parsed._replace(path=f"/{SCRATCH_PG_DATABASE}").geturl()
        kind = "PostgreSQL"
    else:
        database = DATA_DIR / "funding_import_bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite://{database}"
        kind = "SQLite"
    os.environ["KP_VAR_DIR"] = str(DATA_DIR)
    os.environ.setdefault("KP_ALLOW_DEV_SECRET", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "klusterplattform.settings"
    sys.path[:0] = [str(BENCH_DIR.parent), str(BENCH_DIR)]
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return kind


def timed_import(path: Path):
    from klusterplattform.funding.html import repair_text
    from klusterplattform.funding.importing import import_topics, read_topics

    repair_text.cache_clear()  # each run starts cold, as a scheduled job's fresh process does
    started, cpu = perf_counter(), process_time()
    report = import_topics(read_topics(path.read_bytes()))
    return perf_counter() - started, process_time() - cpu, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path, default=REAL_FILE, help="the topic export (default: the real file)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh imports to time; the best and worst are shown")
    args = parser.parse_args()
    if not args.file.is_file():
        sys.exit(f"no topic file at {args.file}")
    kind = configure_scratch_database()
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    from klusterplattform.funding.models import FundingCall, FundingSearchTerm

    first, again = [], []
    for _run in range(args.repeat):
        FundingCall.objects.all().delete()
        seconds, cpu, report = timed_import(args.file)
        first.append((seconds, cpu))
        assert report.created == report.total - len(report.rejected), report
        seconds, cpu, second = timed_import(args.file)
        again.append((seconds, cpu))
        assert second.created == second.updated == 0, second
    print(
        f"{kind}: {args.file.name}, {report.total} topics ({report.created} created, {len(report.rejected)} rejected)"
    )
    print(f"  {FundingSearchTerm.objects.count():,} search rows; ", end="")
    print(
        f"first import into an empty register: best {min(first)[0]:.2f} s (CPU of this process {min(first)[1]:.2f} s),"
        f" worst {max(first)[0]:.2f} s (goal < 10 s)"
    )
    print(
        f"  the same file again (all {second.unchanged} unchanged, nothing written): best {min(again)[0]:.2f} s"
        f" (CPU {min(again)[1]:.2f} s)"
    )
    print(f"  load average before/after: {load_before} / {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
