"""Precision first, then recall: the linking engine measured on gold texts.

``make eval`` (run by ``make test``). For every served locale, ``eval/corpus/<code>/``
holds clinical texts (``clinical-*.txt``), everyday texts full of look-alike
words (``everyday-*.txt``), the same kinds kept out of tuning
(``holdout-*.txt``), and a lookup set (``lookup.tsv``). Gold spans are marked
by hand in the texts as ``[[what the text says|term-id]]``.

A link is right when it overlaps a gold span of the same term (boundaries may
differ: "stage IV" for "stage IV cancer"); exact boundaries are reported too.
Everyday texts have no gold: every link there is a false link, counted per
1,000 words (a Chinese word is taken as two characters).

Lookup rows are ``query<TAB>expected``: a term id (lookup must answer it),
``-`` (nothing: an everyday word), or ``!id`` (anything but that term).

Gates, per locale, on the tuning texts: clinical precision >= 0.98 and recall
>= 0.95; everyday text at most 1 false link per 1,000 words; no lookup answer
that a ``!id`` row forbids. Held-out texts are never used to tune names,
policies or rules: they are reported beside the tuning texts (an honest
estimate of what unseen text gets), not gated. Exit status 1 when a gate fails.

Usage: python eval/evaluate.py [--locale CODE] [--details] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from glossary_service.content import load_content
from glossary_service.engine.scripts import CJK
from glossary_service.glossary import Glossary

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
GOLD = re.compile(r"\[\[([^\[\]|]+)\|([a-z0-9-]+)\]\]")
_CJK = re.compile(f"[{CJK}]")
_WORD = re.compile(rf"[^\W\d_{CJK}][^\W_{CJK}]*")

MIN_PRECISION = 0.98
MIN_RECALL = 0.95
MAX_FALSE_PER_1000 = 1.0


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    term_id: str


def parse(marked: str) -> tuple[str, list[Gold]]:
    """Marked text -> (plain text, gold spans with offsets into it)."""
    plain, gold, at = [], [], 0
    last = 0
    for m in GOLD.finditer(marked):
        plain.append(marked[last : m.start()])
        at += m.start() - last
        surface = m.group(1)
        gold.append(Gold(at, at + len(surface), m.group(2)))
        plain.append(surface)
        at += len(surface)
        last = m.end()
    plain.append(marked[last:])
    text = "".join(plain)
    if "[[" in text or "]]" in text:
        raise ValueError("unbalanced gold markup")
    return text, gold


def word_count(text: str) -> float:
    return len(_WORD.findall(text)) + len(_CJK.findall(text)) / 2


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    words: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_per_1000(self) -> float:
        return 1000 * self.fp / self.words if self.words else 0.0


def score_text(index, name: str, marked: str, score: Score) -> None:
    text, gold = parse(marked)
    spans = index.annotate(text)
    score.words += word_count(text)
    used: set[int] = set()
    for s in spans:
        hit = next(
            (
                i
                for i, g in enumerate(gold)
                if i not in used and g.term_id == s.term_id and s.start < g.end and g.start < s.end
            ),
            None,
        )
        if hit is None:
            score.fp += 1
            score.errors.append(f"  {name}: false link {text[s.start : s.end]!r} -> {s.term_id}")
            continue
        used.add(hit)
        score.tp += 1
        score.exact += (gold[hit].start, gold[hit].end) == (s.start, s.end)
    for i, g in enumerate(gold):
        if i not in used:
            score.fn += 1
            score.errors.append(f"  {name}: missed {text[g.start : g.end]!r} ({g.term_id})")


@dataclass
class LookupScore:
    total: int = 0
    right: int = 0
    wrong: int = 0  # answered a term that is not the expected one
    forbidden: int = 0  # answered the term a "!id" row forbids
    errors: list[str] = field(default_factory=list)


def score_lookups(view, path: Path, score: LookupScore) -> None:
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        query, _, expected = line.partition("\t")
        expected = expected.strip()
        match = view.lookup(query)
        got = match.term_id if match else None
        score.total += 1
        if expected.startswith("!"):
            ok = got != expected[1:]
            if not ok:
                score.forbidden += 1
        elif expected == "-":
            ok = got is None
            if not ok:
                score.wrong += 1
        else:
            ok = got == expected
            if not ok and got is not None:
                score.wrong += 1
        score.right += ok
        if not ok:
            by = f" ({match.by})" if match else ""
            score.errors.append(f"  lookup.tsv:{line_no}: {query!r} -> {got}{by}, want {expected}")


@dataclass
class LocaleResult:
    code: str
    clinical: Score = field(default_factory=Score)
    everyday: Score = field(default_factory=Score)
    holdout_clinical: Score = field(default_factory=Score)
    holdout_everyday: Score = field(default_factory=Score)
    lookups: LookupScore = field(default_factory=LookupScore)

    def failures(self) -> list[str]:
        out = []
        for label, clinical, everyday in (("", self.clinical, self.everyday),):
            if clinical.precision < MIN_PRECISION:
                out.append(f"{label}clinical precision {clinical.precision:.3f} < {MIN_PRECISION}")
            if clinical.recall < MIN_RECALL:
                out.append(f"{label}clinical recall {clinical.recall:.3f} < {MIN_RECALL}")
            if everyday.false_per_1000 > MAX_FALSE_PER_1000:
                out.append(
                    f"{label}everyday false links {everyday.false_per_1000:.1f}/1000 words "
                    f"> {MAX_FALSE_PER_1000}"
                )
        if self.lookups.forbidden:
            out.append(f"{self.lookups.forbidden} forbidden lookup answers")
        return out


def evaluate(glossary: Glossary, code: str) -> LocaleResult:
    view = glossary.view(code)
    result = LocaleResult(code)
    folder = CORPUS / code
    for path in sorted(folder.glob("*.txt")):
        # clinical-2 -> clinical; holdout-everyday stays whole.
        kind = path.stem if path.stem.startswith("holdout-") else path.stem.split("-")[0]
        target = {
            "clinical": result.clinical,
            "everyday": result.everyday,
            "holdout-clinical": result.holdout_clinical,
            "holdout-everyday": result.holdout_everyday,
        }.get(kind)
        if target is None:
            raise SystemExit(
                f"{path}: name it clinical-*, everyday-* or holdout-(clinical|everyday)"
            )
        score_text(view.index, path.name, path.read_text(encoding="utf-8"), target)
    lookups = folder / "lookup.tsv"
    if lookups.is_file():
        score_lookups(view, lookups, result.lookups)
    return result


def table(results: list[LocaleResult]) -> str:
    head = (
        "| locale | clinical P | R | F1 | exact | everyday false/1k | held-out P | R "
        "| held-out false/1k | lookup right | wrong | must-not |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = [head]
    for r in results:
        c, e, hc, he, lk = r.clinical, r.everyday, r.holdout_clinical, r.holdout_everyday, r.lookups
        rows.append(
            f"| {r.code} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | "
            f"{c.exact}/{c.tp} | {e.false_per_1000:.1f} ({e.fp} in {e.words:.0f}) | "
            f"{hc.precision:.3f} | {hc.recall:.3f} | {he.false_per_1000:.1f} | "
            f"{lk.right}/{lk.total} | {lk.wrong} | {lk.forbidden} |"
        )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--locale", action="append", help="only this locale (repeatable)")
    parser.add_argument("--details", action="store_true", help="list every error")
    parser.add_argument("--holdout-details", action="store_true", help="errors in held-out texts")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--translations", type=Path, default=ROOT / "translations")
    args = parser.parse_args(argv)
    glossary = Glossary(load_content(), args.translations)
    codes = args.locale or [c for c in glossary.locales if (CORPUS / c).is_dir()]
    # A released locale must have gold texts; a draft is measured once it has them.
    missing = [
        c
        for c, info in glossary.locales.items()
        if not (CORPUS / c).is_dir() and info.status == "released"
    ]
    results = [evaluate(glossary, code) for code in codes]
    print(table(results))
    failed = False
    for r in results:
        if args.details:
            for err in r.clinical.errors + r.everyday.errors + r.lookups.errors:
                print(f"{r.code}{err}")
        if args.holdout_details:
            for err in r.holdout_clinical.errors + r.holdout_everyday.errors:
                print(f"{r.code}{err}")
        for failure in r.failures():
            failed = True
            print(f"GATE {r.code}: {failure}")
    for code in missing:
        failed = True
        print(f"GATE {code}: no evaluation corpus in eval/corpus/{code}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    r.code: {
                        "clinical": {
                            "precision": r.clinical.precision,
                            "recall": r.clinical.recall,
                            "f1": r.clinical.f1,
                        },
                        "everyday_false_per_1000": r.everyday.false_per_1000,
                        "holdout": {
                            "precision": r.holdout_clinical.precision,
                            "recall": r.holdout_clinical.recall,
                            "everyday_false_per_1000": r.holdout_everyday.false_per_1000,
                        },
                        "lookup": {
                            "right": r.lookups.right,
                            "total": r.lookups.total,
                            "wrong": r.lookups.wrong,
                            "forbidden": r.lookups.forbidden,
                        },
                    }
                    for r in results
                },
                indent=2,
            )
        )
    print("eval: " + ("gates FAILED" if failed else "all gates pass"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
