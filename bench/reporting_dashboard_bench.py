"""Programme dashboard and report benchmark (issue 9): the dashboard for a programme of 20 clusters and for one of all
5,000 clusters, and the programme report as PDF and XLSX, through Django's test Client (middleware, session,
template: the server time of a request).

Never run in CI. Uses the Europe-scale benchmark databases of bench/generate.py (never var/):
    .venv/bin/python bench/generate.py --db both          # once
    .venv/bin/python bench/reporting_dashboard_bench.py --db sqlite|postgres|both [--samples 20] [--profile]

The generator makes 5,000 clusters, 250,000 organisations, their memberships (with joined/left dates) and labels.
This bench adds, once and seeded (SEED), two programmes: "bench-dashboard-20" (20 Swedish clusters) and
"bench-dashboard-all" (every cluster), an officer, and activity records for the programmes so the activity section
has work: 60 activities per programme over three years, confirmed registrations of a third of the programme's
clusters each (the big programme: 30,000 registrations), and feedback. Timed, p50 and p95 over --samples requests
after 2 warm-up requests: the dashboard page of each programme, the programme report PDF and XLSX of each.
Goals: 20 clusters < 300 ms, all 5,000 clusters < 2 s, the programme PDF < 10 s.
"""

import argparse
import cProfile
import datetime
import pstats
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchdb import setup_django  # noqa: E402

SEED = 20_261_129
OFFICER = "bench-dashboard-officer@example.org"
SMALL, ALL = "bench-dashboard-20", "bench-dashboard-all"
GOALS_MS = {SMALL: 300.0, ALL: 2000.0, "pdf": 10_000.0}
ACTIVITIES_PER_PROGRAMME = 60


def ensure_programmes() -> dict:
    """The two programmes (created once; seeded, so every run measures the same data)."""
    from klusterplattform.registry.models import ClusterOrganisation, Programme, ProgrammeParticipation

    made = {}
    for slug, name in ((SMALL, "20 klusters"), (ALL, "alla kluster")):
        programme, created = Programme.objects.get_or_create(
            slug=slug, defaults={"name_sv": f"Dashboard-bench, {name}", "name_en": f"Dashboard bench, {name}"}
        )
        made[slug] = programme
        if not created:
            continue
        rng = random.Random(f"{SEED}-{slug}")
        if slug == SMALL:
            swedish = list(ClusterOrganisation.objects.filter(country="SE").order_by("pk").values_list("pk", flat=True))
            ids = sorted(rng.sample(swedish, 20))
        else:
            ids = list(ClusterOrganisation.objects.order_by("pk").values_list("pk", flat=True))
        ProgrammeParticipation.objects.bulk_create(
            [
                ProgrammeParticipation(
                    programme=programme,
                    cluster_id=pk,
                    selected_on=datetime.date(2021, 1, 1) + datetime.timedelta(rng.randint(0, 400)),
                )
                for pk in ids
            ],
            batch_size=5000,
        )
        add_activities(programme, ids, rng)
    return made


def add_activities(programme, cluster_ids: list[int], rng: random.Random) -> None:
    from klusterplattform.activities.models import Activity, FeedbackResponse, Registration

    today = datetime.date.today()
    activities = []
    for number in range(ACTIVITIES_PER_PROGRAMME):
        starts = datetime.datetime(today.year - 2, 1, 15, 9, tzinfo=datetime.UTC) + datetime.timedelta(
            days=rng.randint(0, 900)
        )
        activities.append(
            Activity(
                programme=programme,
                type="workshop",
                title_sv=f"Bench-aktivitet {number}",
                title_en=f"Bench activity {number}",
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=3),
            )
        )
    Activity.objects.bulk_create(activities)
    registrations, feedback = [], []
    for activity in Activity.objects.filter(programme=programme):
        for cluster_id in rng.sample(cluster_ids, max(1, len(cluster_ids) // 10)):
            registrations.append(
                Registration(
                    activity=activity,
                    cluster_id=cluster_id,
                    name="Bench Deltagare",
                    email=f"p{cluster_id}-{activity.pk}@example.org",
                    status="confirmed",
                    queued_at=activity.starts_at - datetime.timedelta(days=10),
                    attended=rng.random() < 0.8,
                )
            )
        for _answer in range(rng.randint(3, 12)):
            feedback.append(
                FeedbackResponse(
                    activity=activity,
                    answers={"overall": rng.randint(2, 5)},
                    submitted_on=activity.starts_at.date(),
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=5000)
    FeedbackResponse.objects.bulk_create(feedback, batch_size=5000)


def officer_client():
    from django.test import Client

    from klusterplattform.accounts.models import User
    from klusterplattform.registry.grants import grant_role

    user, created = User.objects.get_or_create(email=OFFICER)
    if created:
        grant_role(user, "officer")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(fetch, samples: int, warm: int = 2) -> dict:
    for _warm in range(warm):
        fetch()
    times = []
    for _sample in range(samples):
        started = time.perf_counter()
        fetch()
        times.append((time.perf_counter() - started) * 1000)
    return {"p50": percentile(times, 0.5), "p95": percentile(times, 0.95), "n": samples}


def queries(fetch) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fetch()
    return len(captured)


def getter(client, url: str, content_type: str):
    def fetch():
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith(content_type):
            raise RuntimeError(f"GET {url}: HTTP {response.status_code} {response['Content-Type']}")
        return response

    return fetch


def run(kind: str, samples: int, profile: bool) -> None:
    setup_django(kind)
    from django.urls import reverse

    load_before = Path("/proc/loadavg").read_text().split()[:3]
    started = time.perf_counter()
    programmes = ensure_programmes()
    print(f"\n== {kind}: programmes ready in {time.perf_counter() - started:.1f} s")
    client = officer_client()
    dashboard = reverse("reporting:dashboard")
    for slug, programme in programmes.items():
        count = programme.participations.count()
        page = getter(client, f"{dashboard}?programme={slug}", "text/html")
        result = timed(page, samples)
        goal = GOALS_MS[slug]
        verdict = "ok" if result["p95"] < goal else f"OVER {goal:.0f} ms"
        print(
            f"  dashboard, {count:5} clusters   p50 {result['p50']:8.1f} ms  p95 {result['p95']:8.1f} ms"
            f"  queries {queries(page)}  {verdict}"
        )
        for file_format, content_type in (("pdf", "application/pdf"), ("xlsx", "application/vnd.openxml")):
            url = reverse("reporting:programme_report", args=[file_format]) + f"?programme={slug}"
            report = getter(client, url, content_type)
            result = timed(report, max(3, samples // 5), warm=1)
            verdict = ""
            if file_format == "pdf":
                verdict = "ok" if result["p95"] < GOALS_MS["pdf"] else f"OVER {GOALS_MS['pdf']:.0f} ms"
            print(
                f"  report {file_format}, {count:5} clusters  p50 {result['p50']:8.1f} ms  p95 {result['p95']:8.1f} ms"
                f"  ({len(report().content):,} bytes)  {verdict}"
            )
        if profile:
            profiler = cProfile.Profile()
            profiler.runcall(lambda page=page: [page() for _request in range(3)])
            print(f"\n== cProfile: dashboard of {slug}, 3 requests")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    print(f"  load average before {load_before}, after {Path('/proc/loadavg').read_text().split()[:3]}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    if args.db == "both":
        for kind in ["sqlite", "postgres"]:
            command = [sys.executable, __file__, "--db", kind, "--samples", str(args.samples)]
            subprocess.run(command + (["--profile"] if args.profile else []), check=True)
        return
    run(args.db, args.samples, args.profile)


if __name__ == "__main__":
    main()
