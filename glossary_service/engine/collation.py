"""Alphabetical order and initial letters the way readers of each language expect.

Pure Python, no ICU (too big for Lambda). Accents and case are secondary, as
in printed dictionaries, except where a language treats a marked letter as a
letter of its own (its ``own_letters``: Spanish ñ after n; Vietnamese ă â đ ê ô
ơ ư after their base letters), sorts a letter as another (Russian ё as е), or
ignores an article (Arabic ال). Chinese cannot be ordered from the characters
alone: a locale may ship ``sort_keys.json`` (term id -> key, e.g. pinyin for
Simplified Chinese, made by ``tools/i18n/make_sort_keys.py``); without it,
code point order is used, which for ideographs is the radical-and-stroke order
of traditional dictionaries.
"""

from __future__ import annotations

import unicodedata

from .languages import LanguageRules, rules_for
from .text import fold

# Combining marks that are tones or accents, not letter identity.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _own_letter(own, ch: str) -> str | None:
    """The language's own letter ``ch`` is, ignoring a tone mark on it
    (Vietnamese letters carry a tone on top of their own mark: ế = ê + acute)."""
    if ch in own:
        return ch
    decomposed = unicodedata.normalize("NFD", ch)
    letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return letter if letter in own else None


def _letters(rules: LanguageRules, text: str) -> str:
    own = rules.own_letters
    if not own or not (_own_marks(rules) & set(unicodedata.normalize("NFD", text.casefold()))):
        return fold(text)
    out = []
    for ch in unicodedata.normalize("NFC", text.casefold()):
        letter = _own_letter(own, ch)
        out.append(own[letter] if letter else fold(ch))
    return "".join(out)


_MARKS_OF: dict[str, frozenset[str]] = {}


def _own_marks(rules: LanguageRules) -> frozenset[str]:
    """What, decomposed, shows a text may hold one of the language's own
    letters (the tilde of ñ, the breve of ă, đ itself): text without any is
    folded as usual, which is most text."""
    marks = _MARKS_OF.get(rules.code)
    if marks is None:
        marks = frozenset(
            c
            for letter in rules.own_letters
            for c in unicodedata.normalize("NFD", letter)
            if unicodedata.combining(c) or len(unicodedata.normalize("NFD", letter)) == 1
        )
        _MARKS_OF[rules.code] = marks
    return marks


def _without_article(rules: LanguageRules, folded: str) -> str:
    article = rules.sort_article
    if article and folded.startswith(article) and len(folded) > len(article) + 1:
        return folded[len(article) :]
    return folded


def sort_key(locale: str, text: str, override: str | None = None) -> tuple[str, str]:
    """Primary key (letters), then the text itself so accents break ties."""
    if override:
        return (override.casefold(), text)
    rules = rules_for(locale)
    key = _without_article(rules, _letters(rules, text))
    for letter, same in rules.sort_equivalents.items():
        key = key.replace(letter, same)
    return (key, text)


def initial(locale: str, text: str, override: str | None = None) -> str:
    """The letter a term is filed under (what the ``letter`` filter compares):
    accents ignored, but a language's own letters kept (Spanish ñ)."""
    rules = rules_for(locale)
    source = override or text
    if not override and rules.sort_article:
        folded = fold(source)
        stripped = _without_article(rules, folded)
        if stripped is not folded:
            source = source[len(rules.sort_article) :]
    for ch in unicodedata.normalize("NFC", source.casefold()):
        if ch.isalnum():
            return _own_letter(rules.own_letters, ch) or fold(ch)
    return ""
