"""The engine against the libraries a portal might pick instead, in one run (issue 15).

Same vocabulary, same text, same process, measured side by side (medians of
batches; the machine is noisy, so only ratios measured together mean much):

- annotate: ``Index.annotate`` (every rule on: policies, context, blocking
  phrases, abbreviation patterns, brackets, stems, marks) against
  pyahocorasick and flashtext given the same names (every name the engine may
  link in running text, its generated plurals and the blocking phrases).
  pyahocorasick is asked for what annotate answers at the least: the
  leftmost-longest names of the lower-cased text, whole words only (a word
  character on either side rejects a match; not in Chinese), with offsets. Its
  bare scan (``iter_long`` without the boundary check) is printed too.
  Texts: the locale's evaluation corpus, repeated to 10 KB and 64 KB (UTF-8).
  Goal: engine <= 2x pyahocorasick.
- the whole HTTP request: ``POST /api/v1/annotate`` (text/plain, 60 KB) through
  the Flask test client, against pyahocorasick on the same text. Goal <= 3x.
- lookup: an exact name (goal <= 10 us) and the two-edit typos of
  ``bench/typos.py`` (after the first miss has built the misspelling tables),
  against rapidfuzz's ``process.extractOne`` over the same names (folded keys,
  default scorer). Goal: typo lookup <= 0.5x rapidfuzz, >= 9 in 10 found.
- resident memory (max RSS) of a process that built all 12 locales (each
  locale's index and its misspelling tables: one typo looked up in each),
  against a hello-world Flask + Flask-Babel process that served one request.
  Goals <= 80 MiB and <= 2.5x.
- the Lambda zip (``make package``): goal <= 10 MB.

Usage: .venv/bin/python bench/peers.py [--batches 7] [--no-package]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import ahocorasick
from flashtext import KeywordProcessor
from rapidfuzz import process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.typos import locale_typos  # noqa: E402
from eval.evaluate import CORPUS, parse  # noqa: E402
from glossary_service.content import load_content  # noqa: E402
from glossary_service.engine.affixes import plural  # noqa: E402
from glossary_service.engine.languages import rules_for  # noqa: E402
from glossary_service.engine.policies import LOOKUP  # noqa: E402
from glossary_service.engine.text import phrase_key  # noqa: E402
from glossary_service.glossary import Glossary  # noqa: E402

LOCALES = ("en", "es", "zh-Hans")
SIZES = (10 * 1024, 64 * 1024)
HTTP_SIZE = 60 * 1024
KB = 1024
MB = 1024 * 1024

MEMORY_CHILD = """
import json, sys
sys.path.insert(0, {root!r})
kind = sys.argv[1]
if kind == "hello":
    from flask import Flask
    from flask_babel import Babel, gettext

    app = Flask(__name__)
    Babel(app)

    @app.route("/")
    def hello():
        return gettext("Hello, world!")

    assert app.test_client().get("/").status_code == 200
else:
    from glossary_service import create_app

    app = create_app()
    client = app.test_client()
    typos = json.loads(sys.argv[2])
    for code, typo in typos.items():
        r = client.get("/api/v1/lookup", query_string={{"q": typo, "lang": code}})
        assert r.status_code in (200, 404), r.status_code
        r = client.post("/api/v1/annotate", json={{"text": typo + " metastasis", "lang": code}})
        assert r.status_code == 200, r.status_code
# VmHWM, not ru_maxrss: after fork and exec, ru_maxrss still counts the
# parent's resident size at the fork.
with open("/proc/self/status") as status:
    hwm = next(line for line in status if line.startswith("VmHWM:"))
print(int(hwm.split()[1]) / 1024)
"""


def corpus_text(code: str, size: int) -> str:
    """The locale's corpus texts (gold markup removed), repeated to ``size`` UTF-8 bytes."""
    texts = [parse(p.read_text(encoding="utf-8"))[0] for p in sorted((CORPUS / code).glob("*.txt"))]
    whole = "\n\n".join(texts)
    out = ""
    while len(out.encode()) < size:
        out += whole + "\n\n"
    # Cut to the byte size on a character boundary.
    return out.encode()[:size].decode("utf-8", errors="ignore")


