"""An HL7 Infobutton knowledge request (URL-based implementation guide, R4):
its parameters read and checked, and its concepts matched to glossary terms.

A request names one or more concepts from a patient's record
(``mainSearchCriteria.v.c`` a code, ``.v.cs`` its code system's OID, ``.v.dn``
the display name the EHR shows, ``.v.ot`` text the user typed), who reads the
answer (``informationRecipient``), in which language
(``informationRecipient.languageCode.c``) and syntax (``knowledgeResponseType``).
Several concepts come numbered (``mainSearchCriteria.v.c0``, ``.v.c1``...) or
as repeated parameters. Every other parameter of the guide (taskContext,
patientPerson...) is ignored, as the guide asks of what a service does not use.

An ICD-10-CM code is matched through the hierarchy (``icd10cm.py``); a code
in another system, or one the glossary has no mapping for, is matched by its
display name and original text, as a reader's words are (lookup, then every
term annotate finds in them). So a SNOMED CT problem with its display name is
served without any SNOMED CT data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from . import icd10cm

if TYPE_CHECKING:
    from ..glossary import LocaleView
    from .icd10cm import CodeIndex

# Bounds that keep a hostile request cheap: each concept costs a lookup and an
# annotation, each value is at most a display name long.
MAX_CONCEPTS = 20
MAX_VALUE_LENGTH = 200
MAX_CODE_LENGTH = 64
#: Entries answered for each concept, ranked (MedlinePlus Connect answers three).
MAX_ENTRIES_PER_CONCEPT = 3

SEARCH = "mainSearchCriteria.v."
RECIPIENT = "informationRecipient"
LANGUAGE = "informationRecipient.languageCode.c"
RESPONSE_TYPE = "knowledgeResponseType"
CALLBACK = "callback"

# knowledgeResponseType -> (syntax, media type answered). Atom is the guide's
# default; MedlinePlus Connect answers text/xml, JSON and JSONP the same way.
RESPONSE_TYPES = {
    "text/xml": ("atom", "text/xml"),
    "application/xml": ("atom", "application/xml"),
    "application/atom+xml": ("atom", "application/atom+xml"),
    "application/json": ("json", "application/json"),
    "text/javascript": ("jsonp", "text/javascript"),
    "application/javascript": ("jsonp", "text/javascript"),
}
DEFAULT_RESPONSE_TYPE = "text/xml"

_FIELDS = {"c": "code", "cs": "system", "dn": "display_name", "ot": "original_text"}
_SEARCH_KEY = re.compile(r"^mainSearchCriteria\.v\.(c|cs|dn|ot)([0-9]{0,2})$")
# An OID (ISO 8824 dotted numbers), or a URI for the systems FHIR names so.
_OID = re.compile(r"^[0-2](?:\.(?:0|[1-9][0-9]{0,15}))+\Z")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[!-~]+\Z")
# A role code (PAT, PROV...): HL7 codes are short capitals.
_ROLE = re.compile(r"^[A-Z]{2,10}\Z")
# A JavaScript name or dotted path, ASCII: nothing else may precede the
# parenthesis of a JSONP answer.
CALLBACK_PATTERN = r"^[A-Za-z_$][A-Za-z0-9_$]{0,63}(\.[A-Za-z_$][A-Za-z0-9_$]{0,63}){0,3}$"
_CALLBACK = re.compile(CALLBACK_PATTERN.removesuffix("$") + r"\Z")
_ICD10CM_SYSTEMS = {icd10cm.OID, icd10cm.SYSTEM}


class RequestError(ValueError):
    """A parameter whose value cannot be served; ``param`` names it."""

    def __init__(self, param: str, detail: str):
        super().__init__(detail)
        self.param, self.detail = param, detail


class Params(Protocol):
    """What is read from a request: Werkzeug's MultiDict has it."""

    def keys(self) -> Iterable[str]: ...
    def getlist(self, key: str) -> list[str]: ...


