"""Tagalog / Filipino (catalog "fil", served as "tl").

Filipino clinical writing is Taglish: notes and leaflets keep the English
medical words inside Tagalog sentences, so many names are English and carry
the same everyday look-alikes as in English, plus Philippine ones: "CR" is the
comfort room (toilet), "PR" a public relations officer or a personal record,
"terminal" a bus or airport terminal, "operasyon" a police or train operation,
"stage 4" a stage of a race or of construction, "lunas" any remedy.
"""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS, STAGE_NUMERALS, TNM

# Stage names of other conditions, as Filipino clinicians and patients write
# them in Taglish: "CKD stage 3", "stage 2 na pressure ulcer", "stage 1
# hypertension", "stage 2 ng labor". A phrase ending in "stage" takes that
# word, so no stage name can start there.
OTHER_STAGED_BEFORE = (
    "kidney disease stage",
    "CKD stage",
    "pressure ulcer stage",
    "pressure injury stage",
    "pressure sore stage",
    "bedsore stage",
    "heart failure stage",
    "hypertension stage",
    "altapresyon stage",
    "lymphedema stage",
    "sleep stage",
    "labor stage",
)
OTHER_STAGED_AFTER = (
    "kidney disease",
    "chronic kidney disease",
    "CKD",
    "sakit sa bato",
    "pressure ulcer",
    "pressure injury",
    "pressure sore",
    "bedsore",
    "sugat sa likod",
    "heart failure",
    "liver disease",
    "sakit sa atay",
    "endometriosis",
    "lymphedema",
    "hypertension",
    "high blood pressure",
    "altapresyon",
    "alta presyon",
    "sleep",
    "tulog",
    "labor",
    "labour",
    "panganganak",
)
STAGE_NUMBERS = (
    *STAGE_NUMERALS,
    "one",
    "two",
    "three",
    "four",
    # CKD stage 3 has sub-stages of its own.
    "3a",
    "3b",
    "IIIa",
    "IIIb",
)

