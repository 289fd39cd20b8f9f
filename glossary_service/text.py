"""Text normalization and tokenization for matching, in every script we serve.

Pure functions, no Flask. Matching works on *tokens*: runs of letters and digits
in scripts that separate words with spaces, and single characters in scripts
that do not (Chinese, Japanese kana). Each token keeps its code point offsets in
the original text, so annotations point at exactly what the reader wrote.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Letters that do not decompose under NFKD but that readers still type without
# their marks (Vietnamese đ, Polish ł, Nordic ø...).
_EXTRA_FOLDS = str.maketrans(
    {
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ø": "o",
        "ħ": "h",
        "ı": "i",
        # Arabic: letters readers write interchangeably, and the tatweel
        # (a stretching stroke that carries no meaning).
        "ى": "ي",
        "ة": "ه",
        "ـ": None,
        # Typographic apostrophes and hyphens become their ASCII selves.
        "\u2019": "'",
        "\u2018": "'",
        "\u2010": "-",
        "\u2011": "-",
    }
)

# Characters that form a token on their own: Han ideographs, kana. Readers of
# these scripts do not put spaces between words, so a term can start and end at
# any character.
_CJK = (
    r"\u3040-\u30ff"  # hiragana, katakana
    r"\u3400-\u4dbf"  # CJK extension A
    r"\u4e00-\u9fff"  # CJK unified ideographs
    r"\uf900-\ufaff"  # compatibility ideographs
    r"\U00020000-\U0002ffff"  # extensions B and later
)
# Combining marks are not word characters to ``re``, but they belong to the
# word they sit on (decomposed accents, Arabic tashkeel, Cyrillic stress marks).
_MARKS = (
    r"\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    r"\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}](?:[^\W_{_CJK}]|[{_MARKS}])*")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


class Token(NamedTuple):
    """One word (or one ideograph) of a text, folded for matching."""

    key: str
    start: int
    end: int


def fold(text: str) -> str:
    """Fold case, accents and look-alike letters: what matching compares.

    Idempotent: fold(fold(x)) == fold(x).
    """
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold()).translate(_EXTRA_FOLDS)
    text = "".join(c for c in text if not unicodedata.combining(c))
    # Casefolding after decomposition catches letters whose case pair only
    # appears once the marks are gone; NFKC puts Hangul syllables back together.
    return unicodedata.normalize("NFKC", text.casefold())


def fold_case(text: str) -> str:
    """Fold case only, keeping accents: used to rank an exact-accent match first."""
    return unicodedata.normalize("NFC", text).casefold()


def tokens(text: str) -> list[Token]:
    """Split text into folded tokens with code point offsets into ``text``."""
    return [Token(_fold_word(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# Running text repeats its words; folding each distinct word once keeps
# annotating long texts fast.
_fold_word = lru_cache(maxsize=65536)(fold)


def is_cjk(token_key: str) -> bool:
    return bool(_CJK_CHAR.fullmatch(token_key))


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
