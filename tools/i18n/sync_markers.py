"""Carry translations over an English change that only touches policy markers.

Adding ``{context}`` to an English alias (or listing a term's own name again
with a marker) changes the aliases msgid, and ``pybabel update`` would then
mark every translation of it fuzzy although no word changed. This rewrites,
in each catalog, the msgid of an aliases message whose English differs from
the template's only by markers and repeated names, keeping its translation
and review state. ``make update`` runs it before ``pybabel update``; any
change of words still goes to the translator as fuzzy.

Usage: python tools/i18n/sync_markers.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po

from glossary_service.engine.policies import PolicyError, parse_name

ROOT = Path(__file__).resolve().parent.parent.parent
TRANSLATIONS = ROOT / "translations"


def words(message: str) -> tuple[str, ...] | None:
    """The names of an aliases message, markers and repeats dropped."""
    names = []
    for raw in message.split(";"):
        try:
            name = parse_name(raw)[0]
        except PolicyError:
            return None
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sync(po_path: Path, template: dict[str, str]) -> int:
    """Rewrite outdated aliases msgids in one catalog; return how many."""
    with po_path.open("rb") as fh:
        catalog = read_po(fh)
    text = po_path.read_text(encoding="utf-8")
    changed = 0
    for m in catalog:
        if not m.context or not m.context.endswith("|aliases") or not m.id:
            continue
        new = template.get(m.context)
        if new is None or new == m.id:
            continue
        # A term's own name listed again with a marker is not a new word.
        term = m.context.rpartition("|")[0]
        old_words, new_words = words(m.id), words(new)
        if old_words is None or new_words is None:
            continue
        name = template.get(f"{term}|term")
        if tuple(w for w in new_words if w != name) != tuple(w for w in old_words if w != name):
            continue
        before = f"msgctxt {_quote(m.context)}\nmsgid {_quote(m.id)}\n"
        after = f"msgctxt {_quote(m.context)}\nmsgid {_quote(new)}\n"
        if text.count(before) == 1:
            text = text.replace(before, after)
            changed += 1
    if changed:
        po_path.write_text(text, encoding="utf-8")
    return changed


def main() -> int:
    with (TRANSLATIONS / "messages.pot").open("rb") as fh:
        template = {m.context: m.id for m in read_po(fh) if m.context and m.id}
    for po_path in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        n = sync(po_path, template)
        if n:
            print(f"{po_path.relative_to(ROOT)}: {n} aliases messages carried over")
    return 0


if __name__ == "__main__":
    sys.exit(main())
