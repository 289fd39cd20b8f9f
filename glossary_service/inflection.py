"""Light stemmers for languages whose words change shape in running text.

Pure Python, no Flask. Russian nouns and adjectives take case endings
(метастазы, метастазов, метастазами), Arabic words take prefixes and suffixes
(السرطان, بالسرطان, سرطانات), and Korean attaches particles to nouns
(화학요법을, 화학요법은). A stem here is only a matching key: the same rules
cut both the glossary's names and the reader's text, so forms that share a
stem meet. The rules are deliberately light: a stem keeps at least three
letters, so short words are left whole.
"""

from __future__ import annotations

from collections.abc import Callable

from .text import fold

# Stemmers see folded text (text.fold), where й has become и and ё е: the
# endings are folded the same way.
_RUSSIAN_ENDINGS = sorted(
    {
        fold(ending)
        for ending in """иями ями ами иях ией ием иям ого его ому ему ыми ими ях ах ов ев ей ой
        ом ем ам ям ию ия ии ие ый ий ая яя ое ее ые ых их ым им ую юю ою ею ью а я о е у ю ы
        и ь й""".split()
    },
    key=len,
    reverse=True,
)
# Text is folded before stemming, so ة is already ه and ى is ي.
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف")
_ARABIC_SUFFIXES = ("ات", "ان", "ون", "ين", "ها", "يه", "ه", "ي")
_KOREAN_PARTICLES = sorted(
    """으로부터 에서부터 에게서 으로써 으로서 이라고 에서는 에게는 으로는 까지 부터 에서 에게 한테
    으로 처럼 보다 이나 이랑 라고 은 는 이 가 을 를 의 에 와 과 로 도 만 랑""".split(),
    key=len,
    reverse=True,
)


def _russian(word: str) -> str:
    for ending in _RUSSIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _arabic(word: str) -> str:
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    # Suffixes stack (سرطانات = سرطان + ات): strip until none applies.
    stripped = True
    while stripped:
        stripped = False
        for suffix in _ARABIC_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word, stripped = word[: -len(suffix)], True
                break
    return word


def _korean(word: str) -> str:
    for particle in _KOREAN_PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


_STEMMERS: dict[str, Callable[[str], str]] = {"ru": _russian, "ar": _arabic, "ko": _korean}


def stemmer_for(locale: str) -> Callable[[str], str] | None:
    """The stemmer of a locale's language, or None where whole words suffice."""
    return _STEMMERS.get(locale.split("-")[0])
