"""Rules several languages share, written once and imported by their modules."""

from __future__ import annotations

from . import Pattern

#: TNM categories are written the same way in every language: a category is
#: linked only inside a TNM string, next to another category ("T2 N1 M0",
#: "pT3 N0"), so "free T4" (a thyroid test) or "M1 money supply" stay plain.
_TNM_BEFORE = r"(?<![\w])[cpyra]?[TNM](?:[0-4xX]|is)[a-d]?\s*[,/]?\s*$"
_TNM_AFTER = r"^\s*[,/]?\s*[cpyra]?[TNM](?:[0-4xX]|is)[a-d]?(?![\w])"
TNM = Pattern(
    names=(*"T0 T1 T2 T3 T4 N0 N1 N2 N3 M0 M1 M1a M1b M1c".split(),),
    before=_TNM_BEFORE,
    after=_TNM_AFTER,
)

#: Stage numbers in digits and Roman numerals, 0 to IV: what other staged
#: conditions ("CKD stage 3") share with cancer's stages. Each language adds
#: its number words and the sub-stages it writes.
STAGE_NUMERALS = ("0", "1", "2", "3", "4", "I", "II", "III", "IV")

#: ECOG performance status is written "ECOG PS 1", "PS: 2", "PS=0".
PS_AFTER = r"^\s*[:=]?\s*[0-4](?![\w.,]\d)"
PS_BEFORE = r"(?:ECOG|WHO|OMS|ВОЗ|Zubrod)\s*$"

#: The performance-status abbreviation in its clinical shapes, as most
#: languages write it.
PS = Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER)
