"""Alphabetical order and initials per language, and inflected forms."""

from __future__ import annotations

import pytest

from glossary_service.engine.affixes import stemmer
from glossary_service.engine.collation import initial, sort_key
from glossary_service.engine.index import Index, NamedTerm
from glossary_service.engine.languages import rules_for


def ordered(locale, words):
    return sorted(words, key=lambda w: sort_key(locale, w))


def test_spanish_n_tilde_is_its_own_letter_after_n():
    assert ordered("es", ["ñame", "oso", "nube", "árbol", "azul"]) == [
        "árbol",
        "azul",
        "nube",
        "ñame",
        "oso",
    ]
    assert initial("es", "Ñame") == "ñ"
    assert initial("es", "Árbol") == "a"


def test_vietnamese_letters_follow_their_base_letters():
    assert ordered("vi", ["điều trị", "dạ dày", "ung thư", "ưu", "ăn", "an"]) == [
        "an",
        "ăn",
        "dạ dày",
        "điều trị",
        "ung thư",
        "ưu",
    ]
    assert initial("vi", "Điều trị") == "đ"
    assert initial("vi", "hóa trị") == "h"


def test_arabic_ignores_the_article():
    words = ["السرطان", "ورم", "الأشعة", "خزعة"]
    assert ordered("ar", words) == ["الأشعة", "خزعة", "السرطان", "ورم"]
    assert initial("ar", "السرطان") == "س"


def test_russian_yo_sorts_with_ye():
    assert ordered("ru", ["ёлка", "ель", "еда"]) == ["еда", "ёлка", "ель"]


def test_sort_key_override_for_chinese():
    assert sort_key("zh-Hans", "化疗", "hua4 liao2") < sort_key("zh-Hans", "免疫疗法", "mian3 yi4")
    assert initial("zh-Hans", "化疗", "hua4 liao2") == "h"


@pytest.mark.parametrize(
    ("locale", "names", "text", "found"),
    [
        ("ru", ("химиотерапия",), "После химиотерапии и с химиотерапией.", 2),
        ("ru", ("метастазы",), "Метастазов нет, метастаза одна.", 2),
        ("ar", ("العلاج الكيميائي",), "يعالج بالعلاج الكيميائي", 1),
        ("ar", ("السرطان",), "سرطانات الثدي والسرطان", 2),
        ("ko", ("화학요법",), "화학요법을 받았고 화학요법은 끝났다", 2),
    ],
)
def test_inflected_forms_are_found_in_text(locale, names, text, found):
    index = Index(locale, [NamedTerm("t", names[0], names[1:])])
    spans = index.annotate(text)
    assert len(spans) == found
    assert all(s.term_id == "t" for s in spans)


def test_inflected_lookup():
    index = Index("ru", [NamedTerm("t", "химиотерапия", ())])
    assert index.lookup("химиотерапией").by == "inflection"


def test_stems_keep_short_words_whole():
    stem = stemmer(rules_for("ru"))
    assert stem("рак") == "рак"
    assert stemmer(rules_for("en")) is None


def test_vietnamese_tones_tell_words_apart_in_text():
    index = Index("vi", [NamedTerm("prognosis", "tiên lượng", ())])
    text = "Tiên lượng tốt, tiền lương thấp, tien luong?"
    assert [text[s.start : s.end] for s in index.annotate(text)] == ["Tiên lượng", "tien luong"]
    assert index.lookup("tien luong").term_id == "prognosis"
