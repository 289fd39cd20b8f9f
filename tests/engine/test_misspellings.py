"""Misspelling tolerance finds two-edit typos of long names (issue 15), and
keeps its safety rules (test_index.py, test_policies.py hold those).

The typo set is ``bench/typos.py``: two edits (drop, double, change, swap) of
every name long enough for the language's rules to forgive two, made with a
fixed seed, never on the first letter or a number.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.typos import locale_typos
from glossary_service.engine import fuzzy
from glossary_service.engine.index import Index, NamedTerm


@pytest.mark.parametrize("code", ["en", "es", "fr", "ru", "vi", "ko"])
def test_nine_in_ten_two_edit_typos_of_long_names_are_found(glossary, code):
    view = glossary.view(code)
    typos = locale_typos(view)
    assert len(typos) >= 50
    found = [t for t in typos if (m := view.index.lookup(t.typed)) and m.term_id == t.term_id]
    missed = [(t.typed, t.name) for t in typos if t not in found]
    assert len(found) >= 0.9 * len(typos), missed[:20]


words = st.text(alphabet="abcdefghij", min_size=10, max_size=18)


@settings(max_examples=300, deadline=None)
@given(key=words, data=st.data())
def test_every_key_within_the_budget_is_a_candidate(key, data):
    """Shared two-letter runs only narrow the keys to check: none within two
    edits (with the first letter kept) is ever left out."""
    index = Index("en", [NamedTerm("t", key, ())])
    typed = key
    for _ in range(2):
        i = data.draw(st.integers(1, max(1, len(typed) - 1)))
        kind = data.draw(st.sampled_from(["drop", "double", "change", "swap"]))
        c = data.draw(st.sampled_from("abcdefghij"))
        if kind == "drop":
            typed = typed[:i] + typed[i + 1 :]
        elif kind == "double":
            typed = typed[:i] + typed[i - 1] + typed[i:]
        elif kind == "change":
            typed = typed[:i] + c + typed[i + 1 :]
        elif i + 1 < len(typed):
            typed = typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :]
    budget = fuzzy.budget(len(typed), (5, 10))
    if budget and fuzzy.edit_distance(typed, key, budget) <= budget:
        assert key in set(index._near(typed, budget))
        assert index.lookup(typed).term_id == "t"