RULES = LanguageRules(
    code="tl",
    number_words=frozenset("isa dalawa tatlo apat lima one two three four".split()),
    context_cues=(
        # Strong signs of a health passage only. Not bare "sakit" ("sakit ng
        # ulo" is also any trouble) nor "bukol" (a bump on the head).
        "kanser",
        "cancer",
        "tumor",
        "oncology",
        "onkolohiya",
        "doktor",
        "doktora",
        "doctor",
        "dok",
        "nars",
        "nurse",
        "ospital",
        "hospital",
        "klinika",
        "clinic",
        "pasyente",
        "patient",
        "gamutan",
        "paggamot",
        "karamdaman",
        "may sakit",
        "nagkasakit",
        "reseta",
        "lagnat",
        "pagsusuka",
        "pagtatae",
    ),
    blocking=(
        # "Locally advanced" is a term of its own (never stage 4): not blocked.
        "malignant hyperthermia",
        "malignant hypertension",
        # Other conditions are staged too; a stage number there is not cancer's.
        *OTHER_STAGED_BEFORE,
        *(
            f"stage {n}{link}{what}"
            for n in STAGE_NUMBERS
            for link in (" ", " na ", " ng ")
            for what in OTHER_STAGED_AFTER
        ),
        # Places and machines, not an illness that cannot be cured.
        "bus terminal",
        "terminal ng bus",
        "jeepney terminal",
        "jeep terminal",
        "terminal ng jeep",
        "tricycle terminal",
        "terminal ng tricycle",
        "van terminal",
        "ferry terminal",
        "airport terminal",
        "passenger terminal",
        "integrated terminal",
        "ticketing terminal",
        "computer terminal",
        "payment terminal",
        "terminal fee",
        "NAIA Terminal",
        "terminal 1",
        "terminal 2",
        "terminal 3",
        "terminal 4",
        # Tests and readings that hold a TNM or response abbreviation.
        "free T4",
        "free T3",
        "PR interval",
        # The department, not the treatment.
        "Radiation Oncology",
        "Department of Radiation Oncology",
        # Sunlight, not radiation therapy.
        "UV radiation",
        "ultraviolet radiation",
        "solar radiation",
        "radiation ng araw",
        "radiation mula sa araw",
        # A hospital's or a train line's running, not surgery.
        "operasyon ng ospital",
        "operasyon ng klinika",
        "normal na operasyon",
        # Home remedies for a symptom, not a cure of cancer.
        "lunas sa ubo",
        "lunas sa sipon",
        "lunas sa lagnat",
        "lunas sa sakit ng ulo",
        "lunas sa pananakit",
        "lunas sa pagtatae",
        "lunas sa pagsusuka",
        "lunas sa hilo",
        "lunas sa kabag",
        # A bump from a knock, not a tumor.
        "bukol sa noo",
        # Other cancers, named like the glossary's lung and breast cancer but
        # one or two letters away: a lookup must not take kidney, bone, heart,
        # blood or skin cancer, or cancer in children, for "kanser sa baga"
        # or "kanser sa suso".
        *(
            f"{c} {p} {organ}"
            for c in ("kanser", "cancer")
            for p in ("sa", "ng")
            for organ in ("bato", "buto", "bata", "puso", "dugo", "balat")
        ),
        # Real words one letter from a name: misspelling tolerance must not
        # turn Monday into a cure, "besides" or a knot into a tumor, or
        # "lacking" into a lymph node.
        "lunes",
        "lunan",
        "lumas",
        "bukod",
        "buhol",
        "bakol",
        "bukal",
        "bulol",
        "kulang",
        "pluma",
        "tutor",
        "imagine",
        "regime",
        "regiment",
        "curse",
    ),
    patterns=(
        TNM,
        # Sub-categories with a letter: linked only inside a TNM string.
        Pattern(
            names=tuple(
                "T1a T1b T1c T2a T2b T3a T3b T4a T4b T4c T4d Tis "
                "N1a N1b N1c N2a N2b N2c N3a N3b N3c".split()
            ),
            before=TNM.before,
            after=TNM.after,
        ),
        PS,
        # "Tiyan" is the belly and the stomach: the lining of the stomach
        # (gastritis, where stomach cancer starts) is not the peritoneum. It is
        # the peritoneum where cancer has spread to it.
        Pattern(
            names=("lining ng tiyan",),
            before=r"(?i:kumalat|pagkalat|kakalat|lumipat|metasta\w*)(?:\s+[\w-]+){0,5}\s+(?:sa|ng)\s+$",
        ),
        # "Best response: PR", "tugon sa gamutan: CR"; never the comfort room.
        Pattern(
            names=("CR", "PR"),
            before=r"(?i:(?:response|responded|resp\.?|tugon)(?:\s+(?:sa|to)\s+[\w-]+)?|RECIST)"
            r"\s*[:=(]?\s*(?:a\s+|an\s+|ay\s+)?$",
        ),
    ),
)

EXAMPLES = {
    "annotate": [
        ("Tumor staged T2a N2 M1b.", ["Tumor", "T2a", "N2", "M1b"]),
        ("Saan po ang CR sa 3rd floor?", []),
        ("Bubuksan na ang bagong bus terminal sa Lunes.", []),
        ("Normal ang PR interval. Best response: PR.", ["PR"]),
        ("Tugon sa gamutan: CR. Ang CR ay nasa 2nd floor.", ["CR"]),
        ("Kumalat na ang kanser sa lining ng tiyan.", ["Kumalat na ang kanser", "lining ng tiyan"]),
        ("Pamamaga ng lining ng tiyan ang gastritis.", []),
        # Locally advanced is its own term, never stage 4 or advanced cancer.
        ("Locally advanced na kanser sa colon.", ["Locally advanced na kanser"]),
        # Other conditions' stages are not cancer's.
        ("May CKD stage 3 at stage 2 na pressure ulcer.", []),
        ("Stage 1 hypertension lang po, sabi ng doktor.", []),
        ("Stage III na kanser sa colon.", ["Stage III na kanser"]),
    ],
}
