"""The matching engine: standard library only (see README.md).

Names are imported on first use (PEP 562), so a process that serves a term by
its id never loads the index, fuzzy or affix modules.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "Index": "index",
    "Match": "index",
    "NamedTerm": "index",
    "Span": "index",
    "LanguageRules": "languages",
    "rules_for": "languages",
    "PolicyError": "policies",
    "parse_name": "policies",
    "fold": "text",
    "phrase_key": "text",
    "tokens": "text",
    "initial": "collation",
    "sort_key": "collation",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
