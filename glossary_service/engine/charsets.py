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

import re
import unicodedata
from functools import cache

UNICODE_VERSION = unicodedata.unidata_version

Ranges = tuple[tuple[int, int], ...]


@cache
def every_character() -> str:
    """Every code point but the surrogates, in order: scanned at C speed
    (``map``, ``re``), so the tables cost milliseconds, not seconds."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))


def _code_point(i: int) -> int:
    return i if i < 0xD800 else i + 0x800


def _ranges_of(flags) -> Ranges:
    """Runs of true values in ``flags`` (one per character of every_character())."""
    runs = "".join("1" if f else "0" for f in flags)
    return tuple(
        (_code_point(m.start()), _code_point(m.end() - 1)) for m in re.finditer("1+", runs)
    )


def _matching(pattern: str) -> Ranges:
    return tuple(
        (_code_point(m.start()), _code_point(m.end() - 1))
        for m in re.finditer(pattern + "+", every_character())
    )


@cache
def word() -> Ranges:
    """``\\w`` of a ``str`` pattern: letters, digits of every script, ``_``."""
    return _matching(r"\w")


@cache
def digit() -> Ranges:
    """``\\d`` of a ``str`` pattern: decimal digits of every script."""
    return _matching(r"\d")


@cache
def space() -> Ranges:
    """``\\s`` of a ``str`` pattern."""
    return _matching(r"\s")


@cache
def combining() -> Ranges:
    """Characters with a non-zero combining class: what ``fold`` removes after
    decomposition (not all of category M: U+0903 stays)."""
    return _ranges_of(map(unicodedata.combining, every_character()))


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
    chars = every_character()
    items = [
        (ord(c), folded)
        for c, folded in zip(chars, map(str.casefold, chars), strict=True)
        if folded != c and c > "\x7f"
    ]
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
