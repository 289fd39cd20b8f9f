"""Meaning-safe linking on the real glossary: the reviewed failures, as classes.

The gold corpus (``make eval``) measures precision and recall in every
locale; these are the findings of the reviews, held as tests.
"""

from __future__ import annotations

import pytest

from glossary_service.engine.languages import LANGUAGE_MODULES, examples_for


def linked(glossary, code, text):
    view = glossary.view(code)
    return [(text[s.start : s.end], s.term_id) for s in view.index.annotate(text)]


@pytest.mark.parametrize(
    "query",
    ["stage 0", "stage I", "stage II", "stage III", "stage 1", "stage 2", "stage 3", "stage two"],
)
def test_other_stages_never_look_up_as_stage_4(glossary, query):
    match = glossary.english.lookup(query)
    assert match is None or match.term_id != "stage-4-cancer", match


@pytest.mark.parametrize(
    ("code", "query"), [("es", "etapa 1"), ("es", "estadio 2"), ("ru", "2 стадия")]
)
def test_other_stages_never_stage_4_in_other_languages(glossary, code, query):
    match = glossary.view(code).lookup(query)
    assert match is None or match.term_id != "stage-4-cancer", match


def test_durable_is_not_cure(glossary):
    match = glossary.english.lookup("durable")
    assert match is None or match.term_id != "cure"


@pytest.mark.parametrize(
    "text",
    [
        "Creatinine (CR) 1.1 mg/dL.",
        "Her free T4 was normal.",
        "Call us at 10:00 AM PDT.",
        "PS: bring your insurance card.",
        "Meet at Terminal 2.",
        "History of malignant hyperthermia with anesthesia.",
        "Stage 4 pressure ulcer on the sacrum.",
        "Chronic kidney disease stage 4.",
        "CKD stage 3 and stage 2 high blood pressure.",
        "Stage 4 water restrictions start Monday.",
    ],
)
def test_look_alikes_are_not_linked_in_english(glossary, text):
    assert linked(glossary, "en", text) == []


def test_locally_advanced_is_its_own_term_never_stage_4(glossary):
    assert linked(glossary, "en", "She has locally advanced cancer.") == [
        ("locally advanced cancer", "locally-advanced-cancer")
    ]
    for query in ("locally advanced", "locally advanced disease", "stage 2", "stage III"):
        assert glossary.english.lookup(query).term_id != "stage-4-cancer", query


def test_the_same_abbreviations_in_their_clinical_shape(glossary):
    text = "Staged T2 N1 M0. ECOG PS 1. Best response: PR. Complete response (CR) after chemo."
    ids = [i for _, i in linked(glossary, "en", text)]
    for expected in (
        "t-category",
        "n-category",
        "m-category",
        "partial-response",
        "complete-response",
    ):
        assert expected in ids


def test_spans_never_cross_brackets(glossary):
    text = "Distant (Stage IV) disease; the SEER) Program"
    for surface, _ in linked(glossary, "en", text):
        assert "(" not in surface and ")" not in surface


def test_vietnamese_tone_placement_both_ways(glossary):
    for text in ("Bệnh nhân đã hoá trị.", "Bệnh nhân đã hóa trị."):
        assert [i for _, i in linked(glossary, "vi", text)] == ["chemotherapy"], text


def test_longer_phrase_looks_up_the_name_it_holds(glossary):
    match = glossary.english.lookup("Stage 4 bladder cancer")
    assert (match.term_id, match.by) == ("stage-4-cancer", "contains")
    # of two names, the longer one answers; the other is a search away
    match = glossary.english.lookup("stage 2 lung cancer")
    assert (match.term_id, match.by) == ("lung-cancer", "contains")


@pytest.mark.parametrize(
    ("language", "case"),
    [
        pytest.param(lang, case, id=f"{lang}-{i}")
        for lang in sorted(LANGUAGE_MODULES)
        for i, case in enumerate(examples_for(lang).get("annotate", ()))
    ],
)
def test_language_annotate_examples(glossary, language, case):
    text, surfaces = case
    code = next(c for c in glossary.locales if c.split("-")[0] == language)
    assert [s for s, _ in linked(glossary, code, text)] == surfaces


def test_other_names_list_words_not_their_inflected_forms(glossary):
    view = glossary.english
    names = view.other_names(view.terms["biopsy"])
    assert "tissue biopsy" in names
    assert "biopsies" not in names and "tissue biopsies" not in view.other_names(
        view.terms["biopsy"]
    )
    # every form is still matched
    assert glossary.english.lookup("biopsies").term_id == "biopsy"
    t_cell = view.other_names(view.terms["t-cell"])
    assert "T lymphocyte" in t_cell and "T-cells" not in t_cell
