"""English."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_BEFORE, STAGE_NUMERALS, TNM

# Stage names of other conditions: "CKD stage 3", "stage 2 high blood pressure".
# A phrase ending in "stage" takes that word, so no stage name can start there.
OTHER_STAGED_BEFORE = (
    "kidney disease stage",
    "CKD stage",
    "pressure ulcer stage",
    "pressure injury stage",
    "heart failure stage",
    "hypertension stage",
    "lymphedema stage",
    "sleep stage",
)
OTHER_STAGED_AFTER = (
    "kidney disease",
    "chronic kidney disease",
    "CKD",
    "pressure ulcer",
    "pressure injury",
    "bedsore",
    "heart failure",
    "liver disease",
    "endometriosis",
    "lymphedema",
    "hypertension",
    "high blood pressure",
    "sleep",
    "of labor",
    "of labour",
)
STAGE_NUMBERS = (*STAGE_NUMERALS, "one", "two", "three", "four")

RULES = LanguageRules(
    code="en",
    plurals=(
        (r"[^aeiou]y$", 1, "ies"),
        (r"is$", 2, "es"),
        (r"(s|ed|ing)$", 0, None),
        (r"(x|z|ch|sh)$", 0, "es"),
        (r"[a-z]$", 0, "s"),
    ),
    number_words=frozenset("zero one two three four five".split()),
    context_cues=(
        "cancer",
        "cancers",
        "oncology",
        "carcinoma",
        "doctor",
        "nurse",
        "clinic",
        "hospital",
        "patient",
        "disease",
        "illness",
        "hospice",
    ),
    blocking=(
        # Other conditions are staged too; a stage number there is not cancer's.
        *OTHER_STAGED_BEFORE,
        *(f"stage {n} {what}" for n in STAGE_NUMBERS for what in OTHER_STAGED_AFTER),
        "malignant hyperthermia",
        "malignant hypertension",
        "terminal 1",
        "terminal 2",
        "terminal 3",
        "terminal 4",
        "bus terminal",
        "airport terminal",
        "computer terminal",
    ),
    patterns=(
        TNM,
        Pattern(
            names=("PS",),
            before=PS_BEFORE,
            after=r"^\s*(?:[:=]|is|was|of)?\s*[0-4](?![\w.,]\d)",
        ),
        # "Best response: PR", "responded with a CR".
        Pattern(
            names=("CR", "PR"),
            before=r"(?i:response|responded|resp\.?)\s*[:=(]?\s*(?:a\s+|an\s+)?$",
        ),
    ),
)

EXAMPLES = {
    "plural": [("biopsy", "biopsies"), ("metastasis", "metastases"), ("tumor", "tumors")],
    "annotate": [
        ("Tumor staged T2 N1 M0.", ["Tumor", "T2", "N1", "M0"]),
        ("Her free T4 was normal.", []),
        ("ECOG PS 1, partial response (PR).", ["ECOG PS", "partial response", "PR"]),
        ("She has locally advanced cancer.", ["locally advanced cancer"]),
        ("CKD stage 3 and stage 2 high blood pressure.", []),
        ("Call 10:00 AM PDT.", []),
    ],
}