@dataclass(frozen=True)
class Concept:
    suffix: str  # "" or the number it came with ("0", "1"...)
    code: str | None = None
    system: str | None = None
    display_name: str | None = None
    original_text: str | None = None

    @property
    def icd10cm(self) -> str | None:
        """The normalized ICD-10-CM code this concept names, if it names one."""
        if self.code is None:
            return None
        if self.system is None or self.system in _ICD10CM_SYSTEMS:
            return icd10cm.normalize(self.code)
        return None

    def echo(self) -> list[tuple[str, str]]:
        """(parameter, value) as the request sent them, for the answer's categories."""
        return [
            (f"{SEARCH}{key}{self.suffix}", value)
            for key, field in _FIELDS.items()
            if (value := getattr(self, field)) is not None
        ]


@dataclass(frozen=True)
class KnowledgeRequest:
    concepts: tuple[Concept, ...]
    recipient: str | None
    language: str | None  # the tag as sent; the web layer negotiates it
    syntax: str  # "atom", "json" or "jsonp"
    media_type: str
    callback: str | None


def parse(params: Params) -> KnowledgeRequest:
    """Read a request's parameters; unknown ones are ignored.

    :raise RequestError: a value that is malformed, too long or ambiguous.
    """
    # Values are taken as sent, never trimmed or case-folded: what is accepted
    # is exactly what the OpenAPI document says.
    response_type = _single(params, RESPONSE_TYPE, MAX_CODE_LENGTH) or DEFAULT_RESPONSE_TYPE
    if response_type not in RESPONSE_TYPES:
        raise RequestError(
            RESPONSE_TYPE, f"{RESPONSE_TYPE} must be one of: {', '.join(RESPONSE_TYPES)}."
        )
    syntax, media_type = RESPONSE_TYPES[response_type]
    # Checked whenever sent, though only JSONP uses it.
    callback = _single(params, CALLBACK, 300)
    wanted = callback is not None or syntax == "jsonp"
    if wanted and (callback is None or not _CALLBACK.match(callback)):
        raise RequestError(
            CALLBACK,
            "A JSONP answer needs callback: a JavaScript name such as handleAnswer "
            "or app.show (letters, digits, _ and $; at most 64 characters per name).",
        )
    recipient = _single(params, RECIPIENT, MAX_CODE_LENGTH)
    if recipient is not None and not _ROLE.match(recipient):
        raise RequestError(RECIPIENT, f"{RECIPIENT} must be a role code such as PAT or PROV.")
    language = _single(params, LANGUAGE, MAX_CODE_LENGTH)
    return KnowledgeRequest(
        concepts=_concepts(params),
        recipient=recipient,
        language=language,
        syntax=syntax,
        media_type=media_type,
        callback=callback if syntax == "jsonp" else None,
    )


def _single(params: Params, name: str, max_length: int) -> str | None:
    values = params.getlist(name)
    if not values:
        return None
    if len(set(values)) > 1:
        raise RequestError(name, f"{name} is given more than once, with different values.")
    value = values[0]
    if len(value) > max_length:
        raise RequestError(name, f"{name} is longer than {max_length} characters.")
    return value


