"""Linking policies, blocking phrases and safe misspellings, on a small index."""

from __future__ import annotations

import pytest

from glossary_service.engine import Index, NamedTerm, PolicyError, parse_name
from glossary_service.engine.languages import LanguageRules, Pattern

RULES = LanguageRules(
    code="xx",
    context_cues=("doctor",),
    blocking=("locally advanced", "weather forecast"),
    patterns=(Pattern(names=("T2", "N1"), before=r"[TN]\d\s*$", after=r"^\s*[TN]\d"),),
    number_words=frozenset({"four", "two"}),
)
TERMS = [
    NamedTerm(
        "stage-4", "stage 4 cancer", ("stage 4", "advanced cancer"), policies={"stage 4": "context"}
    ),
    NamedTerm("forecast", "prognosis", ("forecast",), policies={"forecast": "context"}),
    NamedTerm("metastasis", "metastasis", ("metastases",)),
    NamedTerm("t", "T category", ("T2",)),
    NamedTerm("n", "N category", ("N1",)),
    NamedTerm("pr", "partial response", ("PR",), policies={"PR": "pattern"}),
    NamedTerm("distant", "distant stage", ("distant",), policies={"distant": "lookup"}),
    NamedTerm("durable", "durable response", ("durability",)),
    NamedTerm("cure", "cure", ("curable",)),
]


@pytest.fixture(scope="module")
def index():
    return Index("xx", TERMS, RULES)


def linked(index, text):
    return [(text[s.start : s.end], s.term_id) for s in index.annotate(text)]


class TestMarkers:
    def test_parse(self):
        assert parse_name("химия {context}") == ("химия", "context")
        assert parse_name(" PS {pattern} ") == ("PS", "pattern")
        assert parse_name("distant {lookup}") == ("distant", "lookup")
        assert parse_name("metastasis") == ("metastasis", "always")

    @pytest.mark.parametrize("raw", ["x {kontekst}", "{context}", "a {context} b", "x {", "x }"])
    def test_bad_markers_are_errors(self, raw):
        with pytest.raises(PolicyError):
            parse_name(raw)


class TestPolicies:
    def test_context_name_needs_a_medical_passage(self, index):
        assert linked(index, "Stage 4 water restrictions start today.") == []
        assert linked(index, "The doctor said stage 4.") == [("stage 4", "stage-4")]
        # A name marked "always" nearby is a sign too.
        assert linked(index, "No metastases. Not stage 4.") == [
            ("metastases", "metastasis"),
            ("stage 4", "stage-4"),
        ]

    def test_a_name_is_not_its_own_cue(self, index):
        assert linked(index, "The forecast is sunny.") == []

    def test_pattern_name_only_in_its_shape(self, index):
        assert linked(index, "Staged T2 N1 today.") == [("T2", "t"), ("N1", "n")]
        assert linked(index, "The T2 bus.") == []
        assert linked(index, "He has a PR firm.") == []

    def test_abbreviation_in_brackets_after_its_own_name(self, index):
        assert linked(index, "A partial response (PR) was seen.") == [
            ("partial response", "pr"),
            ("PR", "pr"),
        ]

    def test_lookup_only_names_are_never_linked_but_found(self, index):
        assert linked(index, "A distant hill, said the doctor.") == []
        assert index.lookup("distant").term_id == "distant"

    def test_blocking_phrases_consume_their_words(self, index):
        assert linked(index, "Locally advanced cancer, said the doctor.") == []
        assert index.lookup("locally advanced") is None
        assert linked(index, "The doctor read the weather forecast.") == []


class TestSpans:
    def test_never_across_brackets_quotes_or_sentence_ends(self):
        idx = Index(
            "xx",
            [NamedTerm("seer", "SEER program", ()), NamedTerm("d", "distant stage", ())],
            RULES,
        )
        assert linked(idx, "The distant (stage) SEER) program.") == []
        assert linked(idx, 'The "distant" stage.') == []
        assert linked(idx, "It was distant. Stage two.") == []
        assert linked(idx, "The distant stage.") == [("distant stage", "d")]

    def test_compatibility_characters_match_their_plain_forms(self):
        idx = Index("xx", [NamedTerm("iv", "stage IV", ("IV期",))], RULES)
        text = "肺癌Ⅳ期 and stage Ⅳ"
        assert [text[s.start : s.end] for s in idx.annotate(text)] == ["Ⅳ期", "stage Ⅳ"]


