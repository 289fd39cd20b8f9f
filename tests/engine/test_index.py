"""The matching engine on its own: no Flask, no HTTP."""

from __future__ import annotations

import unicodedata

import pytest

from glossary_service.engine.fuzzy import edit_distance
from glossary_service.engine.index import Index, NamedTerm
from glossary_service.engine.text import fold, phrase_key, tokens

TERMS = [
    NamedTerm("metastasis", "metastasis", ("metastases", "metastasize", "spread of cancer")),
    NamedTerm("no-evidence-of-disease", "no evidence of disease", ("NED",)),
    NamedTerm("nsclc", "non-small cell lung cancer", ("NSCLC",)),
    NamedTerm("sclc", "small cell lung cancer", ("SCLC",)),
    NamedTerm("biopsy", "biopsy", ()),
    NamedTerm("partial-response", "partial response", ("PR",)),
    NamedTerm("chemotherapy", "chemotherapy", ("chemo",)),
]


@pytest.fixture(scope="module")
def index():
    return Index("en", TERMS)


@pytest.fixture(scope="module")
def spanish():
    return Index(
        "es",
        [
            NamedTerm("metastasis", "metástasis", ("metástasis ósea",), ("metastasis",)),
            NamedTerm("chemotherapy", "quimioterapia", ("quimio",), ("chemotherapy", "chemo")),
            NamedTerm("remission", "remisión", (), ("remission",)),
        ],
    )


@pytest.fixture(scope="module")
def chinese():
    return Index("zh-Hans", [NamedTerm("chemotherapy", "化疗", ("化学治疗",), ("chemotherapy",))])


class TestNormalization:
    @pytest.mark.parametrize(
        "text",
        ["Métastase", "HÓA TRỊ", "السَّرَطَانُ", "Straße", "ﬁbrosis", "Ñandú", "화학요법", "化疗"],
    )
    def test_fold_is_idempotent(self, text):
        assert fold(fold(text)) == fold(text)

    def test_fold_ignores_case_and_accents(self):
        assert fold("Metástasis") == fold("METASTASIS") == "metastasis"
        assert fold("hóa trị") == "hoa tri"
        assert fold("đau") == "dau"

    def test_arabic_tashkeel_and_hamza_forms_fold_away(self):
        assert fold("السَّرَطَانُ") == fold("السرطان")
        assert fold("أورام") == fold("اورام")

    def test_decomposed_and_composed_text_match(self):
        nfd = unicodedata.normalize("NFD", "métastase")
        assert phrase_key(nfd) == phrase_key("métastase")

    def test_tokens_keep_code_point_offsets(self):
        text = "Ó T-cells, 化疗!"
        assert [text[t.start : t.end] for t in tokens(text)] == ["Ó", "T", "cells", "化", "疗"]

    def test_edit_distance_counts_transpositions_once(self):
        assert edit_distance("metsatasis", "metastasis", 2) == 1
        assert edit_distance("abc", "xyz", 1) == 2


class TestLookup:
    @pytest.mark.parametrize(
        ("query", "term_id", "by"),
        [
            ("metastasis", "metastasis", "term"),
            ("METASTASES", "metastasis", "alias"),
            ("ned", "no-evidence-of-disease", "alias"),
            ("biopsies", "biopsy", "inflection"),
            ("metastisis", "metastasis", "misspelling"),
            ("  non small-cell   lung cancer ", "nsclc", "term"),
        ],
    )
    def test_finds_names_aliases_forms_and_misspellings(self, index, query, term_id, by):
        match = index.lookup(query)
        assert (match.term_id, match.by) == (term_id, by)
        assert 0 < match.score <= 1

    @pytest.mark.parametrize("query", ["xyz", "", "   ", "!!!", "ne", "the"])
    def test_nothing_close_is_none(self, index, query):
        assert index.lookup(query) is None

    def test_short_words_are_not_fuzzed_into_other_words(self, index):
        assert index.lookup("bio") is None
        # Four letters: one edit away is too often another word ("chem" is
        # chemistry as often as chemo).
        assert index.lookup("chem") is None
        assert index.lookup("chemoo").term_id == "chemotherapy"

    def test_accent_insensitive_with_exact_accent_ranked_first(self, spanish):
        exact = spanish.lookup("metástasis")
        plain = spanish.lookup("metastasis")
        assert exact.term_id == plain.term_id == "metastasis"
        assert exact.score > plain.score

    def test_english_names_work_in_other_locales(self, spanish):
        match = spanish.lookup("chemo")
        assert (match.term_id, match.by) == ("chemotherapy", "english")

    def test_chinese_without_spaces(self, chinese):
        assert chinese.lookup("化疗").term_id == "chemotherapy"
        assert chinese.lookup("化学治疗").term_id == "chemotherapy"


