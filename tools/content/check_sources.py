"""Check the glossary against the source documents (run by .ci/run).

The documents are not part of this project; CI has them beside it in
../shared/sources. For every term:
- each cited document exists and its title is the one we cite;
- the term's name or one of its aliases appears in each cited document;
- no definition repeats eight or more consecutive words of a document
  (facts carry over, wording does not);
- every word of the coverage list (eval/coverage/candidates.tsv) appears in
  the document it names, as the list writes it.

Usage: python tools/content/check_sources.py ../shared/sources
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from glossary_service.content import load_content

COPY_RUN = 8
CANDIDATES = Path(__file__).parents[2] / "eval" / "coverage" / "candidates.tsv"


def words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'")
    return re.findall(r"[a-z0-9']+", text)


def appears(name: str, doc_words: str) -> bool:
    needle = " ".join(words(name))
    return bool(needle) and re.search(rf"(?<![a-z0-9']){re.escape(needle)}(?![a-z0-9'])", doc_words)


def main(sources_dir: Path) -> int:
    content = load_content()
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sources_dir.glob("*.txt")}
    doc_words = {k: " ".join(words(v)) for k, v in docs.items()}
    shingles = {
        k: {tuple(w[i : i + COPY_RUN]) for i in range(len(w) - COPY_RUN + 1)}
        for k, w in ((k, words(v)) for k, v in docs.items())
    }
    problems = []
    for key, source in content.sources.items():
        if key not in docs:
            problems.append(f"sources.toml: document {key} is not in {sources_dir}")
        elif " ".join(words(source.title)) not in doc_words[key]:
            problems.append(f"sources.toml: title of {key} does not match the document")
    for t in content.terms.values():
        where = f"{t.file}:{t.line}: term '{t.id}'"
        for key in t.sources:
            if key in doc_words and not any(
                appears(n, doc_words[key]) for n in (t.term, *t.aliases)
            ):
                problems.append(f"{where}: neither its name nor an alias appears in {key}")
        for field in ("short_definition", "definition"):
            w = words(getattr(t, field))
            runs = {tuple(w[i : i + COPY_RUN]) for i in range(len(w) - COPY_RUN + 1)}
            for key, doc_runs in shingles.items():
                copied = runs & doc_runs
                if copied:
                    problems.append(
                        f"{where}: {field} copies wording of {key}: {' '.join(sorted(copied)[0])!r}"
                    )
    for n, line in enumerate(CANDIDATES.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            surface, _grade, key = line.split("\t")[:3]
            if key not in doc_words:
                problems.append(f"candidates.tsv:{n}: no document {key}")
            elif not appears(surface, doc_words[key]):
                problems.append(f"candidates.tsv:{n}: {surface!r} is not in {key}")
    for p in problems:
        print(p)
    print(
        f"checked {len(content.terms)} terms against {len(docs)} documents: "
        f"{'OK' if not problems else f'{len(problems)} problems'}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", type=Path, nargs="?", default=Path("../shared/sources"))
    sys.exit(main(parser.parse_args().sources))
