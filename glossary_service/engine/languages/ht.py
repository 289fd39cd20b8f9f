"""Haitian Creole.

Creole nouns do not inflect (the plural is the word "yo" after the noun), so
there are no plural rules; French plurals that clinicians write ("métastases")
are listed as aliases. "Etap" is both a cancer stage and a numbered step
("Etap 4: Ajoute farin lan"), so the stage names are linked only in the shapes
that make them a stage of a cancer.
"""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS, STAGE_NUMERALS, TNM

# One TNM category as written: "T2", "pT3", "N1a", "Tis", "Mx".
_CODE = r"[cpyra]?[TNM](?:[0-4xX]|is)[a-d]?"
# A short explanation in brackets after a category: "T1 (piti) rive T4".
_GLOSS = r"(?:\([^()\n]{1,40}\)\s*)?"
# Words that join categories in a range or a choice: "T1 rive T4", "N0 oswa N1".
_JOIN = r"(?:rive(?:\s+nan)?|jiska|jouk|a|oswa|ou|ak)"

#: Categories with a letter ("T4b", "N1a"): the same shapes as the shared TNM
#: rule, since "T1a" or "Tis" alone are no sure sign of a tumor category.
_TNM_LETTERED = Pattern(
    names=(
        *"Tis T1a T1b T1c T2a T2b T3a T3b T4a T4b T4c T4d".split(),
        *"N1a N1b N1c N2a N2b N2c N3a N3b N3c".split(),
    ),
    before=rf"(?<![\w]){_CODE}\s*[,/]?\s*$",
    after=rf"^\s*[,/]?\s*{_CODE}(?![\w])",
)

#: Staging leaflets explain the categories one by one: "N0 vle di non",
#: "soti T1 (piti) rive T4". A category is linked where it is defined ("vle
#: di", means) or stands in a range or choice with another category.
_TNM_EXPLAINED = Pattern(
    names=(*TNM.names, *_TNM_LETTERED.names),
    before=rf"(?<![\w]){_CODE}\s*{_GLOSS}{_JOIN}\s*$",
    after=rf"^\s*{_GLOSS}(?:(?:sa\s+)?vle\s+di\b|{_JOIN}\s+{_CODE}(?![\w]))",
)

#: "etap 4" is a cancer stage after the name of a cancer in the same sentence
#: ("kansè tete l nan etap 4", "kansè a te nan etap IV"), or in "se etap 4
#: mwen ye" (I am at stage 4); never in a list of steps ("Etap 4: ...", "nan
#: etap 4 la, ajoute..."). A sentence that names stage 4 cancer plainly
#: ("kansè metastatik") links it too (the engine's rule for pattern names).
_CANCER_BEFORE = (
    r"(?i:\b(?:kans[eè]|cancer|karsin[oò]m|carcinome|sark[oò]m|lenf[oò]m|lymphome"
    r"|melan[oò]m|mélanome|lesemi|leucémie|miyel[oò]m|myel[oò]m|myélome|timè|tumeur)\b)"
    r"[^.;:!?\n]{0,60}$"
    # or right after a TNM string: "T4b N1 M0, etap IIIB".
    r"|(?<![\w])[cpyra]?[TNM](?:[0-4xX]|is)[a-d]?\s*[,(]?\s*$"
)
_STAGE_AFTER = r"^\s*(?i:(?:mwen|m|li|l|ou|w|nou|n|yo|y)\s+ye\b)"
_STAGE_4 = Pattern(
    names=("etap 4", "etap IV", "etap kat", "estad 4", "stage 4"),
    before=_CANCER_BEFORE,
    after=_STAGE_AFTER,
)

#: Stages 0-3 in the same shapes as stage 4: "kansè tete a nan etap 2",
#: "T2 N1 M0, etap IIB"; never "Etap 2: Mande..." in a list of steps.
_STAGE_0_3 = Pattern(
    names=(
        *"etap 0|etap zewo|etap 1|etap I|etap 2|etap II|etap 3|etap III|etap twa".split("|"),
        *(
            f"etap {n}{x}"
            for n, xs in (
                ("1", "AB"),
                ("I", "AB"),
                ("2", "AB"),
                ("II", "AB"),
                ("3", "ABC"),
                ("III", "ABC"),
            )
            for x in xs
        ),
    ),
    before=_CANCER_BEFORE,
    after=_STAGE_AFTER,
)

