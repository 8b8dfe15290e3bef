"""Scheduling a matchmaking event: 120 participants, 400 accepted meetings, 12 slots (issue 8's goal: under 5 s).

    .venv/bin/python bench/matchmaking_schedule_bench.py [--runs 20] [--availability 0.3]

Random instances (seeded); a share of the participants is available in only part of the slots. Prints the median and
worst time, the meetings placed and the upper bound (each person meets at most once per slot).
"""

import argparse
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from klusterplattform.matchmaking.scheduling import Meeting, schedule  # noqa: E402


def instance(seed, people=120, meetings=400, slots=12, availability=0.3):
    rng = random.Random(seed)
    pairs = rng.sample(list(itertools.combinations(range(people), 2)), meetings)
    available = {
        p: set(rng.sample(range(slots), rng.randint(6, slots))) for p in range(people) if rng.random() < availability
    }
    return [Meeting(i, a, b) for i, (a, b) in enumerate(pairs)], list(range(slots)), available


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--availability", type=float, default=0.3)
    args = parser.parse_args()
    times, placed, bounds = [], [], []
    for seed in range(args.runs):
        meetings, slots, available = instance(seed, availability=args.availability)
        started = time.perf_counter()
        result = schedule(meetings, slots, available)
        times.append(time.perf_counter() - started)
        placed.append(result.placed)
        degree = {}
        for m in meetings:
            degree[m.a] = degree.get(m.a, 0) + 1
            degree[m.b] = degree.get(m.b, 0) + 1
        bounds.append(len(meetings) - sum(max(0, d - len(slots)) for d in degree.values()))
    print(
        f"{args.runs} events of 120 participants, 400 meetings, 12 slots ({args.availability:.0%} with limited slots)"
    )
    print(f"time: median {statistics.median(times) * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms (goal < 5 s)")
    print(
        f"placed: median {statistics.median(placed)}, lowest {min(placed)}; upper bound median {statistics.median(bounds)}"
    )


if __name__ == "__main__":
    main()
