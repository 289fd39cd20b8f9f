"""Haitian Creole."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

RULES = LanguageRules(
    code="ht",
    number_words=frozenset("youn en de twa kat senk".split()),
    context_cues=(
        "kansè",
        "timè",
        "doktè",
        "enfimyè",
        "lopital",
        "klinik",
        "pasyan",
        "tretman",
        "maladi",
        "onkoloji",
    ),
    blocking=("avanse lokalman",),
    patterns=(TNM, Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER)),
)
