"""Every served locale works end to end: lookup, search, annotate, order, direction."""

from __future__ import annotations

import unicodedata

import pytest

from glossary_service.engine.collation import sort_key
from tests.support.catalogs import ALL_LOCALES, RELEASED_LOCALES


def strip_marks(text: str) -> str:
    """What a reader types without accents, tashkeel or tone marks."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", kept).replace("đ", "d").replace("Đ", "D")


def test_every_catalog_is_served(client):
    """English plus a locale per catalog in translations/: nothing else to register."""
    codes = {loc["code"] for loc in client.get("/api/v1/locales").get_json()["locales"]}
    assert codes == set(ALL_LOCALES)


def test_every_released_locale_is_complete_and_says_how_it_was_reviewed(client):
    for loc in client.get("/api/v1/locales").get_json()["locales"]:
        assert loc["status"] in {"released", "draft"}
        if loc["status"] == "released":
            assert loc["completeness"] == 1.0, loc["code"]
        assert loc["review"], loc["code"]
        assert "clinical" not in loc["review"].lower() or "no clinical" in loc["review"].lower()


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_round_trip_every_term_by_its_localized_name(glossary, locale):
    view = glossary.view(locale)
    index = view.index
    for term_id, t in view.terms.items():
        for query in (t.term, t.term.upper(), strip_marks(t.term)):
            match = index.lookup(query)
            assert match is not None and match.term_id == term_id, (locale, term_id, query)


@pytest.mark.parametrize("locale", RELEASED_LOCALES)
def test_no_field_falls_back_to_english(glossary, locale):
    for t in glossary.view(locale).terms.values():
        assert not t.fallback_fields, (locale, t.id, t.fallback_fields)


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_annotate_a_sentence_of_three_localized_names(client, glossary, locale):
    view = glossary.view(locale)
    ids = ["chemotherapy", "biopsy", "palliative-care"]
    names = [view.terms[i].term for i in ids]
    separator = "、" if locale.startswith("zh") else " — "
    text = separator.join(names) + ("。" if locale.startswith("zh") else ".")
    r = client.post("/api/v1/annotate", json={"text": text, "lang": locale})
    body = r.get_json()
    assert body["locale"] == locale
    assert [m["id"] for m in body["matches"]] == ids
    for m in body["matches"]:
        assert text[m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_search_as_you_type_in_each_script(client, glossary, locale):
    name = glossary.view(locale).terms["chemotherapy"].term
    # two thirds of the name: half of "العلاج الكيميائي" is "العلاج ا",
    # which a dozen therapies share
    prefix = name[: max(2, 2 * len(name) // 3)]
    results = client.get("/api/v1/search", query_string={"q": prefix, "lang": locale}).get_json()
    assert "chemotherapy" in [r["id"] for r in results["results"]], (locale, prefix)


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_terms_sorted_for_the_reader(client, glossary, locale):
    body = client.get(f"/api/v1/terms?lang={locale}").get_json()
    view = glossary.view(locale)
    assert [t["id"] for t in body["terms"]] == list(view.sorted_ids)
    if locale not in {"zh-Hans"}:  # zh-Hans follows pinyin keys, checked below
        keys = [sort_key(locale, t["term"])[0] for t in body["terms"]]
        assert keys == sorted(keys)


def test_simplified_chinese_is_in_pinyin_order(client, glossary):
    body = client.get("/api/v1/terms?lang=zh-Hans").get_json()
    terms = {t["id"]: t["term"] for t in body["terms"]}
    order = [t["id"] for t in body["terms"]]
    # 化疗 (hua) comes before 转移 (zhuan), whatever the code points say.
    assert order.index("chemotherapy") < order.index("metastasis"), terms


@pytest.mark.parametrize(
    ("tag", "served"),
    [
        ("zh-CN", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("pt-BR", "pt"),
        ("fil", "tl"),
        ("tl-PH", "tl"),
        ("es-419", "es"),
        ("ar-EG", "ar"),
        ("fr-CA", "fr"),
        ("ht-HT", "ht"),
    ],
)
def test_negotiation_of_real_tags(client, tag, served):
    for r in (
        client.get(f"/api/v1/terms/metastasis?lang={tag}"),
        client.get("/api/v1/terms/metastasis", headers={"Accept-Language": f"{tag},en;q=0.5"}),
    ):
        assert r.headers["Content-Language"] == served
        assert r.get_json()["locale"] == served


def test_arabic_is_right_to_left(client):
    locales = {loc["code"]: loc for loc in client.get("/api/v1/locales").get_json()["locales"]}
    assert locales["ar"]["direction"] == "rtl"
    assert {c for c, loc in locales.items() if loc["direction"] == "rtl"} == {"ar"}


@pytest.mark.parametrize(
    ("locale", "query"),
    [("vi", "hoa tri"), ("ar", "العلاج الكيميائي"), ("ru", "химиотерапией"), ("ko", "항암치료를")],
)
def test_lookup_forms_readers_type(client, locale, query):
    body = client.get("/api/v1/lookup", query_string={"q": query, "lang": locale}).get_json()
    assert body.get("id") == "chemotherapy", body
