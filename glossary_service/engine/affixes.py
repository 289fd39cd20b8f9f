"""Word forms: one affix stripper and one plural generator, driven by the
language's rules (``languages/<code>.py``).

A stem here is only a matching key: the same rules cut both the glossary's
names and the reader's text, so forms that share a stem meet. The rules are
deliberately light: a stem keeps ``min_stem`` letters, so short words are left
whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from .languages import LanguageRules
from .text import CACHE_WORDS, CACHED_WORD_LENGTH, fold, tokens


def stemmer(rules: LanguageRules) -> Callable[[str], str] | None:
    """The stemmer of a language (over folded words), or None where whole
    words suffice."""
    if not (rules.prefixes or rules.suffixes):
        return None
    # Stemmers see folded text, where й has become и and ة ه: the affixes are
    # folded the same way, and tried longest first.
    prefixes = sorted({fold(p) for p in rules.prefixes}, key=len, reverse=True)
    suffixes = sorted({fold(s) for s in rules.suffixes}, key=len, reverse=True)
    keep, stack = rules.min_stem, rules.stack_suffixes

    @lru_cache(maxsize=CACHE_WORDS)
    def _stem(word: str) -> str:
        for prefix in prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= keep:
                word = word[len(prefix) :]
                break
        stripped = True
        while stripped:
            stripped = False
            for suffix in suffixes:
                if word.endswith(suffix) and len(word) - len(suffix) >= keep:
                    word, stripped = word[: -len(suffix)], stack
                    break
        return word

    def stem(word: str) -> str:
        # Only word-sized tokens are cached, so a hostile text cannot fill memory.
        return _stem(word) if len(word) <= CACHED_WORD_LENGTH else word

    return stem


def _plural_word(rules: LanguageRules, word: str) -> str | None:
    if not word.isalpha():
        return None  # "stage 4", "PD-L1": numbers and codes take no plural
    for pattern, strip, add in rules.plurals:
        if re.search(pattern, word):
            return None if add is None else word[: len(word) - strip] + add
    return None


def plural(rules: LanguageRules, name: str) -> str | None:
    """The plural of a name, or None when the rules give none.

    English puts the plural on the last word ("lymph nodes"). Where the
    language lists ``plural_stops`` (Romance languages), every word before the
    first of them takes it: the noun and its adjectives ("efeito colateral" ->
    "efeitos colaterais", "prise de sang" -> "prises de sang").
    """
    if not rules.plural_stops or " " not in name:
        last = name.rsplit(" ", 1)
        form = _plural_word(rules, last[-1])
        return None if form is None else " ".join([*last[:-1], form])
    words = name.split(" ")
    out, changed = [], False
    for i, word in enumerate(words):
        if word.lower() in rules.plural_stops:
            out.extend(words[i:])
            break
        form = _plural_word(rules, word)
        changed |= form is not None
        out.append(form or word)
    return " ".join(out) if changed else None


def other_names(rules: LanguageRules, heading: str, names: Iterable[str]) -> list[str]:
    """The names a reader should see listed after ``heading``: one entry per
    word, not its inflected forms ("metastases" under "metastasis", "T-cells"
    beside "T cells"). Matching still uses every form.

    >>> from .languages import rules_for
    >>> other_names(rules_for("en"), "biopsy", ["biopsies", "tissue biopsy", "tissue biopsies"])
    ['tissue biopsy']
    """
    stem = stemmer(rules) or (lambda word: word)

    def key(name: str) -> str:
        return " ".join(stem(t.key) for t in tokens(name))

    def plural_key(name: str) -> str | None:
        many = plural(rules, name)
        return None if many is None else key(many)

    seen = {key(heading), plural_key(heading)}
    shown: list[tuple[str, str, str | None]] = []  # name, its key, its plural's key
    for name in names:
        k = key(name)
        if k in seen:
            continue
        pk = plural_key(name)
        shown.append((name, k, pk))
        seen |= {k, pk}
    # A plural listed before its singular ("metastases", then "metastasis"
    # as the heading of another list) is caught above; a singular after its
    # plural is caught here.
    plurals = {pk for _, k, pk in shown if pk is not None and pk != k}
    return [name for name, k, _ in shown if k not in plurals]
