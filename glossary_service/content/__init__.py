"""The glossary's English content: loaded from TOML files beside this module and
checked, once. A mistake in a content file (an unknown related id, an
alias claimed by two terms, an overlong tooltip...) raises ``ContentError``
naming the file, the line and the term, so a broken glossary never serves.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .. import snapshot
from ..engine.policies import PolicyError, parse_name
from ..engine.text import phrase_key
from .codes import FILE as CODES_FILE
from .codes import Codes, parse_codes

CONTENT_DIR = Path(__file__).parent
#: The parsed content files, saved at package build time (write_snapshot, called
#: by tools/release/build_lambda.py): tomllib is pure Python, and parsing is most of
#: what loading the content costs a cold start. An entry is used only while its
#: file is byte for byte the one it was made from; anything else is parsed.
SNAPSHOT = "parsed-content.json"

#: Fields of a term that translators translate, in catalog order.
TRANSLATABLE_FIELDS = ("term", "aliases", "short_definition", "definition")
#: Aliases travel through gettext as one message, joined by this separator.
ALIAS_SEPARATOR = "; "
TOOLTIP_MAX_WORDS = 25

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_REQUIRED = {
    "id": str,
    "term": str,
    "aliases": list,
    "short_definition": str,
    "definition": str,
    "related": list,
    "sources": list,
}
_OPTIONAL = {"pronunciation": str}


class ContentError(ValueError):
    """The content files are not fit to serve; the message lists every problem."""


@dataclass(frozen=True)
class Source:
    document: str
    title: str


@dataclass(frozen=True)
class Category:
    id: str
    label: str


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]  # as shown to readers, without policy markers
    # Names linked in running text only in context, in pattern, or never
    # ("distant {lookup}" in the file; engine/policies.py).
    policies: dict[str, str]
    aliases_message: str  # the aliases as written, markers included: the msgid
    pronunciation: str | None
    short_definition: str
    definition: str
    category: str
    related: tuple[str, ...]
    sources: tuple[str, ...]
    file: str
    line: int


@dataclass(frozen=True)
class Content:
    terms: dict[str, Term]  # in file order; treat as read-only
    categories: dict[str, Category]
    sources: dict[str, Source]
    #: ICD-10-CM codes mapped to terms (codes.toml).
    codes: Codes


def term_context(term_id: str, field: str) -> str:
    """The gettext ``msgctxt`` of one field of one term."""
    return f"{term_id}|{field}"


def category_context(category_id: str) -> str:
    return f"category/{category_id}|label"


def load_content(content_dir: Path = CONTENT_DIR) -> Content:
    """Load and check every content file; raise ContentError listing all problems."""
    problems: list[str] = []
    saved = snapshot.read(content_dir / SNAPSHOT)
    sources = _load_sources(content_dir / "sources.toml", problems, saved.get("sources.toml"))
    categories: dict[str, Category] = {}
    terms: dict[str, Term] = {}
    files = sorted((content_dir / "terms").glob("*.toml"))
    if not files:
        problems.append(f"{content_dir / 'terms'}: no content files")
    for path in files:
        _load_file(path, categories, terms, problems, saved.get(f"terms/{path.name}"))
    _check_links(terms, sources, problems)
    _check_unique_names(terms, problems)
    codes = _load_codes(content_dir / CODES_FILE, terms, problems, saved.get(CODES_FILE))
    if problems:
        raise ContentError("Glossary content is invalid:\n  " + "\n  ".join(problems))
    return Content(terms=terms, categories=categories, sources=sources, codes=codes)


def write_snapshot(content_dir: Path = CONTENT_DIR) -> Path:
    """Save every content file, parsed, beside them (package builds do this)."""
    entries = {}
    for path in [
        content_dir / "sources.toml",
        content_dir / CODES_FILE,
        *sorted((content_dir / "terms").glob("*.toml")),
    ]:
        try:
            data = path.read_bytes()
            parsed = tomllib.loads(data.decode("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue  # left to load_content, which names the file and the line
        entries[path.relative_to(content_dir).as_posix()] = {
            "sha256": snapshot.digest(data),
            "data": parsed,
        }
    return snapshot.write(content_dir / SNAPSHOT, entries)


def _parse_toml(path: Path, problems: list[str], saved: dict | None) -> tuple[dict, str] | None:
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
        if snapshot.current(saved, data):
            return saved["data"], text
        return tomllib.loads(text), text
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{path}: {exc}")
        return None


def _load_sources(path: Path, problems: list[str], saved: dict | None) -> dict[str, Source]:
    parsed = _parse_toml(path, problems, saved)
    if parsed is None:
        return {}
    docs = parsed[0].get("documents", {})
    return {key: Source(document=key, title=doc["title"]) for key, doc in docs.items()}


def _load_codes(path: Path, terms, problems: list[str], saved: dict | None) -> Codes:
    parsed = _parse_toml(path, problems, saved)
    if parsed is None:
        return Codes(icd10cm={}, updated="1970-01-01T00:00:00Z")
    return parse_codes(parsed[0], parsed[1], path, terms, problems)


_ID_LINE = re.compile(r"""^\s*id\s*=\s*(["'])(.*?)\1""", re.M)


def _id_lines(text: str) -> dict[str, int]:
    """Line of each ``id = "<term id>"`` in a file (tomllib keeps no positions);
    one scan per file, the first line wins."""
    first_term = max(text.find("[[terms]]"), 0)
    lines: dict[str, int] = {}
    for m in _ID_LINE.finditer(text, first_term):
        lines.setdefault(m.group(2), text.count("\n", 0, m.start()) + 1)
    return lines


def _load_file(path, categories, terms, problems, saved=None) -> None:
    parsed = _parse_toml(path, problems, saved)
    if parsed is None:
        return
    data, text = parsed
    cat = data.get("category", {})
    if not (isinstance(cat.get("id"), str) and isinstance(cat.get("label"), str)):
        problems.append(f"{path}: [category] needs an id and a label")
        return
    if cat["id"] in categories:
        problems.append(f"{path}: category '{cat['id']}' is defined twice")
    categories[cat["id"]] = Category(id=cat["id"], label=cat["label"])
    lines = _id_lines(text)
    for raw in data.get("terms", []):
        term = _make_term(raw, cat["id"], path, lines.get(str(raw.get("id")), 0), problems)
        if term is None:
            continue
        if term.id in terms:
            problems.append(f"{term.file}:{term.line}: term '{term.id}': id used twice")
        terms[term.id] = term


def _make_term(raw: dict, category: str, path: Path, line: int, problems) -> Term | None:
    where = f"{path.name}:{line}: term '{raw.get('id', '?')}'"
    bad = [f"{where}: missing field '{k}'" for k in _REQUIRED if k not in raw]
    bad += [
        f"{where}: field '{k}' must be a {t.__name__}"
        for k, t in {**_REQUIRED, **_OPTIONAL}.items()
        if k in raw and not isinstance(raw[k], t)
    ]
    bad += [f"{where}: unknown field '{k}'" for k in raw if k not in _REQUIRED | _OPTIONAL]
    if bad:
        problems.extend(bad)
        return None
    if not _ID.match(raw["id"]):
        problems.append(f"{where}: id must be lowercase kebab-case")
    for field in ("term", "short_definition", "definition"):
        if not raw[field].strip():
            problems.append(f"{where}: '{field}' is empty")
        if "<" in raw[field] or ">" in raw[field]:
            problems.append(f"{where}: '{field}' contains markup; content is plain text")
    if any(not isinstance(a, str) or not a.strip() or ";" in a for a in raw["aliases"]):
        problems.append(f"{where}: aliases must be non-empty strings without ';'")
        return None
    aliases, policies = parse_aliases(raw["aliases"], where, problems)
    words = len(raw["short_definition"].split())
    if words > TOOLTIP_MAX_WORDS:
        problems.append(
            f"{where}: short_definition has {words} words, more than {TOOLTIP_MAX_WORDS}"
        )
    return Term(
        id=raw["id"],
        term=raw["term"].strip(),
        aliases=aliases,
        policies=policies,
        aliases_message=ALIAS_SEPARATOR.join(a.strip() for a in raw["aliases"]),
        pronunciation=raw.get("pronunciation"),
        short_definition=raw["short_definition"].strip(),
        definition=raw["definition"].strip(),
        category=category,
        related=tuple(raw["related"]),
        sources=tuple(raw["sources"]),
        file=path.name,
        line=line,
    )


def parse_aliases(
    raw: list[str] | tuple[str, ...], where: str, problems: list[str]
) -> tuple[tuple[str, ...], dict[str, str]]:
    """Aliases as written (``"distant {lookup}"``) -> (names, their policies)."""
    names, policies = [], {}
    for alias in raw:
        try:
            name, policy = parse_name(alias)
        except PolicyError as exc:
            problems.append(f"{where}: {exc}")
            continue
        names.append(name)
        if policy != "always":
            policies[name] = policy
    return tuple(names), policies


def _check_links(terms: dict[str, Term], sources: dict[str, Source], problems) -> None:
    for t in terms.values():
        where = f"{t.file}:{t.line}: term '{t.id}'"
        for rel in t.related:
            if rel not in terms or rel == t.id:
                problems.append(f"{where}: related id '{rel}' is unknown")
        if not t.sources:
            problems.append(f"{where}: cites no source document")
        for doc in t.sources:
            if doc not in sources:
                problems.append(f"{where}: source document '{doc}' is unknown")


def _check_unique_names(terms: dict[str, Term], problems) -> None:
    """One name, one term: otherwise lookup and annotate could not decide."""
    owner: dict[str, str] = {}
    for t in terms.values():
        for name in (t.term, *t.aliases):
            key = phrase_key(name)
            if not key:
                problems.append(f"{t.file}:{t.line}: term '{t.id}': name '{name}' has no letters")
            elif owner.setdefault(key, t.id) != t.id:
                problems.append(
                    f"{t.file}:{t.line}: term '{t.id}': alias '{name}' is also claimed by "
                    f"'{owner[key]}'"
                )
