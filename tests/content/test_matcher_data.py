"""The browser matcher's data holds the index's own tables, in every locale.

The matcher groups ``names`` (in the index's build order) by first token, and
by first stem, then sorts each group longest first, blocking phrases first,
then by weight (``weights``): rebuilt that way here, the groups equal the
index's phrase tables name for name (policy, term, order).
"""

from __future__ import annotations

import pytest

from glossary_service.engine.export import export
from glossary_service.engine.policies import ALWAYS, CONTEXT, PATTERN

_POLICIES = [ALWAYS, CONTEXT, PATTERN]


def _groups(entries, weights=None):
    table: dict[str, list] = {}
    for i, (toks, name) in enumerate(entries):
        table.setdefault(toks[0], []).append((toks, name, weights[i] if weights else 0))
    if weights is not None:  # as the matcher sorts (a stable sort, like Python's)
        for group in table.values():
            group.sort(key=lambda e: (-len(e[0]), e[1][0] is not None, -e[2]))
    return {k: [(toks, name) for toks, name, _ in g] for k, g in table.items()}


def _described(name, terms):
    return (terms[name[1]] if name[1] >= 0 else None, _POLICIES[name[2]])


@pytest.mark.parametrize("code", ["en", "es", "ko", "vi", "zh-Hant", "ru", "fr", "de"])
def test_tables_equal_the_index(glossary, code):
    idx = glossary.view(code).index
    data = export(idx)
    names, terms = data["names"], data["terms"]
    weights = [data["weightValues"][ord(c) - ord("a")] for c in data["weights"]]
    assert len(weights) == len(names)
    rebuilt = _groups([(tuple(n[0].split(" ")), _described(n, terms)) for n in names], weights)
    expected = {
        first: [(toks, (name.term_id, name.policy)) for toks, name in group]
        for first, group in idx._phrases.items()
    }
    assert rebuilt == expected
    if idx._stem is not None:
        stemmed = _groups(
            [(tuple(idx._stem(t) for t in n[0].split(" ")), _described(n, terms)) for n in names],
            weights,
        )
        assert stemmed == {
            first: [(toks, (name.term_id, name.policy)) for toks, name in group]
            for first, group in idx._stem_phrases.items()
        }
    cues = _groups([(tuple(c.split(" ")), None) for c in data["cues"]])
    assert cues == {k: [(t, None) for t, _ in g] for k, g in idx._cues.items()}
