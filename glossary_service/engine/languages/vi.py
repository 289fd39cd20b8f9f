"""Vietnamese: tones tell words apart (tiên lượng, prognosis; tiền lương,
salary), and two spellings of tone placement are both in use (hoá and hóa)."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

# The five tone marks, as combining characters.
_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _tone_placements() -> tuple[tuple[str, str], ...]:
    """Old style puts the tone on the first vowel of oa, oe, uy (hóa, khỏe,
    thúy); new style on the second (hoá, khoẻ, thuý). Both map to the new."""
    import unicodedata

    pairs = []
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            old = unicodedata.normalize("NFC", first + tone + second)
            new = unicodedata.normalize("NFC", first + second + tone)
            pairs.append((old, new))
            pairs.append((old.upper(), new.upper()))
    return tuple(pairs)


RULES = LanguageRules(
    code="vi",
    own_letters={"ă": "a~", "â": "a~~", "đ": "d~", "ê": "e~", "ô": "o~", "ơ": "o~~", "ư": "u~"},
    marks_matter=True,
    mark_variants=_tone_placements(),
    # Syllables are short; one edit in a short syllable is another word.
    fuzzy_lengths=(7, 12),
    number_words=frozenset("một hai ba bốn năm mot bon nam".split()),
    context_cues=(
        "ung thư",
        "khối u",
        "bác sĩ",
        "bác sỹ",
        "điều dưỡng",
        "y tá",
        "bệnh viện",
        "phòng khám",
        "bệnh nhân",
        "điều trị",
        "chẩn đoán",
        "ung bướu",
    ),
    blocking=(
        "tiến triển tốt",
        "tiến triển tốt đẹp",
        "tiến triển thuận lợi",
        "tiến triển khả quan",
        "không còn dấu hiệu bệnh tiến triển",
        "tiến bộ",
    ),
    patterns=(TNM, Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER)),
)

EXAMPLES = {
    "sort": ["u", "ung thư", "ưu tiên"],
    "fold_marks": [("hoá trị", "hóa trị"), ("khoẻ", "khỏe"), ("thuý", "thúy")],
}
