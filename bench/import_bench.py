"""Member-import benchmark: our validated upsert against plain bulk_create (the floor) and django-import-export.

Never run in CI. Each run uses its own scratch database and files, never var/ and never a database others use:
  .venv/bin/python bench/import_bench.py [--rows 100000] [--repeat 3] [--xlsx] [--profile]
      SQLite file bench/.data/import_bench.sqlite3 (deleted and created afresh)
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/import_bench.py
      PostgreSQL database kp_bench_import on that server (dropped and created afresh)
Figures and the goal (ours ≥ 50 % of the floor and ≥ 1.5× django-import-export) are in docs/performance.md.
"""

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlparse

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = BENCH_DIR / ".data"
SCRATCH_PG_DATABASE = "kp_bench_import"


def configure_scratch_database() -> None:
    DATA_DIR.mkdir(exist_ok=True)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parsed = urlparse(url)
        with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH_PG_DATABASE} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {SCRATCH_PG_DATABASE}")
        os.environ["DATABASE_URL"] = parsed._replace(path=f"/{SCRATCH_PG_DATABASE}").geturl()
    else:
        database = DATA_DIR / "import_bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite://{database}"
    os.environ["KP_VAR_DIR"] = str(DATA_DIR)
    os.environ.setdefault("KP_ALLOW_DEV_SECRET", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "klusterplattform.settings"
    sys.path[:0] = [str(BENCH_DIR.parent), str(BENCH_DIR)]
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per method; the best is reported")
    parser.add_argument("--xlsx", action="store_true", help="also time our import from the same rows as .xlsx")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of our first import and stop")
    args = parser.parse_args()
    configure_scratch_database()
    from import_runs import run_all  # needs Django set up first

    run_all(args)


if __name__ == "__main__":
    main()
