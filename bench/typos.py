"""A reproducible set of misspellings of the glossary's long names (issue 15).

Two edits (a dropped, doubled, changed or swapped letter; optimal string
alignment distance exactly 2) of every name long enough for its language's
rules to forgive two (ten letters in most languages; never in Chinese), and
still long enough after the slip (the rules count the letters typed: two
dropped letters can make a typo in which only one edit is forgiven), two
typos per name, made with a fixed seed, so a run today and a run next month
test the same typos. The edits keep what the engine's safety rules keep: the
first letter, every number (digits, Roman numerals, the language's number
words), the spaces between words; letters are changed into letters of the
same name. A typo that happens to spell another name of the locale exactly,
or that is two edits from a name of another term too, is left out: it has no one right answer.

``python bench/typos.py [--locale en] [--edits 2]`` prints the set.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from glossary_service.engine import fuzzy
from glossary_service.engine.languages import LanguageRules, rules_for
from glossary_service.engine.text import numbers_in, phrase_key

SEED = 15
PER_NAME = 2


@dataclass(frozen=True)
class Typo:
    typed: str
    name: str
    term_id: str


def _edit(word: str, rng: random.Random, alphabet: str, editable: list[int]) -> str:
    """One edit of a phrase key at one of the ``editable`` positions."""
    for _ in range(100):
        kind = rng.choice(("drop", "double", "change", "swap"))
        i = rng.choice(editable)
        c = word[i]
        if kind == "drop":
            return word[:i] + word[i + 1 :]
        if kind == "double":
            return word[:i] + c + word[i:]
        if kind == "change":
            other = rng.choice(alphabet)
            if other != c:
                return word[:i] + other + word[i + 1 :]
        elif i + 1 in editable and word[i + 1] != c:
            return word[:i] + word[i + 1] + c + word[i + 2 :]
    return word


def _editable(key: str, number_words: frozenset[str]) -> list[int]:
    """Letters a reader's slip may touch without changing what the engine's
    safety rules keep: not the first letter, not inside a number (digits,
    Roman numerals, number words), not the spaces."""
    out, at = [], 0
    for word in key.split(" "):
        if not numbers_in([word], number_words):
            out.extend(at + j for j, c in enumerate(word) if c.isalpha() and at + j > 0)
        at += len(word) + 1
    return out


def typo_set(names: dict[str, str], rules: LanguageRules, edits: int = 2) -> list[Typo]:
    """``names``: phrase key -> term id (the names a reader may type). Two
    typos of every name long enough for the language's rules to forgive
    ``edits`` edits (none in Chinese)."""
    rng = random.Random(SEED)
    keys = sorted(names)
    out = []
    for key in keys:
        if fuzzy.budget(len(key), rules.fuzzy_lengths) < edits:
            continue
        editable = _editable(key, rules.number_words)
        if len(editable) < 2 * edits:
            continue
        alphabet = "".join(sorted({key[i] for i in editable}))
        made: set[str] = set()
        for _ in range(PER_NAME * 10):
            if len(made) == PER_NAME:
                break
            typed = key
            for _ in range(edits):
                typed = _edit(typed, rng, alphabet, _editable(typed, rules.number_words))
            typed = phrase_key(typed)
            if typed in made or typed in names or fuzzy.edit_distance(typed, key, 3) != edits:
                continue
            if fuzzy.budget(len(typed), rules.fuzzy_lengths) < edits:
                continue  # typed too short for the rules to forgive two: by design, not found
            if any(
                names[other] != names[key] and fuzzy.edit_distance(typed, other, edits) <= edits
                for other in keys
            ):
                continue  # as close to another term's name: no one right answer
            made.add(typed)
            out.append(Typo(typed, key, names[key]))
    return out


def locale_typos(view, edits: int = 2) -> list[Typo]:
    """Typos of the names (term and aliases) a locale's readers may type."""
    names: dict[str, str] = {}
    for t in view.named_terms():
        for surface in (t.term, *t.aliases):
            key = phrase_key(surface)
            if key:
                names.setdefault(key, t.id)
    return typo_set(names, rules_for(view.info.code), edits)


def main() -> None:
    from glossary_service.content import load_content
    from glossary_service.glossary import Glossary

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--locale", default="en")
    parser.add_argument("--edits", type=int, default=2)
    args = parser.parse_args()
    glossary = Glossary(load_content(), Path("translations"))
    for typo in locale_typos(glossary.view(args.locale), args.edits):
        print(f"{typo.typed}\t{typo.name}\t{typo.term_id}")


if __name__ == "__main__":
    main()
