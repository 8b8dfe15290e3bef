"""In-process server time of directory queries: the median of N requests through Django's full stack (test Client,
middleware included), timed with time.perf_counter. Prints JSON; directory_bench.py runs it once per database.

    .venv/bin/python bench/server_timing.py --db sqlite|postgres [--samples 50]
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchdb import setup_django  # noqa: E402

# The benchmarked query: filtered by country and ecosystem, second page of twenty (so the count is needed too).
BENCH_QUERY = "country=DE&ecosystem=digital&page=2&page_size=20"
API_QUERIES = {
    "api: country + ecosystem, page 2": f"/api/v1/clusters?{BENCH_QUERY}",
    "api: text search + demo excluded": "/api/v1/clusters?q=vik&demo=exclude&page=2",
    "api: NUTS 2 region (matches län)": "/api/v1/clusters?region=SE22",
    "api: current gold label": "/api/v1/clusters?label=gold",
    "api: programme, page 3": "/api/v1/clusters?programme=bench-programme&page=3",
    "api: no filter, page 100": "/api/v1/clusters?page=100",
    "api: sector + sort by founded": "/api/v1/clusters?sector=forestry&sort=-founded&page=2",
    "raw SQL: country + ecosystem, page 2": f"/bench/raw/clusters?{BENCH_QUERY}",
    "raw SQL, our plan: same query": f"/bench/raw-tuned/clusters?{BENCH_QUERY}",
    "DRF: country + ecosystem, page 2": f"/bench/drf/clusters?{BENCH_QUERY}",
    "html: directory page, same query": f"/kluster/?{BENCH_QUERY}",
}
OFFICER_QUERIES = {
    "api (officer): organisations, text search": "/api/v1/organisations?q=vik&page=2",
    "api (officer): organisations of one cluster": "/api/v1/organisations?cluster=bench-00042",
}


def median_ms(client, url: str, samples: int) -> dict:
    first = client.get(url)
    if first.status_code != 200:
        return {"url": url, "status": first.status_code}
    for _warm in range(3):
        client.get(url)
    timings = []
    for _sample in range(samples):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    body = first.json() if first["Content-Type"].startswith("application/json") else {}
    return {
        "url": url,
        "status": 200,
        "median_ms": round(statistics.median(timings), 2),
        "p90_ms": round(timings[int(len(timings) * 0.9) - 1], 2),
        "count": body.get("count"),
    }


def officer_client():
    from django.test import Client

    from klusterplattform.accounts.models import User
    from klusterplattform.registry.models import RoleGrant

    user, _created = User.objects.get_or_create(email="bench-officer@example.org")
    RoleGrant.objects.get_or_create(user=user, role="officer")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--samples", type=int, default=50)
    args = parser.parse_args(argv)
    setup_django(args.db)
    from django.test import Client

    anonymous = Client(HTTP_HOST="127.0.0.1")
    results = {name: median_ms(anonymous, url, args.samples) for name, url in API_QUERIES.items()}
    officer = officer_client()
    results |= {name: median_ms(officer, url, args.samples) for name, url in OFFICER_QUERIES.items()}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
