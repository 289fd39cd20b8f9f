"""Alphabetical order and initial letters the way readers of each language expect.

Pure Python, no ICU (too big for Lambda). Accents and case are secondary, as
in printed dictionaries, except where a language treats a marked letter as a
letter of its own: Spanish ñ comes after n; Vietnamese ă â đ ê ô ơ ư follow
their base letters. Russian ё sorts with е. Arabic ignores the article ال.
Chinese cannot be ordered from the characters alone: a locale may ship
``sort_keys.json`` (term id -> key, e.g. pinyin for Simplified Chinese, made
by ``tools/make_sort_keys.py``); without it, code point order is used, which
for ideographs is the radical-and-stroke order of traditional dictionaries.
"""

from __future__ import annotations

import unicodedata

from .text import fold

# Letters that are letters of their own, mapped to base letter + a marker that
# sorts after every plain letter ("~" > "z").
_OWN_LETTERS = {
    "es": {"ñ": "n~"},
    "vi": {
        "ă": "a~",
        "â": "a~~",
        "đ": "d~",
        "ê": "e~",
        "ô": "o~",
        "ơ": "o~~",
        "ư": "u~",
    },
}
_ARABIC_ARTICLE = "ال"


def _base_and_own_letters(language: str, text: str) -> str:
    own = _OWN_LETTERS.get(language)
    if not own:
        return fold(text)
    out = []
    for ch in unicodedata.normalize("NFC", text.casefold()):
        letter = _own_letter(own, ch)
        out.append(own[letter] if letter else fold(ch))
    return "".join(out)


def _own_letter(own: dict[str, str], ch: str) -> str | None:
    """The language's own letter ``ch`` is, ignoring a tone mark on it.

    Vietnamese letters carry a tone on top of their own mark (ế = ê + acute).
    """
    if ch in own:
        return ch
    decomposed = unicodedata.normalize("NFD", ch)
    letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return letter if letter in own else None


# Combining marks that are tones or accents, not letter identity.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def sort_key(locale: str, text: str, override: str | None = None) -> tuple[str, str]:
    """Primary key (letters), then the text itself so accents break ties."""
    if override:
        return (override.casefold(), text)
    language = locale.split("-")[0]
    key = _base_and_own_letters(language, text)
    if language == "ar" and key.startswith(_ARABIC_ARTICLE) and len(key) > 3:
        key = key[len(_ARABIC_ARTICLE) :]
    if language == "ru":
        key = key.replace("ё", "е")
    return (key, text)


def initial(locale: str, text: str, override: str | None = None) -> str:
    """The letter a term is filed under (what the ``letter`` filter compares):
    accents ignored, but a language's own letters kept (Spanish ñ)."""
    language = locale.split("-")[0]
    source = override or text
    if language == "ar" and not override and fold(source).startswith(_ARABIC_ARTICLE):
        source = source[len(_ARABIC_ARTICLE) :] if len(fold(source)) > 3 else source
    own = _OWN_LETTERS.get(language, {})
    for ch in unicodedata.normalize("NFC", source.casefold()):
        if ch.isalnum():
            return _own_letter(own, ch) or fold(ch)
    return ""
