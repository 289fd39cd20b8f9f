"""Move translations between a gettext catalog and JSON, for translation helpers.

  export LOCALE [--all] [--match TEXT]  print the untranslated or fuzzy entries
         [--since REV]                  (all with --all; with --since, those whose English
                                        is new or changed since git revision REV, for a
                                        review of one round) as JSON: key, English, notes
  import LOCALE FILE.json               set msgstr from a list of {key, english,
                                        translation}, clearing the fuzzy flag; keys are
                                        msgctxt for content and the msgid for UI strings.
                                        An entry whose English has changed since is
                                        skipped and reported: it needs a new translation

Usage: python tools/i18n/catalog_json.py export es > todo.json
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent.parent


def po_path(locale: str) -> Path:
    return ROOT / "translations" / locale.replace("-", "_") / "LC_MESSAGES" / "messages.po"


def load(locale: str):
    with po_path(locale).open("rb") as fh:
        return read_po(fh, locale=locale.replace("-", "_"))


def key_of(message) -> str:
    if message.context:
        return message.context
    return message.id if isinstance(message.id, str) else message.id[0]


def english_at(revision: str) -> dict[str, object]:
    """key -> English of the template as it was at a git revision."""
    pot = subprocess.run(
        ["git", "show", f"{revision}:translations/messages.pot"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    return {key_of(m): m.id for m in read_po(io.BytesIO(pot)) if m.id}


def export(locale: str, everything: bool, match: str | None, since: str | None = None) -> None:
    out = []
    catalog = load(locale)
    before = english_at(since) if since else None
    for m in catalog:
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        if not m.id:
            continue
        if before is not None:
            if before.get(key_of(m)) == m.id:
                continue
        elif not everything and all(strings) and not m.fuzzy:
            continue
        if match and match not in key_of(m):
            continue
        entry = {
            "key": key_of(m),
            "english": m.id if isinstance(m.id, str) else list(m.id),
            "notes": " ".join(m.auto_comments),
            "current": m.string if isinstance(m.string, str) else list(m.string),
            "fuzzy": m.fuzzy,
        }
        if not isinstance(m.id, str):
            # A plural: translate as a list, one string per plural form.
            entry["plural_forms"] = catalog.num_plurals
            entry["notes"] += f" Plural: give {catalog.num_plurals} forms ({catalog.plural_expr})."
        out.append(entry)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()


def _same(message, entry) -> bool:
    english = message.id if isinstance(message.id, str) else list(message.id)
    return english == entry["english"]


def import_(locale: str, path: str) -> None:
    entries = json.loads(Path(path).read_text(encoding="utf-8"))
    catalog = load(locale)
    by_key = {key_of(m): m for m in catalog if m.id}
    unknown = [e["key"] for e in entries if e["key"] not in by_key]
    stale = [e["key"] for e in entries if e["key"] in by_key and not _same(by_key[e["key"]], e)]
    for e in entries:
        m = by_key.get(e["key"])
        if m is None or not _same(m, e):
            continue
        text = e["translation"]
        if isinstance(text, list):  # a plural: one string per form
            m.string = tuple(t.strip() for t in text)
        elif text.strip():
            m.string = text.strip()
        else:
            continue
        m.flags.discard("fuzzy")
    buf = io.BytesIO()
    write_po(buf, catalog, width=0)
    po_path(locale).write_bytes(buf.getvalue())
    done = len(entries) - len(unknown) - len(stale)
    print(f"imported {done} entries into {locale}", file=sys.stderr)
    if stale:
        print("stale (English changed, not imported): " + ", ".join(stale), file=sys.stderr)
    if unknown:
        print("unknown keys: " + ", ".join(unknown), file=sys.stderr)
    if stale or unknown:
        sys.exit(1)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    out = commands.add_parser("export", help="entries to translate, as JSON on stdout")
    out.add_argument("locale")
    out.add_argument("--all", action="store_true", help="every entry, not only those to do")
    out.add_argument("--match", help="only entries whose context contains this")
    out.add_argument("--since", help="entries whose English changed since this git revision")
    into = commands.add_parser("import", help="translations from a JSON file")
    into.add_argument("locale")
    into.add_argument("file")
    args = parser.parse_args()
    if args.command == "export":
        export(args.locale, args.all, args.match, args.since)
    else:
        import_(args.locale, args.file)