def _concepts(params: Params) -> tuple[Concept, ...]:
    numbered: dict[str, dict[str, str]] = {}
    repeated: dict[str, list[str]] = {}
    for key in list(params.keys()):
        m = _SEARCH_KEY.match(key)
        if m is None:
            continue
        field, suffix = _FIELDS[m.group(1)], m.group(2)
        values = params.getlist(key)
        if len(values) > MAX_CONCEPTS:
            raise _too_many()
        for value in values:
            _check_value(key, field, value)
        if suffix:
            if len(values) > 1:
                raise RequestError(key, f"{key} is given more than once.")
            numbered.setdefault(suffix, {})[field] = values[0].strip() or None
        else:
            repeated[field] = [v.strip() or None for v in values]
    concepts = [Concept(suffix, **fields) for suffix, fields in sorted(numbered.items())]
    # Repeated parameters pair up by position; one code system names them all.
    count = max((len(v) for v in repeated.values()), default=0)
    systems = repeated.get("system", [])
    for i in range(count):
        fields = {f: v[i] for f, v in repeated.items() if f != "system" and i < len(v)}
        system = systems[0] if len(systems) == 1 else (systems[i] if i < len(systems) else None)
        concepts.append(Concept("", system=system, **fields))
    concepts = [c for c in concepts if c.code or c.display_name or c.original_text]
    if not concepts:
        raise RequestError(
            f"{SEARCH}c",
            f"Name a concept: {SEARCH}c with {SEARCH}cs, or {SEARCH}dn, or {SEARCH}ot.",
        )
    if len(concepts) > MAX_CONCEPTS:
        raise _too_many()
    for concept in concepts:
        if concept.code and concept.system in _ICD10CM_SYSTEMS and concept.icd10cm is None:
            raise RequestError(
                f"{SEARCH}c{concept.suffix}",
                f"{concept.code[:MAX_CODE_LENGTH]!r} is not an ICD-10-CM code "
                "(C79.51, C7951 or C79).",
            )
    return tuple(concepts)


def _too_many() -> RequestError:
    return RequestError(f"{SEARCH}c", f"At most {MAX_CONCEPTS} concepts in one request.")


def _check_value(key: str, field: str, value: str) -> None:
    limit = MAX_CODE_LENGTH if field in {"code", "system"} else MAX_VALUE_LENGTH
    if len(value) > limit:
        raise RequestError(key, f"{key} is longer than {limit} characters.")
    if field == "system" and value and not (_OID.match(value) or _URI.match(value)):
        raise RequestError(
            key, f"{key} must be a code system OID such as {icd10cm.OID} (ICD-10-CM)."
        )
    if any(ord(ch) < 32 or 0xFFFE <= ord(ch) <= 0xFFFF for ch in value):
        raise RequestError(key, f"{key} holds control characters.")


# -- matching --------------------------------------------------------------------


@dataclass(frozen=True)
class TermMatch:
    term_id: str
    by: str  # "icd-10-cm", "display-name" or "original-text"
    #: For a code: the mapping's code ("C79.5") and official description.
    code: str | None = None
    description: str | None = None


def match(
    concept: Concept,
    view: LocaleView,
    english: LocaleView,
    codes: CodeIndex,
    limit: int = MAX_ENTRIES_PER_CONCEPT,
) -> list[TermMatch]:
    """The ranked terms that explain a concept: by its ICD-10-CM code, else by
    its display name, then by its original text."""
    code = concept.icd10cm
    if code is None and concept.display_name:
        # An EHR often shows the code's own description ("Malignant pleural
        # effusion"), whatever system its code is in.
        code = codes.by_description(concept.display_name)
    if code is not None:
        found = [
            TermMatch(m.term_id, "icd-10-cm", m.mapping.code, m.mapping.description)
            for m in codes.resolve(code, limit)
        ]
        if found:
            return found
    found, seen = [], set()
    for by, text in (
        ("display-name", concept.display_name),
        ("original-text", concept.original_text),
    ):
        if not text:
            continue
        for term_id in _words_match(text, view, english):
            if term_id not in seen and len(found) < limit:
                seen.add(term_id)
                found.append(TermMatch(term_id, by))
    return found


def _words_match(text: str, view: LocaleView, english: LocaleView) -> list[str]:
    """The term a reader means by these words (lookup, in the locale then in
    English), then every term linked in them, in reading order."""
    ids = []
    hit = view.lookup(text)
    if hit is not None:
        ids.append(hit.term_id)
    spans = view.index.annotate(text)
    if not spans and view is not english:
        spans = english.index.annotate(text)
    ids.extend(span.term_id for span in spans)
    return ids
