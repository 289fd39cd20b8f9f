"""Text normalization and tokenization for matching, in every script we serve.

Matching works on *tokens*: runs of letters and digits in scripts that
separate words with spaces, and single characters in scripts that do not
(Chinese, Japanese kana). Each token keeps its code point offsets in the
original text, so annotations point at exactly what the reader wrote.
Compatibility characters (the Roman numeral Ⅳ, full-width ＣＲ) fold to their
plain forms, while offsets still point at the original characters.

>>> fold("Métastases")
'metastases'
>>> fold("肺癌Ⅳ期")
'肺癌iv期'
>>> [t.key for t in tokens("Stage IV (SEER)")]
['stage', 'iv', 'seer']
>>> phrase_key("转移 瘤")
'转移瘤'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from .scripts import CJK, EXTRA_FOLDS, MARKS, ROMAN_NUMERALS

_TOKEN = re.compile(rf"[{CJK}]|[^\W_{CJK}](?:[^\W_{CJK}]|[{MARKS}])*")
_CJK_CHAR = re.compile(rf"[{CJK}]")
_DIGITS = re.compile(r"\d+")
# The folding cache is bounded in entries and in bytes: at most CACHE_WORDS
# words of at most CACHED_WORD_LENGTH characters (a few MB). Longer tokens are
# folded each time, so a hostile text of huge "words" cannot fill memory.
CACHE_WORDS = 16384
CACHED_WORD_LENGTH = 32
_MAX_CACHED_TOKEN = CACHED_WORD_LENGTH


class Token(NamedTuple):
    """One word (or one ideograph) of a text, folded for matching."""

    key: str
    start: int
    end: int


def fold(text: str) -> str:
    """Fold case, accents, compatibility forms and look-alike letters: what
    matching compares. Idempotent: fold(fold(x)) == fold(x).
    """
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold()).translate(EXTRA_FOLDS)
    text = "".join(c for c in text if not unicodedata.combining(c))
    # Casefolding after decomposition catches letters whose case pair only
    # appears once the marks are gone; NFKC puts Hangul syllables back together.
    return unicodedata.normalize("NFKC", text.casefold())


def fold_case(text: str) -> str:
    """Fold case and compatibility forms, keeping accents: used to rank an
    exact-accent match first and, where marks tell words apart, to compare them."""
    return unicodedata.normalize("NFKC", text).casefold()


def plain(text: str) -> str:
    """Compatibility forms as their plain letters, case kept: ＣＲ is CR, Ⅳ is IV."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _fold_token(word: str) -> str:
    # A compatibility character can fold to more than one word (U+33C2 is
    # "a.m.", U+2474 "(1)"): a token stays one token.
    return fold(word).replace(" ", "")


# Running text repeats its words; folding each distinct word once keeps
# annotating long texts fast. Only word-sized tokens go through the cache, so a
# hostile text of huge "words" cannot fill memory through it.
_fold_cached = lru_cache(maxsize=CACHE_WORDS)(_fold_token)


def tokens(text: str) -> list[Token]:
    """Split text into folded tokens with code point offsets into ``text``."""
    cached, limit = _fold_cached, _MAX_CACHED_TOKEN
    return [
        Token(
            cached(w) if len(w := m.group()) <= limit else _fold_token(w),
            m.start(),
            m.end(),
        )
        for m in _TOKEN.finditer(text)
    ]


def is_cjk(token_key: str) -> bool:
    return bool(_CJK_CHAR.fullmatch(token_key))


def has_cjk(text: str) -> bool:
    return bool(_CJK_CHAR.search(text))


def join_keys(keys: list[str] | tuple[str, ...]) -> str:
    """Join token keys into one phrase key; no space between ideographs."""
    parts: list[str] = []
    for i, key in enumerate(keys):
        if i and not (is_cjk(key) and is_cjk(keys[i - 1])):
            parts.append(" ")
        parts.append(key)
    return "".join(parts)


def phrase_key(text: str) -> str:
    """The normalized key of a whole name or query."""
    return join_keys([t.key for t in tokens(text)])


def numbers_in(keys, number_words: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The numbers a phrase states, as digits, Roman numerals or number words:
    what misspelling tolerance must never change ("stage 2" is not "stage 4")."""
    found = []
    for key in keys:
        found.extend(_DIGITS.findall(key))
        if key in ROMAN_NUMERALS or key in number_words:
            found.append(key)
    return tuple(found)
