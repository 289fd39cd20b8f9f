"""Each language module's rules, proven by the examples it carries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from glossary_service.engine import initial, sort_key
from glossary_service.engine.affixes import plural, stemmer
from glossary_service.engine.index import Index
from glossary_service.engine.languages import DEFAULTS, LANGUAGE_MODULES, examples_for, rules_for
from glossary_service.engine.text import fold

LANGUAGES = sorted(LANGUAGE_MODULES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_rules_load_and_say_which_language(language):
    rules = rules_for(language)
    assert rules.code == language
    for pattern in rules.patterns:
        for expr in (pattern.before, pattern.after):
            re.compile(expr)
    # Blocking phrases and cues are not empty strings.
    assert all(p.strip() for p in (*rules.blocking, *rules.context_cues))


def test_a_language_without_a_module_gets_the_defaults():
    assert rules_for("sv") is DEFAULTS
    assert rules_for("x-klingon") is DEFAULTS


def _cases(kind: str):
    return [
        pytest.param(language, case, id=f"{language}-{i}")
        for language in LANGUAGES
        for i, case in enumerate(examples_for(language).get(kind, ()))
    ]


@pytest.mark.parametrize(("language", "case"), _cases("same_stem"))
def test_forms_of_a_word_meet(language, case):
    stem = stemmer(rules_for(language))
    assert stem is not None
    assert len({stem(fold(form)) for form in case}) == 1, case


@pytest.mark.parametrize(("language", "case"), _cases("plural"))
def test_plural_examples(language, case):
    name, expected = case
    assert plural(rules_for(language), name) == expected


@pytest.mark.parametrize(("language", "case"), _cases("initial"))
def test_initial_examples(language, case):
    word, expected = case
    assert initial(language, word) == expected


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if examples_for(lang).get("sort")])
def test_sort_examples(language):
    words = examples_for(language)["sort"]
    assert sorted(words, key=lambda w: sort_key(language, w)) == words


@pytest.mark.parametrize(("language", "case"), _cases("fold_marks"))
def test_mark_spellings_agree(language, case):
    a, b = case
    index = Index(language, [])
    assert index._canonical_marks(a) == index._canonical_marks(b)


def test_every_language_module_is_registered():
    here = Path(__file__).resolve().parents[2] / "glossary_service" / "engine" / "languages"
    assert {p.stem for p in here.glob("[a-z]*.py")} == set(LANGUAGE_MODULES)
