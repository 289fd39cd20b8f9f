"""The browser matcher's data: Python's classes and folds as ranges, regular
expressions translated for JavaScript, and one locale's index as data.

That the JavaScript gives the same spans is shown in Chromium
(``tests/browser/test_matcher_conformance.py``); these check the Python side
without a browser.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from glossary_service.engine import charsets, export, index, scripts, text
from glossary_service.engine.index import Index, NamedTerm
from glossary_service.engine.jsregex import Translator, case_variants
from glossary_service.engine.languages import LANGUAGE_MODULES, rules_for

MATCHER_JS = Path(__file__).resolve().parents[2] / "glossary_service" / "static" / "matcher.js"


def _members(ranges) -> set[int]:
    return {cp for a, b in ranges for cp in range(a, b + 1)}


def _decode(encoded: str):
    out, at = [], 0
    for part in encoded.split(","):
        start, _, length = part.partition("+")
        first = at + int(start, 16)
        at = first + int(length or "0", 16)
        out.append((first, at))
    return tuple(out)


@pytest.mark.parametrize(
    ("table", "pattern"),
    [(charsets.word, r"\w"), (charsets.digit, r"\d"), (charsets.space, r"\s")],
)
def test_classes_are_pythons_own(table, pattern):
    compiled = re.compile(pattern)
    members = _members(table())
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        assert (cp in members) == bool(compiled.match(chr(cp))), hex(cp)
    assert _decode(charsets.encode(table())) == table()


def test_casefold_table_is_str_casefold():
    table: dict[int, str] = {}
    for run in charsets.casefold_table().split(";"):
        fields = run.split(",")
        first = int(fields[0], 16)
        if fields[1].startswith("="):
            table[first] = run.split("=", 1)[1]
            continue
        count, step, delta = int(fields[1], 16), int(fields[2], 16), int(fields[3], 16)
        for k in range(count):
            table[first + k * step] = chr(first + k * step + delta)
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        assert table.get(cp, chr(cp)) == chr(cp).casefold(), hex(cp)


def test_set_operations():
    a = ((ord("a"), ord("z")),)
    assert charsets.minus(a, charsets.of_chars("m")) == ((97, 108), (110, 122))
    assert charsets.complement(charsets.complement(a)) == a


# -- regular expressions ----------------------------------------------------


def js(pattern: str) -> str:
    return Translator().translate(pattern)


def test_python_meanings_are_kept():
    # $ also before a final newline; . is anything but \n.
    assert js("a$") == "a(?=\\n?$)"
    assert js("^a.") == "^a[^\\n]"
    assert js(r"a\Z") == "a$"
    # Python's IGNORECASE: the long s is an s, the Kelvin sign a k.
    assert js("(?i:sk)") == "(?:[Ssſ][Kk\u212a])"
    assert set(case_variants("k")) == {"k", "K", "\u212a"}
    assert js("a{2,3}?b*") == "a{2,3}?b*"
    assert js(r"(?<![\w])x(?!\d)").startswith("(?<![")


def test_large_classes_are_shared():
    tr = Translator()
    one = tr.translate(r"\w+")
    two = tr.translate(r"[\w]-")
    assert one == "[\x000;]+" and two == "[\x000;]-"
    assert _decode(tr.classes[0]) == charsets.word()


@pytest.mark.parametrize("pattern", [r"a*+", r"(?>a)", r"(a)?(?(1)b)", r"(?a:\w)"])
def test_what_javascript_cannot_say_is_refused(pattern):
    with pytest.raises(ValueError):
        js(pattern)


@pytest.mark.parametrize("language", sorted(LANGUAGE_MODULES))
def test_every_pattern_of_every_language_translates(language):
    tr = Translator()
    for pattern in rules_for(language).patterns:
        for source in (pattern.before, pattern.after):
            if source:
                out = tr.translate(source)
                assert "\\w" not in out and "\\d" not in out and "\\s" not in out


def test_engine_rules_translate():
    tr = Translator()
    for source in (
        text._TOKEN.pattern,
        scripts.SENTENCE_END,
        index._OPEN_BRACKET.pattern,
        index._CLOSE_BRACKET.pattern,
        index._LETTER_HYPHEN.pattern,
        index._HYPHEN_LETTER.pattern,
        index._WORD.pattern,
    ):
        assert tr.translate(source)


# -- one locale as data -------------------------------------------------------


def _small_index() -> Index:
    terms = [
        NamedTerm("metastasis", "metastasis", ("mets", "stage 4 {context}")),
        NamedTerm("partial-response", "partial response", ("PR {pattern}",)),
    ]
    named = [
        NamedTerm(t.id, t.term, tuple(a.split(" {")[0] for a in t.aliases), (), _policies(t))
        for t in terms
    ]
    return Index("en", named)


def _policies(t: NamedTerm) -> dict[str, str]:
    return {a.split(" {")[0]: a.split("{")[1].rstrip("}") for a in t.aliases if "{" in a}


def test_data_shape():
    data = export.export(_small_index())
    assert data["format"] == export.FORMAT
    assert re.fullmatch(rf"{export.FORMAT}-[0-9a-f]{{16}}", data["version"])
    assert set(data["terms"]) == {"metastasis", "partial-response"}
    by_tokens = {n[0]: n for n in data["names"]}
    assert by_tokens["stage 4"][2] == 1  # context
    pr = by_tokens["pr"]
    assert pr[2] == 2 and pr[4] == "PR" and pr[5] == 2  # pattern, written in capitals
    assert data["patterns"][pr[8][0]][1] or data["patterns"][pr[8][0]][0]
    # Blocking phrases of the language are names without a term.
    assert by_tokens["ckd stage"][1] == -1
    assert "cancer" in data["cues"]
    assert data["stem"] is None


def test_version_follows_the_data():
    a = export.export(_small_index())["version"]
    assert export.export(_small_index())["version"] == a
    other = Index("en", [NamedTerm("metastasis", "metastasis", ("mets",))])
    assert export.export(other)["version"] != a


def test_matcher_js_holds_no_language_rule():
    """The JavaScript interprets data: no word of any language (it is ASCII)
    and no language code appear in it."""
    source = MATCHER_JS.read_text(encoding="utf-8")
    assert source.isascii()
    codes = set(LANGUAGE_MODULES) | {"zh-Hans", "zh-Hant"}
    quoted = set(re.findall(r"[\"']([A-Za-z-]{2,7})[\"']", source))
    assert not quoted & codes
