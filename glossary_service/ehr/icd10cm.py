"""ICD-10-CM codes: the shape of one, and the glossary terms that explain it.

The hierarchy below a category is written in the code itself: every ancestor
of ``C79.51`` (``C79.5``, ``C79``) is a prefix of it, and placeholder ``X``
codes (``T45.1X5A``) only add prefixes that are no code. So a request is
matched by walking its prefixes, longest first, without any code data at run
time (the code set is a test dependency that checks the content).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.codes import CodeMapping

#: The code system's HL7 OID, as Infobutton requests name it.
OID = "2.16.840.1.113883.6.90"
#: Its canonical URI in FHIR.
SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm"
NAME = "ICD-10-CM"

# Three characters, then at most four, with or without the dot after the third.
_SHAPE = re.compile(r"^([A-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?\Z")
MAX_LENGTH = 8


def normalize(code: str) -> str | None:
    """``c79.51``, ``C7951`` -> ``C7951``; None when it is no ICD-10-CM code."""
    if len(code) > MAX_LENGTH or not code.isascii():
        return None
    code = code.upper()
    m = _SHAPE.match(code)
    if m is None:
        return None
    return m.group(1) + (m.group(2) or "")


def dotted(code: str) -> str:
    """``C7951`` -> ``C79.51``; a category has no dot."""
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class CodeMatch:
    term_id: str
    mapping: CodeMapping  # the mapping it comes from: the code itself or an ancestor
    exact: bool  # the mapping is the code asked for, not an ancestor


class CodeIndex:
    """Mappings by undotted code; read-only once built."""

    def __init__(self, mappings: dict[str, CodeMapping]):
        self._mappings = mappings
        self._descriptions = {_fold(m.description): code for code, m in mappings.items()}

    def by_description(self, text: str) -> str | None:
        """The mapped code whose official description this is (any case and spacing)."""
        return self._descriptions.get(_fold(text))

    def mapping(self, code: str) -> CodeMapping | None:
        return self._mappings.get(code)

    def resolve(self, code: str, limit: int | None = None) -> list[CodeMatch]:
        """Terms for a normalized code, ranked: the most specific mapping's
        terms in their order, then each broader mapping's, no term twice."""
        found: list[CodeMatch] = []
        seen: set[str] = set()
        for length in range(len(code), 2, -1):
            mapping = self._mappings.get(code[:length])
            if mapping is None:
                continue
            for term_id in mapping.terms:
                if term_id not in seen:
                    seen.add(term_id)
                    found.append(CodeMatch(term_id, mapping, exact=length == len(code)))
            if limit is not None and len(found) >= limit:
                return found[:limit]
        return found

    def __iter__(self):
        return iter(self._mappings.values())

    def __len__(self) -> int:
        return len(self._mappings)