def median_us(fn, batches: int, min_seconds: float = 0.05) -> float:
    """Median over batches of the mean time per call, in microseconds."""
    fn()
    start = time.perf_counter()
    fn()
    once = max(time.perf_counter() - start, 1e-7)
    n = max(1, int(min_seconds / once))
    per_call = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        per_call.append((time.perf_counter() - start) / n * 1e6)
    return statistics.median(per_call)


def linkable_names(view) -> dict[str, str]:
    """Every name the engine may link in running text, its generated plural,
    and the language's blocking phrases: surface -> term id ("" for a blocker)."""
    rules = rules_for(view.info.code)
    names: dict[str, str] = {}
    for t in view.named_terms():
        for surface in (t.term, *t.aliases):
            if t.policies.get(surface) == LOOKUP:
                continue
            names.setdefault(surface, t.id)
            form = plural(rules, surface)
            if form:
                names.setdefault(form, t.id)
    for phrase in rules.blocking:
        names.setdefault(phrase, "")
    return names


class AhoCorasick:
    """What a portal would write with pyahocorasick: lower-cased names in one
    automaton, leftmost-longest matches of the lower-cased text, whole words."""

    def __init__(self, names: dict[str, str], cjk: bool):
        self.automaton = ahocorasick.Automaton()
        for surface, term_id in names.items():
            key = surface.lower()
            self.automaton.add_word(key, (len(key), term_id))
        self.automaton.make_automaton()
        self.cjk = cjk

    def scan(self, text: str) -> list:
        return list(self.automaton.iter_long(text.lower()))

    def annotate(self, text: str) -> list[tuple[int, int, str]]:
        low = text.lower()
        out = []
        n = len(low)
        for end, (size, term_id) in self.automaton.iter_long(low):
            start = end - size + 1
            if not self.cjk and (
                (start > 0 and low[start - 1].isalnum()) or (end + 1 < n and low[end + 1].isalnum())
            ):
                continue
            if term_id:
                out.append((start, end + 1, term_id))
        return out


def flashtext_processor(names: dict[str, str]) -> KeywordProcessor:
    processor = KeywordProcessor(case_sensitive=False)
    for surface, term_id in names.items():
        processor.add_keyword(surface, term_id or "-")
    return processor


