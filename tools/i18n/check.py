"""Check the translation catalogs: `make i18n-check` (run by `make test`).

- messages.pot is up to date with the content and code (extract, compare);
- every catalog has every message of the template, none missing;
- every message is translated and none is fuzzy (an outdated translation,
  kept by `pybabel update` for the translator, is reported here: the service
  serves English for it until it is reviewed);
- placeholders (%(name)s) and markup are preserved;
- linking-policy markers on aliases ({context}, {pattern}, {lookup}) are ones
  the engine knows (a translated marker is reported);
- tooltips stay tooltip-short; aliases are not claimed by two terms;
- each locale says how it was reviewed (translations/<dir>/review.txt).

A draft catalog (translations/<dir>/status.txt saying "draft") may be
incomplete: missing, untranslated and fuzzy entries are counted, not failed
(the service serves English for them); what it does translate is checked like
any other. A plural form may leave out the number where the language's plural
rule gives that form to a single number (German "Ein Begriff").

Usage: python tools/i18n/check.py [--locale CODE]
Exit status 1 when anything is wrong, with one line per problem.
"""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

from glossary_service.engine.policies import PolicyError, parse_name
from glossary_service.engine.scripts import CJK
from glossary_service.engine.text import phrase_key
from glossary_service.locales import DRAFT, catalog_status

ROOT = Path(__file__).resolve().parent.parent.parent
TRANSLATIONS = ROOT / "translations"

EXTRACT_ARGS = [
    "extract",
    "-F",
    "babel.cfg",
    "--omit-header",
    "--sort-by-file",
    "--add-comments=Translators:",
    "-k",
    "lazy_gettext",
]
# A tooltip may run a little longer than the English 25 words in other
# languages; in scripts without spaces, count characters instead.
MAX_TOOLTIP_WORDS = 35
MAX_TOOLTIP_CHARS = 90
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]*\}")
_MARKUP = re.compile(r"<[^>]*>")
_CJK = re.compile(f"[{CJK}]")


def read(path: Path):
    with path.open("rb") as fh:
        return read_po(fh)


def keys(catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id) for m in catalog if m.id}


def extract_template(out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *EXTRACT_ARGS, "-o", str(out), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )


def check_template() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "messages.pot"
        extract_template(fresh)
        current = keys(read(TRANSLATIONS / "messages.pot"))
        new = keys(read(fresh))
    if current != new:
        return [
            f"messages.pot is out of date ({len(new - current)} new, {len(current - new)} "
            "gone): run `make update`"
        ]
    return []


def tooltip_too_long(text: str) -> bool:
    if _CJK.search(text):
        return len(re.sub(r"\s", "", text)) > MAX_TOOLTIP_CHARS
    return len(text.split()) > MAX_TOOLTIP_WORDS


def single_number_forms(catalog) -> set[int]:
    """Plural form indexes that the catalog's rule gives to exactly one number
    (among 0-1000): there the number may be left out ("Ein Begriff")."""
    rule = gettext.c2py(catalog.plural_expr)
    counts: dict[int, int] = {}
    for n in range(1001):
        form = rule(n)
        counts[form] = counts.get(form, 0) + 1
    return {form for form, count in counts.items() if count == 1}


def check_catalog(po_path: Path, template: set) -> list[str]:
    locale = po_path.parent.parent.name
    catalog = read(po_path)
    draft = catalog_status(po_path.parent.parent) == DRAFT
    problems: list[str] = []
    todo: list[str] = []  # a draft's open work: counted, not failed
    have = keys(catalog)
    for context, msgid in sorted(template - have, key=str):
        (todo if draft else problems).append(f"{locale}: missing {context or msgid!r}")
    single = single_number_forms(catalog)
    owner: dict[str, str] = {}
    for m in catalog:
        if not m.id:
            continue
        where = f"{locale}: {m.context or m.id!r}"
        if m.fuzzy:
            (todo if draft else problems).append(
                f"{where}: fuzzy (the English changed; review the translation)"
            )
            continue
        # Plural messages have several English forms and one string per form
        # of the language (Russian has three).
        english = m.id if isinstance(m.id, str) else m.id[0]
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        if not all(strings):
            (todo if draft else problems).append(f"{where}: not translated")
            continue
        field = (m.context or "").rpartition("|")[2]
        for form, string in enumerate(strings):
            if field == "aliases":
                break  # braces there are policy markers, checked below
            want = sorted(_PLACEHOLDER.findall(english))
            got = sorted(_PLACEHOLDER.findall(string))
            numbers = [p for p in want if p.endswith("d")]  # %(num)d, %d
            if len(strings) > 1 and form in single and got == [p for p in want if p not in numbers]:
                got = want  # the form of one number only: it may leave the number out
            if want != got:
                problems.append(f"{where}: placeholders differ from the English")
            if sorted(_MARKUP.findall(english)) != sorted(_MARKUP.findall(string)):
                problems.append(f"{where}: markup differs from the English")
        if field == "short_definition" and tooltip_too_long(strings[0]):
            problems.append(f"{where}: tooltip too long for a tooltip")
        if field in {"term", "aliases"}:
            term_id = m.context.partition("|")[0]
            names = m.string.split(";") if field == "aliases" else [m.string]
            for raw in names:
                try:
                    name = parse_name(raw)[0] if field == "aliases" else raw
                except PolicyError as exc:
                    problems.append(f"{where}: {exc}")
                    continue
                key = phrase_key(name)
                if not key:
                    problems.append(f"{where}: empty alias")
                elif owner.setdefault(key, term_id) != term_id:
                    problems.append(f"{where}: '{name.strip()}' also names '{owner[key]}'")
    review = po_path.parent.parent / "review.txt"
    if not review.is_file() or not review.read_text(encoding="utf-8").strip():
        problems.append(f"{locale}: no review.txt saying how the translation was reviewed")
    if draft:
        done = len(template) - len(todo)
        print(f"{locale}: draft, {done}/{len(template)} messages current ({len(todo)} to do)")
    return problems


def main(argv: list[str]) -> int:
    only = argv[argv.index("--locale") + 1].replace("-", "_") if "--locale" in argv else None
    problems = check_template()
    template = keys(read(TRANSLATIONS / "messages.pot"))
    catalogs = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
    for po_path in catalogs:
        if only is None or po_path.parent.parent.name == only:
            problems += check_catalog(po_path, template)
    if (TRANSLATIONS / "zh_Hans").is_dir():
        fresh = subprocess.run(
            [sys.executable, str(ROOT / "tools/i18n/make_sort_keys.py"), "--check"],
            capture_output=True,
            text=True,
        )
        if fresh.returncode:
            problems.append(fresh.stdout.strip())
    for problem in problems:
        print(problem)
    print(
        f"i18n-check: {len(catalogs)} catalogs, {len(template)} messages each: "
        + ("OK" if not problems else f"{len(problems)} problems")
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
