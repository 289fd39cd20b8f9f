"""Spanish."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

RULES = LanguageRules(
    code="es",
    plurals=((r"[aeiouáéó]$", 0, "s"), (r"z$", 1, "ces"), (r"[^s]$", 0, "es")),
    own_letters={"ñ": "n~"},
    number_words=frozenset("cero uno una dos tres cuatro cinco".split()),
    context_cues=(
        "cáncer",
        "oncología",
        "oncológico",
        "oncológica",
        "carcinoma",
        "médico",
        "médica",
        "doctor",
        "doctora",
        "enfermera",
        "enfermero",
        "clínica",
        "hospital",
        "paciente",
        "tratamiento",
        "enfermedad",
    ),
    blocking=(
        "localmente avanzado",
        "localmente avanzada",
        "cáncer localmente avanzado",
        "enfermedad renal crónica estadio 4",
        "enfermedad renal crónica etapa 4",
        "úlcera por presión estadio 4",
        "úlcera por presión grado 4",
        "hipertermia maligna",
        "hipertensión maligna",
        "remisión a",
        "remisión al",
        "remisión a oncología",
    ),
    patterns=(
        TNM,
        Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER),
        Pattern(names=("RC", "RP", "CR", "PR"), before=r"(?i:respuesta)\s*[:=(]?\s*$"),
    ),
)

EXAMPLES = {
    "plural": [("metástasis", None), ("biopsia", "biopsias"), ("tumor", "tumores")],
    "sort": ["nódulo", "ñame", "oncólogo"],
    "initial": [("ñame", "ñ"), ("Ácido", "a")],
}
