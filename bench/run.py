"""Engine and API speed, as ratios to a hello-world route of the same app.

Flask test client, many iterations, medians of repeated batches; the baseline
is measured in the same run because the machine is noisy. Goals (issue 2):
lookup <= 1.3x, search (3 letters) <= 1.5x, annotate of 10 KB English < 20x.

Usage: python bench/run.py [--iterations N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from glossary_service import create_app

PARAGRAPH = (
    "At today's visit we reviewed your scans. The cancer is stage IV, which means there is "
    "metastasis to the liver and some bone metastases. Your PD-L1 level was high, so we "
    "talked about immunotherapy with a checkpoint inhibitor, and about chemotherapy if that "
    "does not work. Your performance status (PS) is 1. Palliative care can help with pain "
    "and fatigue at any stage. We also discussed a clinical trial and a second opinion. "
)


def ten_kb_text() -> str:
    text = ""
    while len(text.encode()) < 10 * 1024:
        text += PARAGRAPH
    return text[: 10 * 1024]


def median_us(fn, iterations: int, batches: int = 7) -> float:
    """Median over batches of the mean time per call, in microseconds."""
    fn()  # warm caches and lazy indexes
    per_call = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(iterations):
            fn()
        per_call.append((time.perf_counter() - start) / iterations * 1e6)
    return statistics.median(per_call)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iterations", type=int, default=2000)
    args = parser.parse_args()

    app = create_app()

    # The baseline lives under /api/v1 so it pays the same per-request hooks
    # (negotiation, CORS, ETag) as the routes it is compared with.
    app.add_url_rule("/api/v1/bench-hello", "bench_hello", lambda: "hello")

    client = app.test_client()
    text = ten_kb_text()

    def get(url):
        def call():
            r = client.get(url)
            assert r.status_code == 200, r.status_code

        return call

    def annotate():
        r = client.post("/api/v1/annotate", json={"text": text})
        assert r.status_code == 200

    n = args.iterations
    cases = [
        ("lookup (alias 'NED')", get("/api/v1/lookup?q=NED"), n, 1.3),
        ("lookup es ('metástasis')", get("/api/v1/lookup?q=met%C3%A1stasis&lang=es"), n, 1.3),
        ("search 3 letters ('met')", get("/api/v1/search?q=met"), n, 1.5),
        ("search es 3 letters ('qui')", get("/api/v1/search?q=qui&lang=es"), n, 1.5),
        ("annotate 10 KB English", annotate, max(n // 20, 20), 20),
    ]
    baseline = median_us(get("/api/v1/bench-hello"), n)
    print(f"hello-world baseline: {baseline:8.1f} us/request (median of 7 x {n})")
    print(f"{'case':32} {'us/req':>9} {'ratio':>7} {'goal':>6}")
    failed = False
    for name, fn, iterations, goal in cases:
        us = median_us(fn, iterations)
        ratio = us / baseline
        mark = "ok" if ratio <= goal else "MISS"
        failed |= ratio > goal
        print(f"{name:32} {us:9.1f} {ratio:6.2f}x {goal:5}x {mark}")
    print(f"annotated {len(text.encode())} bytes per request")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
