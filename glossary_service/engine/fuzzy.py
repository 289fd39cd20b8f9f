"""Misspelling tolerance that never changes the meaning of a name.

Edit distance (optimal string alignment) over symmetric deletes, with three
safety rules, the same in every script: a misspelling never changes, adds or
drops a number ("stage 2" is not "stage 4", "stage II" not "stage IV"); short
words forgive nothing and longer ones little (the language's
``fuzzy_lengths``); and the first letter is taken as written ("durable" is not
"curable"), since readers rarely mistype it while a different first letter
very often makes another word.
"""

from __future__ import annotations

from .text import numbers_in


def budget(length: int, lengths: tuple[int, int] | None) -> int:
    """Edits forgiven in a word or phrase of this many letters."""
    if lengths is None:
        return 0
    one, two = lengths
    return 0 if length < one else 1 if length < two else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, giving up above ``limit``.

    >>> edit_distance("metastisis", "metastasis", 2)
    1
    >>> edit_distance("chemo", "radiation", 2)
    3
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def deletes(word: str) -> set[str]:
    """The word and every way to drop one letter of it (symmetric-delete fuzzy)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def same_meaning_shape(query: str, candidate: str, number_words: frozenset[str]) -> bool:
    """Whether a misspelt ``query`` may stand for ``candidate``: same first
    letter, same numbers.

    >>> same_meaning_shape("stage 2", "stage 4", frozenset())
    False
    >>> same_meaning_shape("metastisis", "metastasis", frozenset())
    True
    """
    if query[:1] != candidate[:1]:
        return False
    return numbers_in(query.split(), number_words) == numbers_in(candidate.split(), number_words)
