"""``codes.toml``: ICD-10-CM codes mapped to glossary terms, loaded and checked once.

The file's format is described at its top. What is checked here needs no code
data (the service never ships any): the shape of each code, one mapping per
code, a description, known and distinct term ids. That each code exists in
ICD-10-CM with exactly that description is checked by
``tests/content/test_codes.py`` against the CMS code set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FILE = "codes.toml"

# A category (C79), subcategory (C79.5) or code (C79.51, T45.1X5A): a letter,
# a digit, a letter or digit, then up to four more after the dot.
CODE_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$")


@dataclass(frozen=True)
class CodeMapping:
    code: str  # as written, with its dot: "C79.51"
    description: str  # the official ICD-10-CM description
    terms: tuple[str, ...]  # ranked term ids, the best explanation first
    line: int


@dataclass(frozen=True)
class Codes:
    #: Keyed by the code without its dot ("C7951"), in file order.
    icd10cm: dict[str, CodeMapping]
    #: When the content was last changed, ISO 8601 in UTC ("2026-12-08T00:00:00Z").
    updated: str


def undotted(code: str) -> str:
    return code.replace(".", "")


def parse_codes(data: dict, text: str, path: Path, term_ids, problems: list[str]) -> Codes:
    """Check a parsed codes.toml; every problem is appended to ``problems``."""
    stamp = data.get("updated")
    if not isinstance(stamp, str) or not _ISO_UTC.match(stamp):
        problems.append(f'{path}: updated must be a date and time in UTC, "2026-12-08T00:00:00Z"')
        stamp = "1970-01-01T00:00:00Z"
    lines = _code_lines(text)
    mappings: dict[str, CodeMapping] = {}
    for raw in data.get("icd10cm", []):
        code = raw.get("code")
        line = lines.get(str(code), 0)
        where = f"{path.name}:{line}: code '{code}'"
        if set(raw) != {"code", "description", "terms"}:
            problems.append(f"{where}: needs exactly code, description and terms")
            continue
        if not isinstance(code, str) or not CODE_SHAPE.match(code):
            problems.append(f"{where}: not an ICD-10-CM code written with its dot (C79.51)")
            continue
        description, terms = raw["description"], raw["terms"]
        if not isinstance(description, str) or not description.strip():
            problems.append(f"{where}: the description is empty")
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) for t in terms):
            problems.append(f"{where}: terms must be a non-empty list of term ids")
            continue
        for term_id in terms:
            if term_id not in term_ids:
                problems.append(f"{where}: term id '{term_id}' is unknown")
        if len(set(terms)) != len(terms):
            problems.append(f"{where}: a term is listed twice")
        key = undotted(code)
        if key in mappings:
            problems.append(f"{where}: mapped twice")
        mappings[key] = CodeMapping(code, str(description).strip(), tuple(terms), line)
    return Codes(icd10cm=mappings, updated=stamp)


_ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
_CODE_LINE = re.compile(r"""^\s*code\s*=\s*"([^"]*)\"""", re.M)


def _code_lines(text: str) -> dict[str, int]:
    """Line of each ``code = "..."`` (tomllib keeps no positions)."""
    lines: dict[str, int] = {}
    for m in _CODE_LINE.finditer(text):
        lines.setdefault(m.group(1), text.count("\n", 0, m.start()) + 1)
    return lines
