"""Misspelling tolerance that never changes the meaning of a name.

Edit distance (optimal string alignment), with candidates found by shared
two-letter runs (lookup) or symmetric deletes (search as you type), and three
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

    Only the band of cells at most ``limit`` from the diagonal is computed
    (any other is more than ``limit`` edits), after the letters both share
    at the start and at the end are set aside.

    >>> edit_distance("metastisis", "metastasis", 2)
    1
    >>> edit_distance("chemo", "radiation", 2)
    3
    >>> edit_distance("palative care", "palliative care", 2)
    2
    """
    big = limit + 1
    if abs(len(a) - len(b)) > limit:
        return big
    start, stop = 0, min(len(a), len(b))
    while start < stop and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    a, b = a[start:end_a], b[start:end_b]
    n, m = len(a), len(b)
    if not n or not m:
        return min(max(n, m), big)
    prev2: list[int] = []
    prev = [j if j <= limit else big for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [big] * (m + 1)
        if i <= limit:
            cur[0] = i
        ca = a[i - 1]
        best = cur[0]
        for j in range(max(1, i - limit), min(m, i + limit) + 1):
            cb = b[j - 1]
            v = prev[j - 1] + (ca != cb)
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and prev2[j - 2] + 1 < v:
                v = prev2[j - 2] + 1
            cur[j] = v
            if v < best:
                best = v
        if best > limit:
            return big
        prev2, prev = prev, cur
    return min(prev[m], big)


def deletes(word: str) -> set[str]:
    """The word and every way to drop one letter of it (symmetric-delete fuzzy)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def bigrams(word: str) -> set[str]:
    """The two-letter runs of a word (itself, when shorter)."""
    return {word[i : i + 2] for i in range(len(word) - 1)} or {word}


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
