"""German (a draft catalog: few terms translated yet)."""

from __future__ import annotations

from . import LanguageRules
from ._shared import PS, TNM

RULES = LanguageRules(
    code="de",
    # German nouns capitalised and plurals irregular: the catalog lists forms.
    number_words=frozenset("null eins ein eine zwei drei vier fünf".split()),
    context_cues=(
        "Krebs",
        "Krebserkrankung",
        "Tumor",
        "Onkologie",
        "onkologisch",
        "Karzinom",
        "Arzt",
        "Ärztin",
        "Klinik",
        "Krankenhaus",
        "Patient",
        "Patientin",
        "Pflegekraft",
        "Station",
    ),
    blocking=(
        "lokal fortgeschritten",
        "lokal fortgeschrittener",
        "lokal fortgeschrittenen",
        "lokal fortgeschrittener Krebs",
        "lokal fortgeschrittenes",
        "chronische Nierenerkrankung Stadium 4",
        "Niereninsuffizienz Stadium 4",
        "Dekubitus Stadium 4",
        "Dekubitus im Stadium 4",
        "maligne Hyperthermie",
    ),
    patterns=(TNM, PS),
)

EXAMPLES = {
    "annotate": [
        ("Ein lokal fortgeschrittener Krebs ist kein Stadium 4.", []),
    ],
}
