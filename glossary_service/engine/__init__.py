"""The matching engine: standard library only (see README.md)."""

from __future__ import annotations

from .collation import initial, sort_key
from .index import Index, Match, NamedTerm, Span
from .languages import LanguageRules, rules_for
from .policies import PolicyError, parse_name
from .text import fold, phrase_key, tokens

__all__ = [
    "Index",
    "LanguageRules",
    "Match",
    "NamedTerm",
    "PolicyError",
    "Span",
    "fold",
    "initial",
    "parse_name",
    "phrase_key",
    "rules_for",
    "sort_key",
    "tokens",
]
