"""Texts on which the browser matcher must agree with the Python engine.

Every text of the evaluation corpus (``eval/corpus/<code>/``, held-out texts
included, the gold markup stripped by ``eval/evaluate.py``'s own parser), and
the same texts rewritten in ways that move UTF-16 offsets away from code point
offsets or that test folding: emoji and astral characters before words,
decomposed accents, full-width and Arabic-Indic digits, directional marks,
mixed scripts, upper case, and one long text of about 60 KB.
"""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "eval" / "corpus"


@cache
def _evaluate():
    spec = importlib.util.spec_from_file_location("_evaluate", ROOT / "eval" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def corpus_texts(code: str) -> dict[str, str]:
    """file name -> plain text, for every text of a locale's corpus (none
    for a locale without one, such as a draft)."""
    parse = _evaluate().parse
    folder = CORPUS / code
    return {p.name: parse(p.read_text(encoding="utf-8"))[0] for p in sorted(folder.glob("*.txt"))}


def corpus_locales() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


_FULL_WIDTH = {c: chr(ord(c) - 0x21 + 0xFF01) for c in map(chr, range(0x21, 0x7F))}
_ARABIC_INDIC = str.maketrans({str(d): chr(0x0660 + d) for d in range(10)})
_FULL_WIDTH_DIGITS = str.maketrans({str(d): chr(0xFF10 + d) for d in range(10)})


def _each_word(text: str, before: str) -> str:
    return " ".join(before + w if w else w for w in text.split(" "))


#: name -> how a corpus text is rewritten.
TRANSFORMS = {
    "emoji before every word": lambda t: _each_word(t, "😀"),
    "astral letters and CJK extension B before every word": lambda t: _each_word(t, "𝐀𠀀"),
    "emoji glued to the start": lambda t: "👩‍⚕️🧬" + t,
    "decomposed accents (NFD)": lambda t: unicodedata.normalize("NFD", t),
    "full-width ASCII": lambda t: "".join(_FULL_WIDTH.get(c, c) for c in t),
    "full-width digits": lambda t: t.translate(_FULL_WIDTH_DIGITS),
    "Arabic-Indic digits": lambda t: t.translate(_ARABIC_INDIC),
    "right-to-left marks around words": lambda t: _each_word(t, "\u200f"),
    "upper case": str.upper,
    "lower case": str.lower,
    "CRLF line ends and tabs": lambda t: t.replace("\n", "\r\n").replace(" ", "\t", 3),
    "Greek, Cyrillic and Hebrew mixed in": lambda t: t.replace(". ", ". Σίσυφος Ωμέγα שָׁלוֹם Ёжик. "),
}

#: Short strings aimed at the offset conversion and the boundary rules.
EXTRA = [
    "",
    "😀",
    "😀😀 metastasis 😀",
    "𝐒𝐭𝐚𝐠𝐞 𝟒 and stage 4 cancer",
    "Stage Ⅳ cancer, ＣＴ scan, PD‑L1, ＨＩＰＥＣ.",
    "e\u0301\u0301\u0301 metastasis\u0301 metastasis",
    "Tumor staged T2 N1 M0. ECOG PS 1, partial response (PR).",
    "مرحلة ٤ من السرطان والعلاج الكيميائي",
    "\u202eRTL override\u202c chemotherapy \u2066isolate\u2069 biopsy",
    "(((((((((( metastasis ))))))))))",
    "a\n" * 50 + "chemotherapy\n",
    "🧬" * 500 + " chemotherapy " + "🧬" * 500,
]


def cases(code: str) -> dict[str, str]:
    """Every text for one locale: the corpus, its rewritings, the extras."""
    texts = corpus_texts(code)
    out = dict(texts)
    for name, transform in TRANSFORMS.items():
        for file, text in texts.items():
            out[f"{file}: {name}"] = transform(text)
    for i, text in enumerate(EXTRA):
        out[f"extra {i}"] = text
    long = "\n\n".join(texts.values()) or "\n".join(EXTRA)
    out["about 60 KB"] = ((long + "\n\n") * (60_000 // len(long.encode()) + 1))[:60_000]
    return out


def utf16_offset(text: str, index: int) -> int:
    """A code point offset into text as a UTF-16 code unit offset."""
    return index + sum(1 for c in text[:index] if ord(c) > 0xFFFF)


def utf16_table(text: str) -> list[int]:
    """The UTF-16 offset of every code point offset of text (one pass)."""
    table, at = [], 0
    for c in text:
        table.append(at)
        at += 2 if ord(c) > 0xFFFF else 1
    table.append(at)
    return table


def utf16_spans(text: str, spans) -> list[list]:
    """Engine spans (code points) as the matcher writes them (UTF-16)."""
    if all(ord(c) <= 0xFFFF for c in text):
        return [[s.start, s.end, s.term_id] for s in spans]
    table = utf16_table(text)
    return [[table[s.start], table[s.end], s.term_id] for s in spans]