class TestSearch:
    def test_prefix_matches_come_first(self, index):
        ids = [m.term_id for m in index.search("met")]
        assert ids[0] == "metastasis"

    def test_later_words_then_inside_words(self, index):
        results = index.search("cell")
        assert {m.term_id for m in results} == {"nsclc", "sclc"}
        inside = index.search("stasis")
        assert [m.term_id for m in inside] == ["metastasis"]

    def test_prefix_outranks_later_word(self, index):
        scores = {m.term_id: m.score for m in index.search("small")}
        assert scores["sclc"] > scores["nsclc"]

    def test_close_misspellings_last(self, index):
        results = index.search("metsa")
        assert results and results[0].term_id == "metastasis"
        assert results[0].by == "misspelling"

    def test_accents_and_case_ignored(self, spanish):
        assert spanish.search("METAS")[0].term_id == "metastasis"
        assert spanish.search("remis")[0].term_id == "remission"

    def test_one_result_per_term_and_limit(self, index):
        results = index.search("c", limit=2)
        assert len(results) == 2
        assert len({m.term_id for m in index.search("c")}) == len(index.search("c"))

    def test_chinese_inside_words(self, chinese):
        assert chinese.search("疗")[0].term_id == "chemotherapy"


class TestAnnotate:
    def test_longest_match_whole_words_no_overlap(self, index):
        text = "Biopsies showed non-small cell lung cancer, and metastases; NED later."
        spans = index.annotate(text)
        found = [(text[s.start : s.end], s.term_id) for s in spans]
        assert found == [
            ("Biopsies", "biopsy"),
            ("non-small cell lung cancer", "nsclc"),
            ("metastases", "metastasis"),
            ("NED", "no-evidence-of-disease"),
        ]

    def test_not_inside_other_words(self, index):
        assert index.annotate("chemotherapeutic metastasization biopsyx") == []

    def test_short_abbreviations_only_in_capitals(self, index):
        text = "The ned team saw NED and a Ned."
        assert [text[s.start : s.end] for s in index.annotate(text)] == ["NED"]

    def test_offsets_are_code_points(self, index):
        text = "😀 é chemo"
        (span,) = index.annotate(text)
        assert text[span.start : span.end] == "chemo"

    def test_chinese_text_without_spaces(self, chinese):
        text = "她接受了化疗和化学治疗。"
        spans = chinese.annotate(text)
        assert [text[s.start : s.end] for s in spans] == ["化疗", "化学治疗"]

    def test_accents_ignored_in_text(self, spanish):
        text = "Metastasis osea y quimio."
        assert [text[s.start : s.end] for s in spanish.annotate(text)] == [
            "Metastasis osea",
            "quimio",
        ]


def test_the_folding_cache_is_bounded_in_words_and_bytes():
    from glossary_service.engine import text

    info = text._fold_cached.cache_info()
    assert info.maxsize == text.CACHE_WORDS
    before = info.currsize
    text.tokens("x" * 10_000 + " " + "\ufdfa" * 40)  # neither is a word to keep
    assert text._fold_cached.cache_info().currsize == before


def test_misspelling_tables_are_built_on_the_first_miss_only():
    idx = Index("en", TERMS)
    assert idx.lookup("metastasis").by == "term"
    assert "_fuzzy_keys" not in vars(idx)  # an exact lookup needs no tables
    assert idx.lookup("metastasus").by == "misspelling"
    assert "_fuzzy_keys" in vars(idx)
