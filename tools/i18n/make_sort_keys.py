"""Write translations/zh_Hans/sort_keys.json: the pinyin of each term's name.

Simplified Chinese readers expect a glossary in pinyin order, which cannot be
computed from the characters without a dictionary. pypinyin is that
dictionary; it is a development tool, so the keys are made here, committed,
and checked for freshness by `make i18n-check`, and the service only reads a
small JSON file.

Usage: python tools/i18n/make_sort_keys.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po
from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent.parent
CATALOG = "zh_Hans"


def sort_keys() -> dict[str, str]:
    po = ROOT / "translations" / CATALOG / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = read_po(fh)
    keys = {}
    for m in catalog:
        if m.context and m.context.endswith("|term") and m.string and not m.fuzzy:
            term_id = m.context.partition("|")[0]
            # Tone numbers after each syllable: ma1 < ma2 < ma3, as dictionaries order them.
            keys[term_id] = " ".join(
                lazy_pinyin(m.string, style=Style.TONE3, neutral_tone_with_five=True)
            ).lower()
    return dict(sorted(keys.items()))


def render() -> str:
    return json.dumps(sort_keys(), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    path = ROOT / "translations" / CATALOG / "sort_keys.json"
    text = render()
    if "--check" in argv:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != text:
            print(f"{path.relative_to(ROOT)} is out of date: run `make sort-keys`")
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {len(json.loads(text))} keys to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
