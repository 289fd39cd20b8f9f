"""Python regular expressions as JavaScript ones that match the same strings.

The engine's rules are Python ``re`` patterns (languages' abbreviation
patterns, sentence ends, the tokenizer). The browser matcher receives them
translated here from the parsed pattern, so there is one copy of each rule.
The translation keeps Python's meaning where JavaScript's differs:

- ``\\w``, ``\\d``, ``\\s`` and every character class become explicit code
  point ranges of Python's own classes (JavaScript's ``\\w`` is ASCII);
- ``$`` also matches before a final newline, ``.`` is anything but ``\\n``;
- ``(?i:...)`` becomes explicit case variants, computed by Python's engine.

Large classes go into a shared table (``Translator.classes``): the source
holds ``\\x00<n>;`` where the matcher splices in class ``n``. The output is
for JavaScript's ``u`` flag. A construct JavaScript has no equivalent for
(possessive or atomic groups, conditionals) raises ``ValueError``.
"""

from __future__ import annotations

import re
from functools import cache

# The standard library's own parser: the pattern is read exactly as ``re``
# reads it (a test translates every pattern of every language).
from re import _constants as C
from re import _parser as P

from . import charsets

_CATEGORY = {
    C.CATEGORY_WORD: (charsets.word, False),
    C.CATEGORY_NOT_WORD: (charsets.word, True),
    C.CATEGORY_DIGIT: (charsets.digit, False),
    C.CATEGORY_NOT_DIGIT: (charsets.digit, True),
    C.CATEGORY_SPACE: (charsets.space, False),
    C.CATEGORY_NOT_SPACE: (charsets.space, True),
}
# Syntax characters a literal must escape, outside and inside a class.
_SYNTAX = set("^$\\.*+?()[]{}|/")
_CLASS_SYNTAX = set("\\]^-[")
# Classes with more ranges than this go to the shared table.
_INLINE_RANGES = 12


@cache
def _by_lower() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    chars = charsets.every_character()
    for mapped in (map(str.lower, chars), map(str.upper, chars)):
        for c, key in zip(chars, mapped, strict=True):
            if key != c and len(key) == 1:
                table.setdefault(key, []).append(c)
    return table


@cache
def case_variants(c: str) -> tuple[str, ...]:
    """Every character Python's ``re.IGNORECASE`` lets ``c`` match."""
    table = _by_lower()
    candidates = {c}
    for key in (c.lower(), c.upper(), c.casefold()):
        if len(key) == 1:
            candidates.add(key)
            candidates.update(table.get(key, ()))
    pattern = re.compile(re.escape(c), re.IGNORECASE)
    return tuple(sorted(x for x in candidates if pattern.fullmatch(x)))


def _char(cp: int, in_class: bool) -> str:
    c = chr(cp)
    if c in (_CLASS_SYNTAX if in_class else _SYNTAX):
        return "\\" + c
    if cp < 0x20 or cp == 0x7F or c in "\u2028\u2029" or not c.isprintable():
        return f"\\u{{{cp:x}}}"
    return c


