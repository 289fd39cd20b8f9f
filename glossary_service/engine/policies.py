"""Linking policies: where a name may be marked in running text.

A wrong link is worse than no link, so every name carries a policy, written
by whoever knows the language: the English content and each catalog write it
as a marker after the name in the list of aliases (``"PS {pattern}"``,
``"химия {context}"``, ``"distant {lookup}"``). A marker on an alias also
governs the same name as the term's own heading, so a translator can restrict
a heading that is an everyday word by listing it again with a marker.

- ``always``: unambiguous; marked wherever it appears (no marker).
- ``context``: marked only where the passage is about health (another glossary
  name marked "always", or one of the language's cue words, nearby).
- ``pattern``: marked only in the clinical shapes the language's rules give
  for it ("T2 N1 M0", "ECOG PS 1"), or in brackets right after its own
  spelled-out name.
- ``lookup``: never marked in running text; lookup and search find it.

>>> parse_name("химия {context}")
('химия', 'context')
>>> parse_name("metastasis")
('metastasis', 'always')
"""

from __future__ import annotations

import re

ALWAYS, CONTEXT, PATTERN, LOOKUP = "always", "context", "pattern", "lookup"
#: From least to most strict: where a name is given two policies, the
#: stricter one holds.
POLICIES = (ALWAYS, CONTEXT, PATTERN, LOOKUP)
MARKED = frozenset(POLICIES[1:])
_MARKER = re.compile(r"\s*\{\s*([^{}]*?)\s*\}\s*$")


class PolicyError(ValueError):
    """A name carries a marker that is not a policy (a translated marker, say)."""


def parse_name(raw: str) -> tuple[str, str]:
    """A name as written in content or a catalog -> (name, policy)."""
    if "{" not in raw and "}" not in raw:
        return raw.strip(), ALWAYS  # most names: no marker, no regex
    m = _MARKER.search(raw)
    if m is None:
        if "{" in raw or "}" in raw:
            raise PolicyError(
                f"{raw!r}: a marker is written {{context}}, {{pattern}} or {{lookup}}"
            )
        return raw.strip(), ALWAYS
    policy = m.group(1)
    if policy not in MARKED:
        raise PolicyError(
            f"{raw!r}: unknown policy {{{policy}}}; use one of context, pattern, lookup"
        )
    name = raw[: m.start()].strip()
    if not name or "{" in name or "}" in name:
        raise PolicyError(f"{raw!r}: one marker, after the name")
    return name, policy


def stricter(a: str, b: str) -> str:
    return a if POLICIES.index(a) >= POLICIES.index(b) else b
