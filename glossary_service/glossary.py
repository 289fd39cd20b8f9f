"""The glossary as served: content + translations + indexes, per locale.

Babel, no Flask. English is localized at start-up; each other
locale is localized the first time a request needs it, and every index the
first time a lookup, search or annotation needs it, then kept for the life of
the process (read-only, shared by all threads). On Lambda this keeps a cold
start from paying for twelve languages, or for indexes, when the request
wants one term (GLOSSARY_PRELOAD_LOCALES builds everything at start-up).
"""

from __future__ import annotations

import json
import struct
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from babel.support import NullTranslations, Translations

if TYPE_CHECKING:
    from .engine.index import Index, Match, NamedTerm

from . import snapshot
from .content import (
    TRANSLATABLE_FIELDS,
    Content,
    ContentError,
    Term,
    category_context,
    term_context,
)
from .engine.collation import initial, sort_key
from .engine.policies import LOOKUP, PolicyError, parse_name
from .engine.text import fold_case
from .locales import DEFAULT_LOCALE, DRAFT, LocaleInfo, Negotiator, discover_locales


@dataclass(frozen=True)
class LocalizedTerm:
    id: str
    term: str
    aliases: tuple[str, ...]
    policies: dict[str, str]  # name -> linking policy, where not "always"
    short_definition: str
    definition: str
    category_label: str
    # Fields shown in English because their translation is missing or outdated.
    fallback_fields: tuple[str, ...]
    source: Term  # the English term: pronunciation, related, sources, category id


class LocaleView:
    """Everything one locale serves, built once."""

    def __init__(
        self,
        info: LocaleInfo,
        content: Content,
        catalog,
        english: LocaleView | None,
        catalog_dir: Path | None = None,
    ):
        self.info = info
        self._catalog = catalog
        self.terms: dict[str, LocalizedTerm] = {
            t.id: self._localize(t, content.categories[t.category].label)
            for t in content.terms.values()
        }
        self.category_labels = {
            c.id: self._text(category_context(c.id), c.label)[0]
            for c in content.categories.values()
        }
        self._english = english
        # Renderings of terms (the API's JSON), made on first use; terms never
        # change after start-up, so neither do these.
        self.rendered: dict[tuple[str, str], str] = {}
        overrides = _sort_keys(catalog_dir, info) if catalog_dir else {}
        code = info.code
        self.sorted_ids = tuple(
            sorted(
                self.terms,
                key=lambda i: (*sort_key(code, self.terms[i].term, overrides.get(i)), i),
            )
        )
        # The letter each term is filed under, for the A-Z filter.
        self.initials = {i: initial(code, t.term, overrides.get(i)) for i, t in self.terms.items()}

    def _text(self, context: str, english: str) -> tuple[str, bool]:
        """The translation, or English and False when none is current.

        pybabel leaves untranslated and fuzzy (outdated) entries out of the
        compiled catalog, so a missing key is exactly "not current".
        """
        if self._catalog is None:
            return english, True
        key = f"{context}\x04{english}"
        translated = _messages(self._catalog).get(key)
        if translated:
            return translated, True
        return english, False

    def _localize(self, t: Term, category_label: str) -> LocalizedTerm:
        texts: dict[str, str] = {}
        fallback = []
        for field in TRANSLATABLE_FIELDS:
            english = _english_message(t, field)
            if not english:
                texts[field] = english
                continue
            texts[field], current = self._text(term_context(t.id, field), english)
            if not current:
                fallback.append(field)
        label, current = self._text(category_context(t.category), category_label)
        if not current:
            fallback.append("category")
        aliases, policies = _aliases(texts["aliases"])
        # A name listed again only to carry a marker is not another name.
        heading = fold_case(texts["term"])
        aliases = tuple(a for a in aliases if fold_case(a) != heading)
        return LocalizedTerm(
            id=t.id,
            term=texts["term"],
            aliases=aliases,
            policies=policies,
            short_definition=texts["short_definition"],
            definition=texts["definition"],
            category_label=label,
            fallback_fields=tuple(fallback),
            source=t,
        )

    @cached_property
    def index(self) -> Index:
        # The index module is loaded only when a locale's index is built: a
        # cold start that serves a term by its id does without it.
        from .engine.index import Index

        return Index(self.info.code, self.named_terms())

    def named_terms(self) -> list[NamedTerm]:
        """What the engine is told of each term in this locale: its names,
        their policies, and its English names (lookup only)."""
        from .engine.index import NamedTerm

        english = self._english
        return [
            NamedTerm(
                id=t.id,
                term=t.term,
                aliases=t.aliases,
                policies=t.policies,
                english_names=(
                    (english.terms[t.id].term, *english.terms[t.id].aliases) if english else ()
                ),
            )
            for t in self.terms.values()
        ]

    def other_names(self, t: LocalizedTerm) -> tuple[str, ...]:
        """The names a reader sees listed under the heading: one per word, not
        its inflected forms (matching still knows them all)."""
        from .engine.affixes import other_names
        from .engine.languages import rules_for

        return tuple(other_names(rules_for(self.info.code), t.term, t.aliases))

    def lookup(self, query: str) -> Match | None:
        """The term a reader means, in this locale, then in English: readers
        of every language meet English terms (and typos of them)."""
        from .engine.index import Match

        match = self.index.lookup(query)
        if match is None and self._english is not None and not self.index.blocks(query):
            # An English name as typed (or a typo of one), not an English name
            # inside a phrase of this language ("Hospices de Beaune").
            match = self._english.index.lookup(query, contains=False)
            if match is not None:
                match = Match(match.term_id, "english", round(match.score * 0.9, 3))
        return match

    def suggest(self, query: str, limit: int = 5) -> list[LocalizedTerm]:
        """Terms to offer when a lookup finds nothing."""
        return [self.terms[m.term_id] for m in self.index.suggest(query, limit)]

    def translated_keys(self) -> set[str]:
        if self._catalog is None:
            return set()
        # Plural messages are stored once per form, keyed (msgid, form index).
        return {k[0] if isinstance(k, tuple) else k for k in _messages(self._catalog)}


