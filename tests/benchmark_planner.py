"""Benchmark: how long the stretching planner takes to build a plan, over many random valid requests.

Run with ``python -m tests.benchmark_planner [count]`` (default 2,000 requests). The requests come
from a seeded random generator, so every run times the same requests. It prints the median, 95th
percentile and slowest time, and how many requests were refused (a ``PlanError`` for choices the
catalogue cannot fill still counts: the learner waits for it too). Target: median under 20 ms.
It prints numbers and never fails on them.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from lessons.topics.planner.catalogue import LEVELS, POSITIONS, PROBLEMS, load_catalogue
from lessons.topics.planner.plan import WEEKDAYS, PlanError, PlanRequest, make_plan

TARGET_MS = 20.0


def random_request(rng: random.Random, ids: list[str]) -> PlanRequest:
    sessions = rng.randint(1, 7)
    positions = frozenset(p for p in POSITIONS if rng.random() < 0.8) or frozenset({rng.choice(POSITIONS)})
    days = tuple(rng.sample(WEEKDAYS, sessions)) if rng.random() < 0.3 else None
    return PlanRequest(problem=rng.choice(PROBLEMS), minutes=rng.randint(5, 60), sessions_per_week=sessions,
                       level=rng.choice(LEVELS), positions=positions,
                       leave_out=frozenset(rng.sample(ids, rng.randint(0, 3))), weeks=rng.randint(1, 12), days=days)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    count = int(args[0]) if args else 2000
    catalogue = load_catalogue()
    ids = sorted(item.id for item in catalogue)
    rng = random.Random(20260105)
    requests = [random_request(rng, ids) for _ in range(count)]
    make_plan(PlanRequest(), catalogue)              # warm up imports and caches
    times, refused = [], 0
    for request in requests:
        start = time.perf_counter()
        try:
            make_plan(request, catalogue)
        except PlanError:
            refused += 1
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    median = statistics.median(times)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    verdict = "ok" if median < TARGET_MS else "OVER TARGET"
    print(f"stretching planner: {count} random valid requests ({refused} refused with a message)")
    print(f"median {median:.2f} ms, p95 {p95:.2f} ms, slowest {times[-1]:.2f} ms "
          f"(target: median < {TARGET_MS:.0f} ms) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
