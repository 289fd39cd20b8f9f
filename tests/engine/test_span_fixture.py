"""Annotate answers what the engine answered before its rewrite (issue 15).

``fixtures/eval_spans.json`` holds, for every text of ``eval/corpus`` in every
locale (held-out texts, arrangements of them, and each as known-medical), the
spans of the engine's code at the revision it names, run on today's content
and language rules (``tools/engine/span_fixture.py`` makes it). The compiled
matcher must find exactly the same spans: same offsets, same terms, in order.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.engine.span_fixture import DEFAULT_OUT, corpus_texts

FIXTURE = json.loads(Path(DEFAULT_OUT).read_text(encoding="utf-8"))
REGENERATE = (
    "when content, catalogs or language rules changed, regenerate the reference spans: "
    ".venv/bin/python tools/engine/span_fixture.py"
)


def test_the_fixture_covers_every_locale_with_a_corpus(glossary):
    from eval.evaluate import CORPUS

    with_corpus = {code for code in glossary.locales if (CORPUS / code).is_dir()}
    assert set(FIXTURE["spans"]) == with_corpus, REGENERATE


@pytest.mark.parametrize("code", sorted(FIXTURE["spans"]))
def test_annotate_finds_the_reference_spans(glossary, code):
    index = glossary.view(code).index
    expected = FIXTURE["spans"][code]
    texts = corpus_texts(code)
    assert {k.removesuffix(":medical") for k in expected} == set(texts), REGENERATE
    for name, text in texts.items():
        for medical in (False, True):
            key = f"{name}:medical" if medical else name
            got = [[s.start, s.end, s.term_id] for s in index.annotate(text, medical=medical)]
            if got != expected[key]:
                missing = [(text[a:b], a, t) for a, b, t in expected[key] if [a, b, t] not in got]
                extra = [(text[a:b], a, t) for a, b, t in got if [a, b, t] not in expected[key]]
                pytest.fail(f"{code} {key}: missing {missing[:5]}, extra {extra[:5]}; {REGENERATE}")
