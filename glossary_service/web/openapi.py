"""The OpenAPI 3.1 document of the JSON API: ``openapi.json`` beside this module,
the contract as data, plus what depends on this deployment (the version, the
content's category ids, the letter pattern).

Every limit the service checks is read from the document here, so the API,
the pages and the contract cannot disagree: ``MAX_QUERY_LENGTH`` (the ``q``
parameter's maxLength), ``MAX_LIMIT`` (``limit``'s maximum), ``LANG_PATTERN``
and ``LANG_MAX_LENGTH``. Tests validate the document with
openapi-spec-validator and check documented response schemas against real
responses.

Patterns are JSON Schema's (ECMA-262 with Unicode): clients and fuzzers read
them that way, so each is written to mean the same in Python's ``re``. The
``lang`` pattern is a well-formed BCP 47 tag (RFC 5646 2.1, without
grandfathered tags) in ASCII, "-" or "_" between subtags, any case: language
(2-3 letters with up to three extlangs, or 5-8 letters), script (4 letters),
region (2 letters or 3 digits), variants, extensions (a singleton other than
x, then 2-8 alphanumerics), private use (x, then 1-8 alphanumerics).
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .._version import __version__

_DOCUMENT = json.loads((Path(__file__).parent / "openapi.json").read_text(encoding="utf-8"))
_PARAMETERS = _DOCUMENT["components"]["parameters"]

MAX_QUERY_LENGTH: int = _PARAMETERS["q"]["schema"]["maxLength"]
MAX_LIMIT: int = _PARAMETERS["limit"]["schema"]["maximum"]
DEFAULT_LIMIT: int = _PARAMETERS["limit"]["schema"]["default"]
LANG_PATTERN: str = _PARAMETERS["lang"]["schema"]["pattern"]
LANG_MAX_LENGTH: int = _PARAMETERS["lang"]["schema"]["maxLength"]
MAX_MATCHES: int = _DOCUMENT["components"]["schemas"]["Annotations"]["properties"]["matches"][
    "maxItems"
]


@cache
def letter_pattern() -> str:
    """``^[...]$`` listing every letter and digit (Unicode L and N), which is
    what str.isalnum() accepts and so what the service's check accepts.

    Spelled out because neither shorter form means that everywhere: Python's
    ``re`` (which openapi-spec-validator checks patterns with) has no
    ``\\p{L}``, and ECMA's ``\\w`` is ASCII. Built on first use (0.15 s), not
    at import, to keep cold starts fast.
    """
    parts = []
    for low, high in ((0, 0xD7FF), (0xE000, sys.maxunicode)):  # no surrogates
        chars = "".join(map(chr, range(low, high + 1)))
        for run in re.finditer(r"[^\W_]+", chars):
            first, last = run.group()[0], run.group()[-1]
            parts.append(first if first == last else f"{first}-{last}")
    return f"^[{''.join(parts)}]$"


def document(categories: Iterable[str]) -> dict:
    """The document as served: the file, with this version, and the category
    ids of the content (a client, or a fuzzer, can then tell a known category
    from an unknown one, which is a 400)."""
    served = copy.deepcopy(_DOCUMENT)
    served["info"]["version"] = __version__
    for param in served["paths"]["/api/v1/terms"]["get"]["parameters"]:
        if param.get("name") == "category":
            param["schema"]["enum"] = sorted(categories)
        elif param.get("name") == "letter":
            param["schema"]["pattern"] = letter_pattern()
    return served