class TestSafeMisspellings:
    @pytest.mark.parametrize("query", ["stage 2", "stage 1", "stage 0", "stage 3", "stage 44"])
    def test_a_number_is_never_changed(self, index, query):
        match = index.lookup(query)
        assert match is None or match.term_id != "stage-4"

    def test_roman_numerals_and_number_words_too(self):
        idx = Index("xx", [NamedTerm("s4", "stage IV", ("stage four",))], RULES)
        for query in ("stage II", "stage III", "stage V", "stage two"):
            assert idx.lookup(query) is None, query
        assert idx.lookup("stage fuor") is None  # a misspelt number word is not that number

    def test_first_letter_is_taken_as_typed(self, index):
        assert index.lookup("durable") is None or index.lookup("durable").term_id != "cure"
        assert index.lookup("metastasus").term_id == "metastasis"

    def test_stage_2_suggests_staging_not_stage_4(self, index):
        assert "stage-4" not in [m.term_id for m in index.suggest("stage 2")]


class TestContains:
    def test_a_longer_query_answers_the_name_it_holds(self, index):
        match = index.lookup("stage 4 cancer of the lung")
        assert (match.term_id, match.by) == ("stage-4", "contains")

    def test_only_as_running_text_would_link_it(self, index):
        assert index.lookup("stage 4 water restrictions") is None
        assert index.lookup("locally advanced cancer") is None


class TestLookupRespectsWhatWasTyped:
    def test_short_abbreviations_in_capitals_or_lower_case_not_mixed(self):
        idx = Index("xx", [NamedTerm("cr", "complete response", ("CR",))], RULES)
        assert idx.lookup("CR").term_id == "cr"
        assert idx.lookup("cr").term_id == "cr"
        assert idx.lookup("Cr") is None  # creatinine

    def test_marks_that_tell_words_apart(self):
        idx = Index("vi", [NamedTerm("prognosis", "tiên lượng", ())])
        assert idx.lookup("tiên lượng").term_id == "prognosis"
        assert idx.lookup("tien luong").term_id == "prognosis"
        assert idx.lookup("tiền lương") is None  # salary


class TestInflectedBlocking:
    def test_a_blocking_phrase_in_another_case_form_still_blocks(self):
        rules = LanguageRules(
            code="ru", suffixes=("ами", "ы", "и"), min_stem=3, blocking=("метастазы бюрократии",)
        )
        idx = Index("ru", [NamedTerm("m", "метастаз", ("метастазами",))], rules)
        assert idx.annotate("метастазами бюрократии") == []
        assert [s.term_id for s in idx.annotate("с метастазами в печени")] == ["m"]

    def test_a_blocked_stem_is_not_looked_up(self):
        rules = LanguageRules(code="ru", suffixes=("ия", "и"), min_stem=3, blocking=("хирург",))
        idx = Index("ru", [NamedTerm("surgery", "хирургия", ())], rules)
        assert idx.lookup("хирургия").term_id == "surgery"
        assert idx.lookup("хирурги") is None


def test_two_names_in_a_short_query_are_context_enough(index):
    match = index.lookup("forecast after stage 4")
    assert match is not None and match.by == "contains"
    assert index.lookup("stage 4 water restrictions") is None


def test_arabic_indic_digits_are_digits():
    idx = Index("xx", [NamedTerm("s4", "stage 4", ())], RULES)
    assert idx.lookup("stage ٤").term_id == "s4"
    assert idx.lookup("stage ۴").term_id == "s4"


def test_two_letters_dropped_from_a_long_name_are_forgiven():
    idx = Index(
        "xx", [NamedTerm("pc", "palliative care", ()), NamedTerm("s4", "stage 4 cancer", ())], RULES
    )
    assert idx.lookup("palative care").term_id == "pc"  # two deletions, 15 letters
    assert idx.lookup("stage 2 cancer") is None  # still never a number