def memory(kind: str, typos: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD.format(root=str(ROOT)), kind, json.dumps(typos)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return float(out.strip().splitlines()[-1])


def lookup_all(index, queries: list[str]) -> None:
    for query in queries:
        index.lookup(query)


def verdict(value: float, goal: float) -> str:
    return "met" if value <= goal else f"MISSED ({value / goal:.2f}x the goal)"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--batches", type=int, default=7)
    parser.add_argument("--no-package", action="store_true", help="report build/lambda.zip as is")
    args = parser.parse_args()
    batches = args.batches
    from glossary_service import create_app

    glossary = Glossary(load_content(), ROOT / "translations")

    print("annotate: engine call vs pyahocorasick and flashtext, same names and text")
    print(
        f"  {'text':<16}{'engine':>10}{'aho+words':>11}{'aho bare':>10}{'flashtext':>11}"
        f"{'engine/aho':>12}  goal <= 2"
    )
    worst = 0.0
    for code in LOCALES:
        view = glossary.view(code)
        index = view.index
        names = linkable_names(view)
        aho = AhoCorasick(names, cjk=code.startswith("zh"))
        flash = flashtext_processor(names)
        for size in SIZES:
            text = corpus_text(code, size)
            ours = median_us(partial(index.annotate, text), batches)
            peer = median_us(partial(aho.annotate, text), batches)
            bare = median_us(partial(aho.scan, text), batches)
            ft = median_us(partial(flash.extract_keywords, text, span_info=True), batches)
            ratio = ours / peer
            worst = max(worst, ratio)
            label = f"{code} {size // KB} KB"
            mbps = len(text.encode()) / ours
            print(
                f"  {label:<16}{ours:8.0f}us{peer:9.0f}us{bare:8.0f}us{ft:9.0f}us"
                f"{ratio:10.2f}x  ({mbps:.1f} MB/s; engine/bare {ours / bare:.1f}x, "
                f"engine/flashtext {ours / ft:.2f}x)"
            )
    print(f"  worst engine/aho {worst:.2f}x: {verdict(worst, 2)}")

    print("\nHTTP: POST /api/v1/annotate, 60 KB text/plain, Flask test client, vs pyahocorasick")
    app = create_app()
    client = app.test_client()
    worst = 0.0
    for code in LOCALES:
        text = corpus_text(code, HTTP_SIZE)
        body = text.encode()
        view = glossary.view(code)
        aho = AhoCorasick(linkable_names(view), cjk=code.startswith("zh"))

        def post(body=body, code=code):
            r = client.post(
                f"/api/v1/annotate?lang={code}", data=body, content_type="text/plain; charset=utf-8"
            )
            assert r.status_code == 200, r.status_code

        http = median_us(post, batches)
        peer = median_us(partial(aho.annotate, text), batches)
        worst = max(worst, http / peer)
        print(f"  {code:<8}{http:8.0f}us  aho {peer:6.0f}us  ratio {http / peer:5.2f}x  goal <= 3")
    print(f"  worst {worst:.2f}x: {verdict(worst, 3)}")

    print("\nlookup: engine call vs rapidfuzz process.extractOne (same folded names)")
    first_typo: dict[str, str] = {}
    for code in ("en", "es"):
        view = glossary.view(code)
        index = view.index
        exact = [t.term for t in view.named_terms()]
        us = median_us(partial(lookup_all, index, exact), batches) / len(exact)
        print(f"  {code} exact ({len(exact)} names): {us:6.1f} us   goal <= 10: {verdict(us, 10)}")
        typos = locale_typos(view)
        first_typo[code] = typos[0].typed
        keys = sorted({phrase_key(s) for t in view.named_terms() for s in (t.term, *t.aliases)})
        owner = {phrase_key(s): t.id for t in view.named_terms() for s in (t.term, *t.aliases)}
        found = sum(
            1 for t in typos if (m := index.lookup(t.typed)) is not None and m.term_id == t.term_id
        )
        rf_found = sum(1 for t in typos if owner[process.extractOne(t.typed, keys)[0]] == t.term_id)
        sample = typos[:: max(1, len(typos) // 200)]
        typed = [t.typed for t in sample]
        ours = median_us(partial(lookup_all, index, typed), batches) / len(sample)
        rf = median_us(
            lambda s=sample, k=keys: [process.extractOne(t.typed, k) for t in s], batches
        ) / len(sample)
        print(
            f"  {code} two-edit typos: found {found}/{len(typos)} ({found / len(typos):.0%}; "
            f"rapidfuzz {rf_found / len(typos):.0%}); {ours:6.1f} us vs rapidfuzz {rf:6.1f} us "
            f"= {ours / rf:.2f}x   goals >= 90%: {'met' if found >= 0.9 * len(typos) else 'MISSED'}"
            f", <= 0.5x: {verdict(ours / rf, 0.5)}"
        )

    print("\nresident memory (max RSS)")
    for code in glossary.locales:
        if code not in first_typo:
            typos = locale_typos(glossary.view(code))
            first_typo[code] = typos[0].typed if typos else "metastasiss"
    ours = memory("glossary", first_typo)
    hello = memory("hello", {})
    built = f"all {len(first_typo)} locales built (indexes and misspelling tables)"
    print(f"  {built}: {ours:6.1f} MiB")
    print(f"  hello-world Flask + Flask-Babel: {hello:6.1f} MiB")
    print(
        f"  ratio {ours / hello:.2f}x   goals <= 80 MiB: {verdict(ours, 80)}, "
        f"<= 2.5x: {verdict(ours / hello, 2.5)}"
    )

    zip_path = ROOT / "build" / "lambda.zip"
    if not args.no_package:
        subprocess.run(
            [sys.executable, str(ROOT / "tools" / "release" / "build_lambda.py")],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
    if zip_path.is_file():
        size = zip_path.stat().st_size / MB
        print(f"\nLambda zip: {size:.2f} MiB   goal <= 10: {verdict(size, 10)}")
    else:
        print("\nLambda zip: not built (make package)")


if __name__ == "__main__":
    main()
