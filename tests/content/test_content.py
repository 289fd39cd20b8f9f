"""The glossary content: complete, linked, plain, and checked loudly."""

from __future__ import annotations

import re
import statistics

import pytest
import textstat

from glossary_service import create_app
from glossary_service.content import ContentError, load_content


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_at_least_80_terms(content):
    assert len(content.terms) >= 80


@pytest.mark.parametrize(
    "term_id",
    ["metastasis", "no-evidence-of-disease", "remission", "performance-status", "hipec"],
)
def test_must_have_terms(content, term_id):
    assert term_id in content.terms


def test_every_term_is_whole(content):
    for t in content.terms.values():
        assert t.term and t.short_definition and t.definition, t.id
        assert t.sources and t.related, t.id
        assert len(t.short_definition.split()) <= 25, t.id
        assert t.category in content.categories


def test_definitions_are_three_to_six_sentences(content):
    """The house rule: long enough to explain, short enough to read on a phone."""
    for t in content.terms.values():
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", t.definition.strip()) if s]
        assert 3 <= len(sentences) <= 6, (t.id, len(sentences))


def test_abbreviations_are_aliases(content):
    aliases = {a for t in content.terms.values() for a in t.aliases}
    assert {"NED", "PS", "TNM", "HIPEC"} - {t.term for t in content.terms.values()} <= aliases


def test_definitions_are_plain_language():
    """Flesch-Kincaid grade of English definitions: mean <= 7, 90th percentile <= 9."""
    grades = sorted(
        textstat.flesch_kincaid_grade(t.definition) for t in load_content().terms.values()
    )
    p90 = grades[round(0.9 * (len(grades) - 1))]
    assert statistics.mean(grades) <= 7, statistics.mean(grades)
    assert p90 <= 9, p90


def test_no_advice_or_promises(content):
    banned = ["you should", "you must", "will cure", "guarantee", "miracle"]
    for t in content.terms.values():
        text = f"{t.short_definition} {t.definition}".lower()
        assert not [b for b in banned if b in text], t.id


# -- broken content fails loudly, naming the file and the term -----------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('related = ["', 'related = ["no-such-term", "', "related id 'no-such-term' is unknown"),
        ('sources = ["', 'sources = ["999_nothing", "', "source document '999_nothing'"),
        ('short_definition = "', 'short_definition = "' + "word " * 30, "more than 25"),
        ('aliases = ["', 'aliases = ["NED", "', "also claimed by"),
        ('definition = """', 'definition_typo = """', "missing field 'definition'"),
        ('term = "', 'term = "<b>x</b>', "markup"),
    ],
)
def test_broken_content_names_file_line_and_term(broken, old, new, message):
    content_dir = broken("treatment.toml", old, new)
    with pytest.raises(ContentError) as exc:
        load_content(content_dir)
    text = str(exc.value)
    assert message in text
    assert "treatment.toml:" in text and "term 'chemotherapy'" in text


def test_broken_toml_names_the_file(broken):
    content_dir = broken("treatment.toml", "[[terms]]", "[[terms]")
    with pytest.raises(ContentError, match=r"treatment\.toml"):
        load_content(content_dir)


def test_app_refuses_to_start_on_broken_content(broken, translations_dir):
    content_dir = broken("treatment.toml", 'related = ["', 'related = ["nope", "')
    with pytest.raises(ContentError):
        create_app(
            {"GLOSSARY_CONTENT_DIR": content_dir, "GLOSSARY_TRANSLATIONS_DIR": translations_dir}
        )
