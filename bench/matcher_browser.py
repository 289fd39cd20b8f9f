"""The browser matcher's speed: 60 KB of realistic text per locale, in Chromium.

The text is the locale's evaluation corpus (clinical and everyday texts,
gold markup stripped) repeated to 60,000 UTF-8 bytes. Printed per locale:
the matcher's median ms per annotate in Chromium (after a warm-up run, so
folding and stemming caches are as they are on a page that scans more than
once; the first, cold run is printed too), the time to create the matcher
from its data, and the Python engine's median ms on the same text in the same
run, with the ratio. Goal (issue 12): <= 50 ms per 60 KB. Not a test: the
machine is shared and noisy, so nothing is asserted.

Usage: python bench/matcher_browser.py [--runs N] [--locale es ...]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary_service import create_app
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, HostSite
from tests.support.live_server import serve
from tests.support.matcher_cases import corpus_locales, corpus_texts

SIZE = 60_000

_RUN = """
async ([url, text, runs]) => {
  const data = await (await fetch(url)).json();
  let t = performance.now();
  const m = GlossaryMatcher.create(data);
  const create = performance.now() - t;
  t = performance.now();
  const spans = m.annotate(text).length;
  const cold = performance.now() - t;
  const times = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    m.annotate(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {create, cold, median: times[times.length >> 1], spans};
}
"""


def sixty_kb(code: str) -> str:
    corpus = "\n\n".join(corpus_texts(code).values())
    text = corpus
    while len(text.encode()) < SIZE:
        text += "\n\n" + corpus
    return text.encode()[:SIZE].decode("utf-8", "ignore")


def python_ms(index, text: str, runs: int) -> float:
    index.annotate(text)  # warm the folding and stemming caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        index.annotate(text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--locale", action="append")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    app = create_app()
    glossary = app.extensions["glossary"].glossary
    codes = args.locale or corpus_locales()
    with contextlib.ExitStack() as stack:
        origin = stack.enter_context(serve(app))
        # A host page on another origin, as a portal embedding the widget.
        host = HostSite(glossary=origin)
        script = f'<script src="{origin}/widget/matcher.js"></script>'
        host.pages["/"] = (f"<!doctype html><meta charset=utf-8>{script}", host.strict_csp())
        host.origin = stack.enter_context(serve(host))
        p = stack.enter_context(sync_playwright())
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        page = browser.new_page()
        page.goto(host.origin + "/")
        page.wait_for_function("window.GlossaryMatcher !== undefined")
        head = ("locale", "create", "cold", "median", "python", "ratio")
        print("{:8} {:>8} {:>8} {:>8} {:>8} {:>6}  spans".format(*head))
        worst = 0.0
        for code in codes:
            text = sixty_kb(code)
            url = f"{origin}/widget/matcher/{code}.json"
            js = page.evaluate(_RUN, [url, text, args.runs])
            py = python_ms(glossary.view(code).index, text, args.runs)
            worst = max(worst, js["median"])
            print(
                f"{code:8} {js['create']:7.1f}ms {js['cold']:7.1f}ms {js['median']:7.1f}ms "
                f"{py:7.1f}ms {js['median'] / py:5.2f}x  {js['spans']}"
            )
    print(f"slowest median: {worst:.1f} ms per 60 KB (goal <= 50 ms)")


if __name__ == "__main__":
    main()