def _messages(catalog: Translations) -> dict:
    """A compiled catalog's messages, keyed "msgctxt\x04msgid". Babel keeps them
    in ``_catalog``; reading it directly is the one way to tell a missing
    translation from an English text that happens to equal its msgid."""
    return catalog._catalog


def _english_message(t: Term, field: str) -> str:
    """The msgid of one field of a term (aliases joined, markers included)."""
    return t.aliases_message if field == "aliases" else getattr(t, field)


def _aliases(message: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """A catalog's aliases message -> (names, their linking policies). A marker
    the engine does not know (i18n-check reports it) keeps its name out of
    running text: when in doubt, do not link."""
    names, policies = [], {}
    for raw in message.split(";"):
        if not raw.strip():
            continue
        try:
            name, policy = parse_name(raw)
        except PolicyError:
            name, policy = raw.split("{")[0].strip(), LOOKUP
        if name:
            names.append(name)
            if policy != "always":
                policies[name] = policy
    return tuple(names), policies


def _sort_keys(catalog_dir: Path, info: LocaleInfo) -> dict[str, str]:
    """Per-term sort keys a locale may ship (pinyin for Simplified Chinese)."""
    path = catalog_dir / "sort_keys.json"
    if not path.is_file():
        return {}
    try:
        keys = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(f"{path}: {exc}") from exc
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ContentError(f"{path}: must map term ids to strings")
    return keys


NAMES_SNAPSHOT = "term-names.json"


def write_names_snapshot(content: Content, translations_dir: Path) -> Path:
    """Save every term's name in every compiled catalog, with the catalog's
    hash (package builds do this: a cold start that serves one term then reads
    one catalog, not twelve)."""
    glossary = Glossary(content, translations_dir)
    entries = {}
    for code, info in glossary.locales.items():
        if code == DEFAULT_LOCALE:
            continue
        names = {
            term_id: [t.term, glossary.term_name(code, term_id)]
            for term_id, t in glossary.english.terms.items()
        }
        mo = glossary._mo_path(code)
        entries[info.catalog] = {"sha256": snapshot.digest(mo.read_bytes()), "names": names}
    return snapshot.write(translations_dir / NAMES_SNAPSHOT, entries)


class Glossary:
    """Content, served locales and their views; safe to share across threads."""

    def __init__(self, content: Content, translations_dir: Path):
        self.content = content
        self.translations_dir = translations_dir
        self.locales: dict[str, LocaleInfo] = discover_locales(translations_dir)
        self.negotiator = Negotiator(
            list(self.locales),
            drafts=frozenset(c for c, info in self.locales.items() if info.status == DRAFT),
        )
        self._views: dict[str, LocaleView] = {}
        # Re-entrant: building a view under the lock reads its catalog.
        self._lock = threading.RLock()
        # Every catalog is checked now, so a broken one stops start-up instead
        # of failing every request in its language: parsed (milliseconds each),
        # or, in a package, matched byte for byte against the build's snapshot
        # of term names, which then stands in until a view needs the catalog.
        self._catalogs: dict[str, Translations] = {}
        self._names: dict[str, dict[str, list[str]]] = {}
        saved_names = snapshot.read(translations_dir / NAMES_SNAPSHOT)
        for code, info in self.locales.items():
            if code == DEFAULT_LOCALE:
                continue
            saved = saved_names.get(info.catalog)
            mo = self._mo_path(code)
            if saved and mo.is_file() and snapshot.current(saved, mo.read_bytes()):
                self._names[code] = saved["names"]
            else:
                self._catalogs[code] = self._load_catalog(code)
        self.english = LocaleView(self.locales[DEFAULT_LOCALE], content, None, None)
        self._views[DEFAULT_LOCALE] = self.english

    def view(self, code: str) -> LocaleView:
        view = self._views.get(code)
        if view is None:
            with self._lock:
                view = self._views.get(code)
                if view is None:
                    view = self._build_view(code)
                    self._views[code] = view
        return view

    def _mo_path(self, code: str) -> Path:
        return self.translations_dir / self.locales[code].catalog / "LC_MESSAGES" / "messages.mo"

    def _catalog(self, code: str) -> Translations:
        catalog = self._catalogs.get(code)
        if catalog is None:
            with self._lock:
                catalog = self._catalogs.get(code)
                if catalog is None:
                    catalog = self._catalogs[code] = self._load_catalog(code)
        return catalog

    def _load_catalog(self, code: str) -> Translations:
        info = self.locales[code]
        mo = self._mo_path(code)
        try:
            catalog = Translations.load(str(self.translations_dir), [info.catalog])
        # struct.error: a file too short to hold even the header.
        except (OSError, ValueError, struct.error) as exc:
            raise ContentError(f"catalog for {code} cannot be read ({mo}): {exc}") from exc
        if isinstance(catalog, NullTranslations) and not isinstance(catalog, Translations):
            raise ContentError(f"catalog for {code} is missing: {mo}")
        return catalog

    def _build_view(self, code: str) -> LocaleView:
        info = self.locales[code]
        return LocaleView(
            info,
            self.content,
            self._catalog(code),
            self.english,
            self.translations_dir / info.catalog,
        )

    def term_name(self, code: str, term_id: str) -> str:
        """A term's name in a locale, without building that locale's view
        (every term lists its name in every other language)."""
        view = self._views.get(code)
        if view is not None:
            return view.terms[term_id].term
        english = self.english.terms[term_id].term
        saved = self._names.get(code, {}).get(term_id)
        if saved and saved[0] == english:
            return saved[1]
        key = f"{term_context(term_id, 'term')}\x04{english}"
        return _messages(self._catalog(code)).get(key) or english

    def load_all(self) -> None:
        """Build every locale now (tests, and servers that prefer slow starts)."""
        for code in self.locales:
            self.view(code).index.build_all()

    @cached_property
    def expected_keys(self) -> frozenset[str]:
        """Every message a complete catalog translates, from messages.pot."""
        from babel.messages.pofile import read_po  # only /api/v1/locales needs it

        pot = self.translations_dir / "messages.pot"
        keys = set()
        if pot.is_file():
            with pot.open("rb") as fh:
                for message in read_po(fh):
                    if message.id:
                        msgid = message.id if isinstance(message.id, str) else message.id[0]
                        keys.add(f"{message.context}\x04{msgid}" if message.context else msgid)
        else:
            for t in self.content.terms.values():
                for field in TRANSLATABLE_FIELDS:
                    english = _english_message(t, field)
                    if english:
                        keys.add(f"{term_context(t.id, field)}\x04{english}")
        return frozenset(keys)

    def completeness(self, code: str) -> float:
        if code == DEFAULT_LOCALE:
            return 1.0
        expected = self.expected_keys
        if not expected:
            return 0.0
        done = len(expected & self.view(code).translated_keys())
        return round(done / len(expected), 4)
