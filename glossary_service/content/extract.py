"""Babel extractor: every translatable field of the content into messages.pot.

Mapped in ``babel.cfg``; ``pybabel extract`` calls it once per content file.
Each message carries a ``msgctxt`` naming the term and field, so two terms may
share English words yet be translated apart, and a comment telling the
translator what the text is for.
"""

from __future__ import annotations

import tomllib

from . import (
    ALIAS_SEPARATOR,
    TOOLTIP_MAX_WORDS,
    TRANSLATABLE_FIELDS,
    category_context,
    term_context,
)

_GUIDANCE = {
    "term": "The name of the term, as patients in your language say it (lower case unless a "
    "proper noun or abbreviation).",
    "aliases": f"Other names readers meet, separated by '{ALIAS_SEPARATOR.strip()}': synonyms, "
    "abbreviations (keep English ones used as is, like PD-L1), plurals and other "
    "inflections, colloquial names. Need not match the English one to one. A name that is "
    "also an everyday word or another abbreviation gets a marker after it: {context} (linked "
    "in running text only near other medical words), {pattern} (only in its clinical shape) or "
    "{lookup} (never linked in running text; lookup and search still find it). Keep the "
    "marker in English, in braces.",
    "short_definition": f"Tooltip text: one or two short sentences, at most {TOOLTIP_MAX_WORDS} "
    "English-equivalent words. Plain language.",
    "definition": "Full plain-language definition: short sentences, common words, explain "
    "any medical word. No advice, no promises.",
}


def _line(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def extract_glossary(fileobj, keywords, comment_tags, options):
    """Yield ``(lineno, funcname, (msgctxt, msgid), comments)`` per field."""
    text = fileobj.read().decode("utf-8")
    data = tomllib.loads(text)
    category = data["category"]
    yield (
        _line(text, "[category]"),
        "pgettext",
        (category_context(category["id"]), category["label"]),
        ["Category label, shown above each term of this group."],
    )
    for term in data.get("terms", []):
        line = _line(text, f'id = "{term["id"]}"')
        for field in TRANSLATABLE_FIELDS:
            english = term.get(field)
            if field == "aliases":
                english = ALIAS_SEPARATOR.join(english or [])
            if not english:
                continue
            comment = f"Term '{term['id']}' ({term['term']}), field {field}. {_GUIDANCE[field]}"
            yield line, "pgettext", (term_context(term["id"], field), english.strip()), [comment]
