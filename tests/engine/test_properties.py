"""Properties of the engine (text.py, index.py) for any input, with Hypothesis.

Readers paste anything: combining marks, right-to-left text and its control
characters, emoji sequences, NUL, lone surrogates (JSON may carry them as
``\\ud800`` escapes), 64 KiB at once. For all of it, on the real indexes of
every served locale and on synthetic ones:
- annotate returns sorted, non-overlapping spans on token boundaries, and
  the API's ``text`` is exactly ``input[start:end]`` in code points;
- lookup and search never raise, and answer in their documented ranges;
- normalization is idempotent and blind to the Unicode normal form.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_service.engine.index import Index, NamedTerm
from glossary_service.engine.text import fold, phrase_key, tokens

LOOKUP_BY = {"term", "alias", "inflection", "english", "misspelling", "contains"}
EXACT_BY = LOOKUP_BY - {"misspelling", "contains"}
KIB_64 = 64 * 1024

# Every code point, surrogates included (hypothesis leaves them out by default).
any_char = st.characters(exclude_categories=())
# Characters that have broken text engines before, weighted in on purpose.
awkward_char = st.sampled_from(
    [
        "\x00",  # NUL
        "\u0301",  # combining acute, on whatever comes before
        "\u0651",  # Arabic shadda
        "\u200d",  # zero-width joiner (emoji sequences)
        "\u200f",  # right-to-left mark
        "\u202e",  # right-to-left override
        "\u2066",  # left-to-right isolate
        "\ufeff",  # byte order mark / zero-width no-break space
        "\ud800",  # lone high surrogate
        "\udfff",  # lone low surrogate
        "\ufffd",  # replacement character
        "\U0001f9ec",  # emoji (astral)
        "\u0645",  # Arabic letter
        "\u05d2",  # Hebrew letter
        "\u5316",  # Chinese ideograph
        "\u1100",  # Hangul jamo
        "ß",
        "İ",
        "ﬁ",
        "½",
        "_",
        "-",
        "'",
        " ",
        "\n",
        "\t",
    ]
)
# Sequences that only mean something together.
awkward_piece = st.sampled_from(
    [
        "\U0001f469\u200d\u2695\ufe0f",  # emoji ZWJ sequence: health worker
        "\U0001f1ea\U0001f1f8",  # regional indicators: flag of Spain
        "\u0645\u0631\u0636",  # Arabic word
        "\u05d2\u05e8\u05d5\u05e8\u05d4",  # Hebrew word
        "\u202bmetastasis\u202c",  # an English term inside right-to-left embedding
        "\u5316\u7597",  # Chinese: chemotherapy
        "\u1100\u1161\u11a8",  # Hangul jamo that NFC composes into one syllable
        "me\u0301ta\u0301stasis",  # decomposed accents
        "<script>alert(1)</script>",
    ]
)
fragment = st.one_of(
    st.text(any_char, max_size=12), st.text(awkward_char, max_size=6), awkward_piece
)


@st.composite
def texts(draw, names: list[str] | None = None, max_parts: int = 40) -> str:
    """Hostile text, with glossary names mixed in so that spans do occur."""
    parts = st.one_of(fragment, st.sampled_from(names)) if names else fragment
    return "".join(draw(st.lists(parts, max_size=max_parts)))


@st.composite
def big_texts(draw, names: list[str]) -> str:
    """About 64 KiB of UTF-8: a drawn chunk of hostile text and names, repeated."""
    chunk = draw(texts(names, max_parts=60)) + " "
    size = len(chunk.encode("utf-8", "surrogatepass"))
    return chunk * (KIB_64 // size)


# -- fixtures: the real indexes --------------------------------------------


@pytest.fixture(scope="module")
def served(glossary) -> dict[str, Index]:
    """Every served locale's real index (English, Spanish, and whatever else)."""
    return {code: glossary.view(code).index for code in glossary.locales}


@pytest.fixture(scope="module")
def names(glossary) -> list[str]:
    """Every name and alias of every term, in every served locale."""
    found = set()
    for code in glossary.locales:
        for t in glossary.view(code).terms.values():
            found.update((t.term, *t.aliases))
    return sorted(found)


# -- checks shared by real and synthetic indexes ----------------------------


def check_spans(index: Index, text: str) -> None:
    spans = index.annotate(text)
    starts = {t.start for t in tokens(text)}
    ends = {t.end for t in tokens(text)}
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text), spans
        # Whole words: a span begins and ends where tokens do (where particles
        # are written joined, as in Korean, it may end before the particle).
        assert span.start in starts, (span, text[span.start : span.end])
        assert span.end in ends or index.rules.particles_outside_span, (
            span,
            text[span.start : span.end],
        )
        previous_end = span.end
    # What the API answers: text == submitted[start:end], in code points.
    for span in spans:
        assert text[span.start : span.end] and len(text[span.start : span.end]) == (
            span.end - span.start
        )
    assert index.annotate(text) == spans  # deterministic


