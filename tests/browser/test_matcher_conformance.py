"""The browser matcher gives the Python engine's spans, in Chromium.

The widget annotates in the page (no text leaves the browser) with
``/widget/matcher.js`` and ``/widget/matcher/<lang>.json``; the server's
``POST /api/v1/annotate`` runs ``Index.annotate``. They must never disagree:
for every text of the evaluation corpus of every locale (held-out texts
included), the same texts rewritten to move UTF-16 offsets and to test
folding (emoji, astral letters, decomposed accents, full-width and
Arabic-Indic digits, directional marks, mixed scripts, case, a 60 KB text),
both with and without ``medical``, the spans are identical. Offsets are
compared in UTF-16 code units, what the matcher returns for DOM ranges.

The page is a host portal on another origin under a strict CSP, so the
script and data load as the widget loads them (CORS, no inline script).
"""

from __future__ import annotations

import unicodedata

import pytest

from tests.support.matcher_cases import (
    cases,
    corpus_locales,
    utf16_offset,
    utf16_spans,
    utf16_table,
)

_PAGE = "/matcher-host"


@pytest.fixture(scope="module")
def matcher_page(host, service, browser):
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title>'
        f'<script src="{service}/widget/matcher.js"></script></head><body></body></html>'
    )
    host.pages[_PAGE] = (html, host.strict_csp())
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(host.origin + _PAGE)
    page.wait_for_function("window.GlossaryMatcher !== undefined")
    yield page
    context.close()
    assert not errors, errors


_ANNOTATE_ALL = """
async ([url, texts]) => {
  const response = await fetch(url);
  const m = GlossaryMatcher.create(await response.json());
  return texts.map(([text, medical]) =>
    m.annotate(text, {medical}).map(s => [s.start, s.end, s.id]));
}
"""


def test_the_corpus_covers_twelve_locales(glossary):
    assert len(corpus_locales()) == 12
    assert set(corpus_locales()) <= set(glossary.locales)


@pytest.mark.parametrize("code", sorted({"de", *corpus_locales()}))
def test_same_spans_as_the_engine(matcher_page, service, glossary, code):
    index = glossary.view(code).index
    texts = [(name, text, med) for name, text in cases(code).items() for med in (False, True)]
    want = [utf16_spans(text, index.annotate(text, medical=medical)) for _, text, medical in texts]
    got = matcher_page.evaluate(
        _ANNOTATE_ALL,
        [f"{service}/widget/matcher/{code}.json", [[text, medical] for _, text, medical in texts]],
    )
    differ = [
        f"{name} (medical={medical}): engine {w[:4]}..., matcher {g[:4]}..."
        for (name, _, medical), w, g in zip(texts, want, got, strict=True)
        if w != g
    ]
    assert not differ, f"{len(differ)} of {len(texts)} texts differ:\n" + "\n".join(differ[:10])
    # Not vacuous: the corpus links hundreds of terms in every locale.
    assert sum(map(len, want)) > (100 if code == "de" else 2000)


def test_offsets_are_utf16_for_astral_text(matcher_page, service, glossary):
    text = "😀😀 metastasis 𝐀 and chemotherapy"
    spans = glossary.view("en").index.annotate(text)
    url = f"{service}/widget/matcher/en.json"
    got = matcher_page.evaluate(_ANNOTATE_ALL, [url, [[text, False]]])[0]
    assert got == [[5, 15, "metastasis"], [23, 35, "chemotherapy"]]
    assert [[utf16_offset(text, s.start), utf16_offset(text, s.end), s.term_id] for s in spans] == (
        got
    )


_TOKENS = """
async ([url, text]) => {
  const m = GlossaryMatcher.create(await (await fetch(url)).json());
  return m.tokens(text);
}
"""


def test_every_character_splits_and_folds_as_in_python(matcher_page, service, glossary):
    """Each character of Python's Unicode database, between spaces: the same
    tokens, offsets and folded keys (the classes and case folding are Python's,
    shipped as data; normalization is the browser's own)."""
    from glossary_service.engine.text import tokens

    chars = [
        chr(cp)
        for cp in range(0x110000)
        if not 0xD800 <= cp < 0xE000 and unicodedata.category(chr(cp)) not in ("Cn", "Cs")
    ]
    text = " ".join(chars)
    at = utf16_table(text)
    want = [[at[t.start], at[t.end], t.key] for t in tokens(text)]
    got = matcher_page.evaluate(_TOKENS, [f"{service}/widget/matcher/en.json", text])
    assert len(got) == len(want) > 100_000
    differ = [(w, g) for w, g in zip(want, got, strict=True) if w != g]
    assert not differ, f"{len(differ)} characters differ, first: {differ[:10]}"
