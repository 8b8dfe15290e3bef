"""The benchmark databases: a SQLite file under bench/.data/ or the PostgreSQL database kp_bench, never var/.

Everything in bench/ that touches a database goes through here, so a benchmark cannot write into a real instance.
"""

import os
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
SQLITE_PATH = BENCH_DIR / ".data" / "directory.sqlite3"
PG_NAME = "kp_bench"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
SETTINGS = "bench.benchsite.settings"
SECRET_KEY = "bench-only-secret-key-not-for-production-0123456789"  # a throwaway key for a throwaway database


def database_url(kind: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{SQLITE_PATH}"
    if kind == "postgres":
        return f"{PG_SERVER}/{PG_NAME}"
    raise ValueError(f"unknown database kind {kind!r} (sqlite or postgres)")


def ensure_database(kind: str) -> None:
    """Create the empty benchmark database if it does not exist yet."""
    if kind == "sqlite":
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        return
    exists = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{PG_NAME}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if exists != "1":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", PG_NAME], check=True)


def server_environment(kind: str) -> dict[str, str]:
    """Environment for a process serving the benchmark database: production-like (DEBUG off, a real secret)."""
    env = {k: v for k, v in os.environ.items() if k not in {"KP_ALLOW_DEV_SECRET", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        DATABASE_URL=database_url(kind),
        SECRET_KEY=SECRET_KEY,
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,testserver",
        PYTHONPATH=str(REPO),
        LOG_LEVEL="ERROR",
    )
    return env


def setup_django(kind: str) -> None:
    """Point this process at the benchmark database and set Django up."""
    ensure_database(kind)
    os.environ.update(server_environment(kind))
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import django

    django.setup()