# Stage names of other conditions: a phrase ending in "etap"/"stade" takes
# that word, so no stage name can start there ("maladi ren kwonik etap 3").
_OTHER_CONDITIONS = (
    "maladi ren kwonik",
    "maladi ren",
    "ensifizans renal",
    "ensifizans renal kwonik",
    "ren yo",
    "eskar",
    "blesi kabann",
    "ensifizans kadyak",
    "kè fèb",
    "tansyon",
    "tansyon wo",
    "tansyon ateryèl",
    "lenfedèm",
    "andometryoz",
    "dòmi",
    "tranche",
    "akouchman",
    "maladie rénale chronique",
    "insuffisance rénale chronique",
    "insuffisance rénale",
    "MRC",
    "IRC",
    "escarre",
    "insuffisance cardiaque",
    "HTA",
    "hypertension",
    "R-ISS",
    "ISS",
)
OTHER_STAGED_BEFORE = tuple(
    f"{what} {link}{word}"
    for what in _OTHER_CONDITIONS
    for link in ("", "nan ", "de ", "au ")
    for word in ("etap", "stade")
)
#: "etap 2 nan dòmi", "etap 1 tranche", "etap 3 maladi ren".
OTHER_STAGED_AFTER = (
    "nan dòmi",
    "dòmi",
    "tranche",
    "nan tranche",
    "nan akouchman",
    "akouchman",
    "maladi ren",
    "nan maladi ren",
    "tansyon",
    "eskar",
    "du sommeil",
    "du travail",
)
STAGE_NUMBERS = (
    *STAGE_NUMERALS,
    *"1A 1B 2A 2B 3A 3B 3C IIA IIB IIIA IIIB IIIC".split(),
)

RULES = LanguageRules(
    code="ht",
    number_words=frozenset("zewo youn en de twa kat senk".split()),
    # Strong signs of a medical passage. "tretman" stays ("tretman an", the
    # treatment) but "tretman dlo" (water treatment) is blocked below.
    context_cues=(
        "kansè",
        "cancer",
        "timè",
        "doktè",
        "enfimyè",
        "lopital",
        "klinik",
        "pasyan",
        "tretman",
        "maladi",
        "onkoloji",
        "medikaman",
        "lafyèv",
        "doulè",
    ),
    blocking=(
        # Other conditions are staged too.
        *OTHER_STAGED_BEFORE,
        *(
            f"{w} {n} {what}"
            for w in ("etap", "stade")
            for n in STAGE_NUMBERS
            for what in OTHER_STAGED_AFTER
        ),
        # Church: a healing service, the remission of sins.
        "sèvis gerizon",
        "kwazad gerizon",
        "gerizon diven",
        "remisyon peche",
        "remisyon peche yo",
        "remisyon pou peche",
        "rémission des péchés",
        # A thyroid test, not a tumor category.
        "T4 lib",
        "T4 libre",
        "T3 lib",
        "T3 libre",
        # Water treatment: not a sign of a medical passage.
        "tretman dlo",
    ),
    patterns=(
        TNM,
        _TNM_LETTERED,
        _TNM_EXPLAINED,
        _STAGE_4,
        _STAGE_0_3,
        PS,
        # "Pi bon repons: PR", "repons (PR)"; not "ER+/PR+", "entèval PR".
        Pattern(
            names=("CR", "PR"),
            before=r"(?i:repons|réponse|RECIST)\s*(?:(?:la|a|se|te|pi\s+bon)\s+){0,2}[:=(]?\s*$",
        ),
    ),
)

EXAMPLES = {
    "annotate": [
        ("Timè a klase T4b N1 M0.", ["Timè", "T4b", "N1", "M0"]),
        ("N0 vle di non.", ["N0"]),
        ("Li gen yon kansè avanse lokalman.", ["kansè avanse lokalman"]),
        ("Kansè tete a nan etap 2. Etap 3: Mennen yon moun avè w.", ["Kansè tete", "etap 2"]),
        ("Kansè poumon, men li gen maladi ren kwonik etap 3.", ["Kansè poumon"]),
        ("Etap 4: Ajoute farin lan.", []),
        ("Kansè tete a te deja nan etap IV.", ["Kansè tete", "etap IV"]),
        ("ECG: entèval PR nòmal. Reseptè ER+/PR+.", []),
        ("Tès tiwoyid: TSH 2,1; T4 lib 1,2.", []),
        ("Legliz la ap fè yon sèvis gerizon dimanch.", []),
    ],
}
