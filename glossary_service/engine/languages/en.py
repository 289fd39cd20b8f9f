"""English."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_BEFORE, TNM

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
        # Not stage 4: often treated to cure.
        "locally advanced",
        "locally advanced cancer",
        "locally advanced disease",
        # Other diseases are staged too.
        "kidney disease stage 4",
        "chronic kidney disease stage 4",
        "CKD stage 4",
        "stage 4 kidney disease",
        "stage 4 chronic kidney disease",
        "stage 4 CKD",
        "pressure ulcer stage 4",
        "stage 4 pressure ulcer",
        "stage 4 pressure injury",
        "stage 4 bedsore",
        "heart failure stage",
        "stage 4 heart failure",
        "stage 4 liver disease",
        "stage 4 endometriosis",
        "stage 4 lymphedema",
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
        ("She has locally advanced cancer.", []),
        ("Call 10:00 AM PDT.", []),
    ],
}
