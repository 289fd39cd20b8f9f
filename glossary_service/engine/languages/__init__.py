"""Per-language rules as data, one module per language, loaded lazily.

The engine has no ``if language == ...`` anywhere: what differs between
languages is a ``LanguageRules`` value in ``<code>.py`` (a language code, the
part of a locale before the first hyphen). A language without a module gets
the defaults, which mean "nothing special", so serving a new language is still
only adding its catalog. This is the only place in the engine that turns a
locale into rules (spaCy's ``lang/<code>/`` and ``get_lang_class`` are the model).

Each module may also define ``EXAMPLES``, run by the tests, so the rules carry
their own proof: ``{"same_stem": [(forms of one word)], "plural": [(name, plural)],
"sort": [words in order], "initial": [(word, letter)], "fold_marks": [(a, b)],
"annotate": [(text, [linked surfaces])]}``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType


@dataclass(frozen=True)
class Pattern:
    """The shapes in which ambiguous abbreviations mean the glossary's term.

    A name listed here is linked in running text only where ``before``
    matches the text just before it (searched at the end of that text) or
    ``after`` matches the text just after it (at its start), within the same
    sentence: "T2" in "T2 N1 M0", "PS" in "ECOG PS 1". Both are regular
    expressions (compiled when an index is built; the tests compile every
    language's); an empty one never matches.
    """

    names: tuple[str, ...]
    before: str = ""
    after: str = ""


@dataclass(frozen=True, eq=False)
class LanguageRules:
    """Everything the engine does differently for one language."""

    code: str = "und"

    # -- word forms (affixes.py) ---------------------------------------------
    #: Plurals generated for the last word of a name: (ending regex, letters to
    #: strip, letters to add); the first rule that fits wins; None adds nothing
    #: (the word is plural or a verb form already).
    plurals: tuple[tuple[str, int, str | None], ...] = ()
    #: Words that end the part of a name that takes the plural (prepositions
    #: such as "de"); empty: only the last word takes it (English).
    plural_stops: frozenset[str] = frozenset()
    #: Light stemming for languages whose words change shape in running text:
    #: one prefix, then suffixes (repeatedly if ``stack_suffixes``), longest
    #: first, always keeping ``min_stem`` letters. The same rules cut names and
    #: text, so forms that share a stem meet.
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    stack_suffixes: bool = False
    min_stem: int = 3
    #: The suffixes are separate words written joined (Korean particles): a
    #: link covers the name, not the particle after it.
    particles_outside_span: bool = False

    # -- alphabetical order (collation.py) -------------------------------------
    #: Letters that are letters of their own, mapped to base letter + a marker
    #: that sorts after every plain letter ("~" > "z"): Spanish ñ after n.
    own_letters: Mapping[str, str] = field(default_factory=dict)
    #: An article that dictionaries ignore when sorting (Arabic ال).
    sort_article: str = ""
    #: Letters that sort as another letter (Russian ё as е).
    sort_equivalents: Mapping[str, str] = field(default_factory=dict)

    # -- matching (index.py) --------------------------------------------------
    #: In free text written with marks, a name must match them too (Vietnamese
    #: tones tell words apart); text typed without any marks still matches.
    marks_matter: bool = False
    #: Spellings of the same marks, each mapped to one canonical form
    #: (Vietnamese old and new tone placement: hoá = hóa).
    mark_variants: tuple[tuple[str, str], ...] = ()
    #: A hyphen joins words into one (French "immuno-histochimie"): a name may
    #: not end inside such a compound.
    hyphen_compounds: bool = False
    #: Misspellings forgiven: one edit from this many letters, two from that
    #: many; None: never (a different ideograph is a different word).
    fuzzy_lengths: tuple[int, int] | None = (5, 10)
    #: Number words, which misspelling tolerance must never change.
    number_words: frozenset[str] = frozenset()

    # -- linking policy (index.py) -----------------------------------------------
    #: Words that make a passage medical, for names linked "in context".
    context_cues: tuple[str, ...] = ()
    #: Phrases that hold a shorter glossary name but mean something else; they
    #: are recognised and consume their words, so nothing inside is linked.
    blocking: tuple[str, ...] = ()
    #: Abbreviations linked only in their clinical shape.
    patterns: tuple[Pattern, ...] = ()


DEFAULTS = LanguageRules()

#: The languages with a module of their own: the registry, the only place in
#: the engine that names languages. Written out, not globbed (a directory scan
#: costs a cold start milliseconds); a test holds it equal to the files.
LANGUAGE_MODULES = frozenset(
    {"ar", "de", "en", "es", "fr", "ht", "ko", "pt", "ru", "tl", "vi", "zh"}
)


def language_of(locale: str) -> str:
    """The language part of a locale code: "zh-Hant" -> "zh"."""
    return locale.split("-")[0].split("_")[0].lower()


def _module(language: str) -> ModuleType | None:
    if language not in LANGUAGE_MODULES:
        return None
    return importlib.import_module(f"{__name__}.{language}")


@cache
def rules_for(locale: str) -> LanguageRules:
    """The rules of a locale's language; the defaults when it has no module."""
    module = _module(language_of(locale))
    return module.RULES if module is not None else DEFAULTS


def examples_for(language: str) -> dict:
    module = _module(language)
    return getattr(module, "EXAMPLES", {}) if module is not None else {}
