"""Portuguese."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

RULES = LanguageRules(
    code="pt",
    plurals=((r"[aeiouãõ]$", 0, "s"), (r"m$", 1, "ns"), (r"[rz]$", 0, "es")),
    number_words=frozenset("zero um uma dois duas três quatro cinco".split()),
    context_cues=(
        "câncer",
        "cancro",
        "oncologia",
        "oncológico",
        "carcinoma",
        "médico",
        "médica",
        "enfermeira",
        "enfermeiro",
        "clínica",
        "hospital",
        "paciente",
        "tratamento",
        "doença",
    ),
    blocking=(
        "localmente avançado",
        "localmente avançada",
        "doença renal crônica estágio 4",
        "lesão por pressão estágio 4",
        "úlcera por pressão estágio 4",
        "hipertermia maligna",
        "hipertensão maligna",
    ),
    patterns=(
        TNM,
        Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER),
        Pattern(names=("RC", "RP", "CR", "PR"), before=r"(?i:resposta)\s*[:=(]?\s*$"),
    ),
)

EXAMPLES = {"plural": [("biópsia", "biópsias"), ("exame", "exames"), ("tumor", "tumores")]}
