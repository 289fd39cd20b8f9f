"""Tagalog / Filipino (catalog "fil", served as "tl")."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

RULES = LanguageRules(
    code="tl",
    number_words=frozenset("isa dalawa tatlo apat lima one two three four".split()),
    context_cues=(
        "kanser",
        "cancer",
        "tumor",
        "bukol",
        "doktor",
        "doctor",
        "nars",
        "nurse",
        "ospital",
        "hospital",
        "klinika",
        "pasyente",
        "gamutan",
        "paggamot",
        "sakit",
    ),
    blocking=("locally advanced", "lokal na advanced", "malignant hyperthermia"),
    patterns=(TNM, Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER)),
)
