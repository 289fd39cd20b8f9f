"""Coverage of the sources: every word a patient may not understand in the
four source articles, listed by hand in eval/coverage/candidates.tsv with its
grade, is found by lookup and linked by annotate in a medical sentence (unless
its name is lookup-only by policy). Essential: all of them. Useful: 90% or more."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from glossary_service.engine.policies import LOOKUP
from glossary_service.engine.text import fold_case

CANDIDATES = Path(__file__).parents[2] / "eval" / "coverage" / "candidates.tsv"
GRADES = ("essential", "useful")  # "known": listed, not counted


@dataclass(frozen=True)
class Candidate:
    surface: str
    grade: str
    source: str
    terms: tuple[str, ...]  # any of these explains it; empty: not covered
    note: str
    example: str  # where annotate is checked, for a name linked only in its clinical shape


def read_candidates() -> list[Candidate]:
    rows = []
    for line in CANDIDATES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        surface, grade, source, terms, note, example = (line.split("\t") + [""] * 6)[:6]
        ids = tuple(filter(None, terms.split("|")))
        rows.append(Candidate(surface, grade, source, ids, note, example))
    return rows


def lookup_only(view, term_id: str, surface: str) -> bool:
    t = view.terms[term_id]
    return any(
        fold_case(name) == fold_case(surface) and policy == LOOKUP
        for name, policy in t.policies.items()
    )


def covered(view, c: Candidate) -> tuple[bool, bool]:
    """(found by lookup, linked by annotate) for one candidate."""
    match = view.lookup(c.surface)
    found = match is not None and match.term_id in c.terms
    if found and lookup_only(view, match.term_id, c.surface):
        return found, True
    text = c.example or f"At the cancer clinic the oncologist explained {c.surface} to the patient."
    spans = view.index.annotate(text, medical=True)
    start = text.index(c.surface)
    linked = any(
        s.term_id in c.terms and s.start < start + len(c.surface) and s.end > start for s in spans
    )
    return found, linked


def test_the_list_is_well_formed(glossary):
    rows = read_candidates()
    assert len(rows) > 150
    for c in rows:
        assert c.grade in (*GRADES, "known"), c
        assert not c.example or c.surface in c.example, c
        assert c.source[:3].isdigit(), c
        assert set(c.terms) <= glossary.english.terms.keys(), c
        assert c.terms or c.note, f"{c.surface}: an uncovered word says why"


@pytest.mark.parametrize("grade", GRADES)
def test_sources_are_covered(glossary, grade):
    view = glossary.english
    rows = [c for c in read_candidates() if c.grade == grade]
    missed = [c.surface for c in rows if not (c.terms and all(covered(view, c)))]
    share = 1 - len(missed) / len(rows)
    print(f"{grade}: {len(rows) - len(missed)}/{len(rows)} covered ({share:.1%}); missed {missed}")
    if grade == "essential":
        assert not missed
    else:
        assert share >= 0.90, missed


def test_each_covered_row_is_found_and_linked(glossary):
    """Every row that names a term is true: a listed term really explains it."""
    view = glossary.english
    wrong = []
    for c in read_candidates():
        if c.terms:
            found, linked = covered(view, c)
            if not (found and linked):
                wrong.append((c.surface, c.terms, found, linked, view.lookup(c.surface)))
    assert not wrong