class Translator:
    """Translates patterns, sharing large character classes between them."""

    def __init__(self) -> None:
        self.classes: list[str] = []  # charsets.encode()d ranges
        self._class_ids: dict[charsets.Ranges, int] = {}

    def translate(self, pattern: str) -> str:
        parsed = P.parse(pattern)
        flags = parsed.state.flags
        if flags & (re.ASCII | re.LOCALE):
            raise ValueError(f"{pattern!r}: ASCII and LOCALE flags are not translated")
        return self._seq(parsed, flags)

    # -- character classes ------------------------------------------------

    def _class_ranges(self, items, ignore_case: bool) -> tuple[charsets.Ranges, bool]:
        negate = False
        parts: list[charsets.Ranges] = []
        for op, av in items:
            if op is C.NEGATE:
                negate = True
            elif op is C.LITERAL:
                parts.append(charsets.of_chars(chr(av)))
            elif op is C.RANGE:
                parts.append(((av[0], av[1]),))
            elif op is C.CATEGORY:
                table, negated = _CATEGORY[av]
                parts.append(charsets.complement(table()) if negated else table())
            else:
                raise ValueError(f"class item {op} is not translated")
        ranges = charsets.union(*parts)
        if ignore_case:
            ranges = _case_closed(ranges)
        return ranges, negate

    def _class(self, ranges: charsets.Ranges, negate: bool) -> str:
        if not ranges:
            return "[^]" if negate else "[]"
        if len(ranges) > _INLINE_RANGES:
            n = self._class_ids.get(ranges)
            if n is None:
                n = self._class_ids[ranges] = len(self.classes)
                self.classes.append(charsets.encode(ranges))
            body = f"\x00{n};"
        else:
            body = "".join(
                _char(a, True) if a == b else f"{_char(a, True)}-{_char(b, True)}"
                for a, b in ranges
            )
        return f"[{'^' if negate else ''}{body}]"

    # -- the pattern --------------------------------------------------------

    def _seq(self, items, flags: int) -> str:
        return "".join(self._item(op, av, flags) for op, av in items)

    def _item(self, op, av, flags: int) -> str:
        ignore_case = bool(flags & re.IGNORECASE)
        if op is C.LITERAL or op is C.NOT_LITERAL:
            negate = op is C.NOT_LITERAL
            if ignore_case:
                variants = case_variants(chr(av))
                if len(variants) > 1 or negate:
                    return self._class(charsets.of_chars(variants), negate)
            return self._class(((av, av),), True) if negate else _char(av, False)
        if op is C.ANY:
            return "[^]" if flags & re.DOTALL else "[^\\n]"
        if op is C.IN:
            ranges, negate = self._class_ranges(av, ignore_case)
            return self._class(ranges, negate)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            body = self._seq(sub, flags)
            if len(sub) != 1 or sub[0][0] in (C.MAX_REPEAT, C.MIN_REPEAT, C.AT):
                body = f"(?:{body})"
            if (lo, hi) == (0, C.MAXREPEAT):
                q = "*"
            elif (lo, hi) == (1, C.MAXREPEAT):
                q = "+"
            elif (lo, hi) == (0, 1):
                q = "?"
            elif hi == C.MAXREPEAT:
                q = f"{{{lo},}}"
            elif lo == hi:
                q = f"{{{lo}}}"
            else:
                q = f"{{{lo},{hi}}}"
            return body + q + ("?" if op is C.MIN_REPEAT else "")
        if op is C.SUBPATTERN:
            group, add, remove, sub = av
            if add & (re.ASCII | re.LOCALE):
                raise ValueError("ASCII and LOCALE flags are not translated")
            inner = self._seq(sub, (flags | add) & ~remove)
            return f"({inner})" if group is not None else f"(?:{inner})"
        if op is C.BRANCH:
            return "(?:" + "|".join(self._seq(alt, flags) for alt in av[1]) + ")"
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            kind = ("=" if op is C.ASSERT else "!") if direction == 1 else None
            if kind is None:
                kind = "<=" if op is C.ASSERT else "<!"
            return f"(?{kind}{self._seq(sub, flags)})"
        if op is C.AT:
            return self._at(av, flags)
        if op is C.GROUPREF:
            return f"\\{av}"
        raise ValueError(f"{op} has no JavaScript equivalent")

    def _at(self, where, flags: int) -> str:
        multiline = bool(flags & re.MULTILINE)
        if where is C.AT_BEGINNING:
            return "(?<![^\\n])" if multiline else "^"
        if where is C.AT_BEGINNING_STRING:
            return "^"
        if where is C.AT_END:
            # Python's $ also matches before a newline that ends the string.
            return "(?=\\n|$)" if multiline else "(?=\\n?$)"
        if where is C.AT_END_STRING:
            return "$"
        if where in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
            w = self._class(charsets.word(), False)
            boundary = f"(?:(?<={w})(?!{w})|(?<!{w})(?={w}))"
            return boundary if where is C.AT_BOUNDARY else f"(?!{boundary})"
        raise ValueError(f"{where} has no JavaScript equivalent")


def _case_closed(ranges: charsets.Ranges) -> charsets.Ranges:
    """The ranges with every case variant of their characters (as Python's
    IGNORECASE compares). Only small sets are expanded character by character;
    a large one must already be closed (the categories are)."""
    size = sum(b - a + 1 for a, b in ranges)
    if size > 4096:
        return ranges
    chars = [chr(cp) for a, b in ranges for cp in range(a, b + 1)]
    return charsets.of_chars({v for c in chars for v in case_variants(c)})
