"""Russian: nouns and adjectives take case endings (метастазы, метастазов,
метастазами); the stemmer cuts them so that forms of a name meet."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

RULES = LanguageRules(
    code="ru",
    # Written as readers write them; the engine folds them (й as и, ё as е)
    # the way it folds text.
    suffixes=tuple(
        """иями ями ами иях ией ием иям ого его ому ему ыми ими ях ах ов ев ей ой
        ом ем ам ям ию ия ии ие ый ий ая яя ое ее ые ых их ым им ую юю ою ею ью а я о е у ю ы
        и ь й""".split()
    ),
    min_stem=3,
    sort_equivalents={"ё": "е"},
    number_words=frozenset(
        "ноль один одна два две три четыре пять первая вторая третья четвертая".split()
    ),
    context_cues=(
        "рак",
        "онкология",
        "онколог",
        "опухоль",
        "карцинома",
        "врач",
        "доктор",
        "медсестра",
        "клиника",
        "больница",
        "пациент",
        "пациентка",
        "лечение",
        "заболевание",
        "болезнь",
        "диагноз",
    ),
    blocking=(
        "местно-распространённый",
        "местнораспространённый",
        "местно распространённый",
        "самый распространённый",
        "наиболее распространённый",
        "самая распространённая",
        "наиболее распространённая",
        "прогноз погоды",
        "злокачественная гипертермия",
        "злокачественная гипертензия",
        "хроническая болезнь почек 4 стадии",
        "пролежень 4 стадии",
        "пролежни 4 стадии",
    ),
    patterns=(
        TNM,
        Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER),
    ),
)

EXAMPLES = {
    "stem": [("метастазами", "метастаз"), ("метастазов", "метастаз"), ("рак", "рак")],
    "sort": ["ежедневно", "ёлка", "желудок"],
}
