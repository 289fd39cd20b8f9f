"""The browser matcher's data holds the index's own tables, in every locale.

The matcher groups ``names`` by first token in array order, and the stemmed
names in ``stemOrder``: rebuilt that way here, the groups equal the index's
phrase tables name for name (policy, term, order), so longest-first and
blocker-first come out as in Python.
"""

from __future__ import annotations

import pytest

from glossary_service.engine.export import export
from glossary_service.engine.policies import ALWAYS, CONTEXT, PATTERN

_POLICIES = [ALWAYS, CONTEXT, PATTERN]


def _groups(entries):
    table: dict[str, list] = {}
    for toks, name in entries:
        table.setdefault(toks[0], []).append((toks, name))
    return table


def _described(name, terms):
    return (terms[name[1]] if name[1] >= 0 else None, _POLICIES[name[2]])


@pytest.mark.parametrize("code", ["en", "es", "ko", "vi", "zh-Hant", "ru", "fr", "de"])
def test_tables_equal_the_index(glossary, code):
    idx = glossary.view(code).index
    data = export(idx)
    names, terms = data["names"], data["terms"]
    rebuilt = _groups([(tuple(n[0].split(" ")), _described(n, terms)) for n in names])
    expected = {
        first: [(toks, (name.term_id, name.policy)) for toks, name in group]
        for first, group in idx._phrases.items()
    }
    assert rebuilt == expected
    if idx._stem is not None:
        stemmed = _groups(
            [
                (tuple(idx._stem(t) for t in names[i][0].split(" ")), _described(names[i], terms))
                for i in data["stemOrder"]
            ]
        )
        assert stemmed == {
            first: [(toks, (name.term_id, name.policy)) for toks, name in group]
            for first, group in idx._stem_phrases.items()
        }
    cues = _groups([(tuple(c.split(" ")), None) for c in data["cues"]])
    assert cues == {k: [(t, None) for t, _ in g] for k, g in idx._cues.items()}
