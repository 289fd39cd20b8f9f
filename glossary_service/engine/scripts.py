"""Script-level facts shared by every language: character ranges and folds.

A query or a text may be in any script, whatever the locale, so these hold for
all languages (spaCy keeps the same role in ``lang/char_classes.py``). The
tools import them too, so there is one copy of each range.
"""

from __future__ import annotations

# Characters that form a token on their own: Han ideographs, kana. Readers of
# these scripts do not put spaces between words, so a term can start and end at
# any character.
CJK = (
    r"\u3040-\u30ff"  # hiragana, katakana
    r"\u3400-\u4dbf"  # CJK extension A
    r"\u4e00-\u9fff"  # CJK unified ideographs
    r"\uf900-\ufaff"  # compatibility ideographs
    r"\U00020000-\U0002ffff"  # extensions B and later
)

# Combining marks are not word characters to ``re``, but they belong to the
# word they sit on (decomposed accents, Arabic tashkeel, Cyrillic stress marks).
MARKS = (
    r"\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    r"\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)

# Letters that do not decompose under NFKD but that readers still type without
# their marks (Vietnamese đ, Polish ł, Nordic ø...).
EXTRA_FOLDS = str.maketrans(
    {
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ø": "o",
        "ħ": "h",
        "ı": "i",
        # Arabic: letters readers write interchangeably, and the tatweel
        # (a stretching stroke that carries no meaning).
        "ى": "ي",
        "ة": "ه",
        "ـ": None,
        # Arabic-Indic and Persian digits are digits: "المرحلة ٤" is stage 4.
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        # Typographic apostrophes and hyphens become their ASCII selves.
        "\u2019": "'",
        "\u2018": "'",
        "\u2010": "-",
        "\u2011": "-",
    }
)

# Characters a name may never be matched across: brackets, quotes and the
# punctuation that ends a clause or a sentence ("Distant (Stage" is not a name).
# Whitespace and hyphens join the words of a name; anything else between two
# words must be in the name itself ("Tumor, Node, Metastasis").
SPAN_JOINERS = frozenset(" \t\u00a0\u202f-\u2010\u2011'\u2019")

# Sentence ends, for "the same sentence" in context and pattern checks (not
# colons: "PS: 1", "Diagnosis: metastasis" are one clause). A full stop ends a
# sentence only before white space and something other than a lower-case letter
# or a digit: "10.5", "p. m.", "e.g. chemo" do not end one.
SENTENCE_END = r"[!?\u3002\uff01\uff1f\u061f\u06d4\n]|\.(?=\s+[^\s\da-z\u00df-\u00ff]|\s*$)"

# Roman numerals as readers write stage numbers (folded to lower case).
ROMAN_NUMERALS = frozenset("i ii iii iv v vi vii viii ix x xi xii".split())
