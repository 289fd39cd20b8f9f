"""French."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

RULES = LanguageRules(
    code="fr",
    plurals=((r"(eau|eu)$", 0, "x"), (r"al$", 2, "aux"), (r"[^sxz]$", 0, "s")),
    # "immuno-histochimie" is one word, not "immuno" (immunotherapy) + more.
    hyphen_compounds=True,
    number_words=frozenset("zéro un une deux trois quatre cinq".split()),
    context_cues=(
        "cancer",
        "cancers",
        "oncologie",
        "oncologique",
        "carcinome",
        "médecin",
        "docteur",
        "infirmière",
        "infirmier",
        "clinique",
        "hôpital",
        "patient",
        "patiente",
        "traitement",
        "maladie",
    ),
    blocking=(
        "localement avancé",
        "localement avancée",
        "cancer localement avancé",
        "maladie rénale chronique stade 4",
        "insuffisance rénale chronique stade 4",
        "escarre stade 4",
        "escarre de stade 4",
        "hyperthermie maligne",
        "hypertension maligne",
    ),
    patterns=(
        TNM,
        Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER),
        # RP is also "radiographie pulmonaire": only as a response.
        Pattern(names=("RC", "RP", "CR", "PR"), before=r"(?i:réponse)\s*[:=(]?\s*$"),
    ),
)

EXAMPLES = {
    "plural": [("bureau", "bureaux"), ("ganglion", "ganglions"), ("métastase", "métastases")]
}
