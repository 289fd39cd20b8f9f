"""Python's own character classes and case folding, as code point ranges.

The browser matcher (``static/matcher.js``) must split and fold text exactly as
this engine does, in whatever Unicode version the browser ships. So it does not
trust its own ``\\w`` (ASCII in JavaScript), ``\\d`` or case mappings: it
receives these tables, computed here from the interpreter's ``unicodedata``
(``UNICODE_VERSION``), and only normalization (NFKC/NFKD, stable for every
assigned character) comes from the browser.

Ranges are ``(first, last)`` code point pairs, sorted and disjoint. ``encode``
writes them compactly for JSON: hexadecimal gaps and lengths.
"""

from __future__ import annotations

import unicodedata
from functools import cache

UNICODE_VERSION = unicodedata.unidata_version
_SURROGATES = range(0xD800, 0xE000)

Ranges = tuple[tuple[int, int], ...]


def _ranges_of(test) -> Ranges:
    out: list[tuple[int, int]] = []
    start = None
    for cp in range(0x110000):
        ok = cp not in _SURROGATES and test(chr(cp))
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return tuple(out)


@cache
def word() -> Ranges:
    """``\\w`` of a ``str`` pattern: letters, digits of every script, ``_``."""
    return _ranges_of(lambda c: c.isalnum() or c == "_")


@cache
def digit() -> Ranges:
    """``\\d`` of a ``str`` pattern: decimal digits of every script."""
    return _ranges_of(str.isdecimal)


@cache
def space() -> Ranges:
    """``\\s`` of a ``str`` pattern (``str.isspace``)."""
    return _ranges_of(str.isspace)


@cache
def combining() -> Ranges:
    """Characters with a non-zero combining class: what ``fold`` removes after
    decomposition (not all of category M: U+0903 stays)."""
    return _ranges_of(lambda c: unicodedata.combining(c) != 0)


ALL: Ranges = ((0, 0xD7FF), (0xE000, 0x10FFFF))


def union(*sets: Ranges) -> Ranges:
    spans = sorted(r for s in sets for r in s)
    out: list[list[int]] = []
    for a, b in spans:
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return tuple((a, b) for a, b in out)


def complement(ranges: Ranges) -> Ranges:
    """Every code point (surrogates aside) not in ``ranges``."""
    out = []
    at = 0
    for a, b in union(ranges, ((0xD800, 0xDFFF),)):
        if a > at:
            out.append((at, a - 1))
        at = b + 1
    if at <= 0x10FFFF:
        out.append((at, 0x10FFFF))
    return tuple(out)


def minus(ranges: Ranges, other: Ranges) -> Ranges:
    return complement(union(complement(ranges), other))


def of_chars(chars) -> Ranges:
    return union(*(((ord(c), ord(c)),) for c in chars))


def encode(ranges: Ranges) -> str:
    """ "gap[+length]" in hexadecimal, comma-separated: ``a-c,x`` is "61+2,15"."""
    parts, at = [], 0
    for a, b in ranges:
        parts.append(f"{a - at:x}" + (f"+{b - a:x}" if b > a else ""))
        at = b
    return ",".join(parts)


@cache
def casefold_table() -> str:
    """``str.casefold`` for every non-ASCII character it changes, as runs:
    "first,count,step,delta" (count characters ``step`` apart, each mapped to
    itself plus ``delta``), or "first,=folded" for a fold into several
    characters; all numbers hexadecimal, runs separated by ";"."""
    items = []
    for cp in range(0x80, 0x110000):
        if cp in _SURROGATES:
            continue
        folded = chr(cp).casefold()
        if folded != chr(cp):
            items.append((cp, folded))
    runs, i = [], 0
    while i < len(items):
        cp, folded = items[i]
        if len(folded) != 1:
            runs.append(f"{cp:x},={folded}")
            i += 1
            continue
        delta = ord(folded) - cp
        best, best_step = i, 1
        for step in (1, 2):
            k = i
            while (
                k + 1 < len(items)
                and len(items[k + 1][1]) == 1
                and items[k + 1][0] == items[k][0] + step
                and ord(items[k + 1][1]) - items[k + 1][0] == delta
            ):
                k += 1
            if k > best:
                best, best_step = k, step
        sign = "-" if delta < 0 else ""
        runs.append(f"{cp:x},{best - i + 1:x},{best_step:x},{sign}{abs(delta):x}")
        i = best + 1
    return ";".join(runs)