def check_lookup_and_search(index: Index, query: str) -> None:
    match = index.lookup(query)
    if match is not None:
        assert match.by in LOOKUP_BY
        assert 0 <= match.score <= 1
    for limit in (1, 10, 50):
        results = index.search(query, limit)
        assert len(results) <= limit
        ids = [m.term_id for m in results]
        assert len(ids) == len(set(ids))
        scores = [m.score for m in results]
        assert scores == sorted(scores, reverse=True)
        assert all(0 <= s <= 1 for s in scores)


# -- the real indexes --------------------------------------------------------

# Real indexes are built once per module, and hypothesis does not reset them.
REAL = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@REAL
@given(data=st.data())
def test_annotate_spans_on_any_text(served, names, data):
    code = data.draw(st.sampled_from(sorted(served)), label="locale")
    text = data.draw(texts(names), label="text")
    check_spans(served[code], text)


@settings(REAL, max_examples=12)
@given(data=st.data())
def test_annotate_64_kib(served, names, data):
    code = data.draw(st.sampled_from(sorted(served)), label="locale")
    text = data.draw(big_texts(names), label="text")
    assert KIB_64 // 2 <= len(text.encode("utf-8", "surrogatepass")) <= KIB_64
    check_spans(served[code], text)


@REAL
@given(data=st.data())
def test_lookup_and_search_never_raise(served, names, data):
    code = data.draw(st.sampled_from(sorted(served)), label="locale")
    # Queries as the API takes them (up to 200 characters), names and near-names.
    query = data.draw(
        st.one_of(
            texts(names, max_parts=8).map(lambda q: q[:200]),
            st.sampled_from(names).map(lambda n: n[:-1] or n),
            st.sampled_from(names).map(str.upper),
        ),
        label="query",
    )
    check_lookup_and_search(served[code], query)


def test_every_name_is_found_by_lookup(served, glossary):
    """Exhaustive rather than sampled: each locale's own names, exactly."""
    for code, index in served.items():
        for t in glossary.view(code).terms.values():
            for name in (t.term, *t.aliases):
                match = index.lookup(name)
                assert match is not None and match.by in EXACT_BY, (code, t.id, name)


# -- synthetic indexes ---------------------------------------------------------

word = st.text(
    st.one_of(st.characters(categories=["L", "N", "M"]), awkward_char), min_size=1, max_size=10
)
name = st.lists(word, min_size=1, max_size=3).map(" ".join)


@st.composite
def synthetic_terms(draw) -> list[NamedTerm]:
    count = draw(st.integers(1, 8))
    terms = []
    for i in range(count):
        term = draw(name.filter(lambda n: phrase_key(n)))
        aliases = tuple(draw(st.lists(name.filter(lambda n: phrase_key(n)), max_size=3)))
        english = tuple(draw(st.lists(name.filter(lambda n: phrase_key(n)), max_size=2)))
        terms.append(NamedTerm(f"t{i}", term, aliases, english))
    return terms


SYNTHETIC = settings(max_examples=150, deadline=None)


@SYNTHETIC
@given(
    locale=st.sampled_from(["en", "es", "pt", "fr", "zh-Hans", "ar", "ru", "vi", "xx"]),
    terms=synthetic_terms(),
    data=st.data(),
)
def test_synthetic_index_properties(locale, terms, data):
    index = Index(locale, terms)
    surfaces = [n for t in terms for n in (t.term, *t.aliases)]
    text = data.draw(texts(surfaces), label="text")
    check_spans(index, text)
    check_lookup_and_search(index, text[:200])
    for t in terms:
        for n in (t.term, *t.aliases, *t.english_names):
            # Every name is found exactly, and search lists its term.
            match = index.lookup(n)
            assert match is not None and match.by in EXACT_BY, n
            assert t.id in {m.term_id for m in index.search(n, limit=50)}, n


# -- normalization -------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.text(st.one_of(any_char, awkward_char)))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.one_of(any_char, awkward_char)))
def test_fold_is_blind_to_the_normal_form(text):
    """A keyboard that sends decomposed accents finds what a composed one does."""
    forms = {fold(unicodedata.normalize(form, text)) for form in ("NFC", "NFD")}
    assert len(forms) == 1, forms


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(any_char, awkward_char)))
def test_tokens_point_into_the_text(text):
    previous_end = 0
    for token in tokens(text):
        assert previous_end <= token.start < token.end <= len(text)
        assert token.key == fold(text[token.start : token.end])
        previous_end = token.end
