"""The spans the reference engine gives on the evaluation corpus, as a test fixture.

Annotate was rewritten (issue 15) to run one compiled pass over a folded copy
of the text instead of a Python loop over tokens; its answers must not change.
This script records what the engine *before* that rewrite answers, so
``tests/engine/test_span_fixture.py`` can hold the new one to it, span for span,
on every text of ``eval/corpus`` (held-out texts included) in every locale.

The reference is the engine's *code* at a git revision (default ``3383eb3``,
the last commit before the rewrite), taken with ``git archive``; the *data* is
today's: the content, the compiled catalogs and the language rules
(``engine/languages/``) of the working tree. So when the lead adds terms or a
language gains a blocking phrase, rerunning this script gives what the old
engine would answer with them, and the test keeps comparing algorithms, not
vocabularies. It needs the repository's history (a full clone).

Besides the corpus texts, it records a few texts built from them (each text's
lines in reverse order, and all of a locale's texts glued into one), so the
context rules ("three signs make a medical text") meet other arrangements; and
each of them annotated as known to be medical (``medical=True``, as lookup's
"contains" does).

Usage: .venv/bin/python tools/engine/span_fixture.py [--engine REV] [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from eval.evaluate import CORPUS, parse  # noqa: E402
from glossary_service.content import load_content  # noqa: E402
from glossary_service.glossary import Glossary  # noqa: E402

DEFAULT_ENGINE = "3383eb3"
DEFAULT_OUT = ROOT / "tests" / "engine" / "fixtures" / "eval_spans.json"
ENGINE_DIR = "glossary_service/engine"
REFERENCE_PACKAGE = "reference_engine"


def corpus_texts(code: str) -> dict[str, str]:
    """Every text of a locale's corpus (gold markup removed), plus arrangements of them."""
    folder = CORPUS / code
    texts = {p.name: parse(p.read_text(encoding="utf-8"))[0] for p in sorted(folder.glob("*.txt"))}
    out = dict(texts)
    for name, text in texts.items():
        out[f"{name}:reversed-lines"] = "\n".join(reversed(text.split("\n")))
    out["all:joined"] = "\n\n".join(texts.values())
    return out


def load_reference_engine(rev: str, into: Path):
    """The engine's code at ``rev`` with today's language rules, imported as
    its own package (the engine uses relative imports only)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, ENGINE_DIR],
        check=True,
        capture_output=True,
    ).stdout
    package = into / REFERENCE_PACKAGE
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if not member.isfile() or "/languages/" in member.name:
                continue
            relative = Path(member.name).relative_to(ENGINE_DIR)
            target = package / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(tar.extractfile(member).read())
    languages = package / "languages"
    languages.mkdir(parents=True, exist_ok=True)
    for source in (ROOT / ENGINE_DIR / "languages").glob("*.py"):
        (languages / source.name).write_bytes(source.read_bytes())
    sys.path.insert(0, str(into))
    return importlib.import_module(f"{REFERENCE_PACKAGE}.index")


def reference_index(old, view):
    """The reference engine's index over the names today's glossary gives a locale."""
    return old.Index(
        view.info.code,
        [
            old.NamedTerm(
                id=t.id,
                term=t.term,
                aliases=t.aliases,
                english_names=t.english_names,
                policies=dict(t.policies),
            )
            for t in view.named_terms()
        ],
    )


def inputs_digest() -> str:
    """A hash of the data the spans depend on (content, catalogs, language rules)."""
    digest = hashlib.sha256()
    for pattern in (
        "glossary_service/content/**/*.toml",
        "translations/*/LC_MESSAGES/messages.po",
        f"{ENGINE_DIR}/languages/*.py",
        "eval/corpus/*/*.txt",
    ):
        for path in sorted(ROOT.glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def render(engine: str, inputs: str, spans: dict[str, dict[str, list]]) -> str:
    """JSON with one text per line, so a changed span shows as a one-line diff."""
    lines = ["{", f'"engine": {json.dumps(engine)},', f'"inputs": {json.dumps(inputs)},']
    lines.append('"spans": {')
    for i, (code, texts) in enumerate(spans.items()):
        lines.append(f"{json.dumps(code)}: {{")
        for j, (name, found) in enumerate(texts.items()):
            comma = "," if j < len(texts) - 1 else ""
            lines.append(f"{json.dumps(name)}: {json.dumps(found, ensure_ascii=False)}{comma}")
        lines.append("}" + ("," if i < len(spans) - 1 else ""))
    lines.extend(["}", "}"])
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", default=DEFAULT_ENGINE, help="git revision of the reference")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    glossary = Glossary(load_content(), ROOT / "translations")
    codes = [c for c in glossary.locales if (CORPUS / c).is_dir()]
    spans: dict[str, dict[str, list]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        old = load_reference_engine(args.engine, Path(tmp))
        for code in codes:
            index = reference_index(old, glossary.view(code))
            spans[code] = {}
            for name, text in corpus_texts(code).items():
                for medical in (False, True):
                    found = index.annotate(text, medical=medical)
                    key = f"{name}:medical" if medical else name
                    spans[code][key] = [[s.start, s.end, s.term_id] for s in found]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(args.engine, inputs_digest(), spans), encoding="utf-8")
    total = sum(len(v) for texts in spans.values() for v in texts.values())
    print(f"span_fixture: {total} spans in {len(codes)} locales -> {args.out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
