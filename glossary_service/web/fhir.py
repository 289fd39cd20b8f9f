"""FHIR R4 terminology under /fhir: the glossary for SMART on FHIR apps.

Resources are built by ``ehr/fhir.py``; this module reads the operations'
parameters and answers ``application/fhir+json``. Every error under /fhir,
an unknown address or method included, is an OperationOutcome.

Language: ``displayLanguage`` wins, then ``lang``, then Accept-Language (FHIR
says displayLanguage defaults to Accept-Language). A language not served
answers in English.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, g, request

from .._version import __version__
from ..ehr import fhir, icd10cm
from ..locales import DEFAULT_LOCALE, MalformedTag
from . import get_state, glossary
from .errors import TITLES, Problem
from .jsonio import to_json
from .negotiation import match_lang
from .openapi import MAX_LIMIT, MAX_QUERY_LENGTH

PREFIX = "/fhir"
MAX_PARAM_LENGTH = 200
MAX_PROPERTIES, MAX_PROPERTY_LENGTH = 20, 64

bp = Blueprint("fhir", __name__, url_prefix=PREFIX)


def _resource(body: dict | str, status: int = 200) -> Response:
    text = body if isinstance(body, str) else to_json(body)
    return current_app.response_class(text, status, mimetype=fhir.MEDIA_TYPE)


def _cached(key: str, build) -> Response:
    """Resources that depend only on the content are built once per app."""
    cache = get_state().fhir
    if key not in cache:
        cache[key] = to_json(build())
    return _resource(cache[key])


def _param(name: str, required: bool = False) -> str | None:
    """A parameter as sent (never trimmed: what is accepted is what the OpenAPI
    document says); empty or blank is an error, absent is None."""
    value = request.args.get(name)
    if value is None:
        if required:
            raise Problem(400, "invalid-parameter", f"The parameter {name} is required.")
        return None
    if not value or value.isspace():
        raise Problem(400, "invalid-parameter", f"{name} is empty.")
    if len(value) > MAX_PARAM_LENGTH:
        raise Problem(
            400, "invalid-parameter", f"{name} is longer than {MAX_PARAM_LENGTH} characters."
        )
    return value


def _display_language() -> None:
    tag = _param("displayLanguage")
    if tag is None:
        return
    try:
        code = match_lang(glossary(), tag)
    except MalformedTag:
        raise Problem(
            400, "invalid-language-tag", "displayLanguage is not a language tag, such as es."
        ) from None
    g.view = glossary().view(code or DEFAULT_LOCALE)


def _known(kind: str, rid: str, expected: str) -> None:
    if rid != expected:
        raise Problem(
            404, "not-found", f"This server has no {kind} with this id; it has {expected}."
        )


def _system(expected: str) -> None:
    system = _param("system", required=True)
    if system != expected:
        raise Problem(400, "invalid-parameter", f"system must be {expected}.")


# -- the server ---------------------------------------------------------------------


@bp.get("/metadata")
def metadata():
    """CapabilityStatement, or TerminologyCapabilities with mode=terminology."""
    mode = _param("mode")
    if mode == "terminology":
        return _cached("terminology", lambda: fhir.terminology_capabilities(glossary()))
    if mode not in {None, "full", "normative"}:
        raise Problem(400, "invalid-parameter", "mode must be full, normative or terminology.")
    return _cached("metadata", lambda: fhir.capability_statement(glossary(), __version__))


# -- CodeSystem ------------------------------------------------------------------


@bp.get("/CodeSystem/<rid>")
def code_system(rid: str):
    """The whole glossary as a CodeSystem."""
    _known("CodeSystem", rid, fhir.CODE_SYSTEM_ID)
    return _cached("CodeSystem", lambda: fhir.code_system(glossary()))


@bp.get("/CodeSystem/$lookup")
def lookup():
    """A concept's display in displayLanguage, designations and properties."""
    _system(fhir.CODE_SYSTEM_URL)
    return _lookup()


@bp.get("/CodeSystem/<rid>/$lookup")
def lookup_instance(rid: str):
    _known("CodeSystem", rid, fhir.CODE_SYSTEM_ID)
    if _param("system") not in {None, fhir.CODE_SYSTEM_URL}:
        raise Problem(400, "invalid-parameter", f"system must be {fhir.CODE_SYSTEM_URL}.")
    return _lookup()


def _lookup():
    code = _param("code", required=True)
    _display_language()
    wanted = request.args.getlist("property")
    if len(wanted) > MAX_PROPERTIES or any(len(p) > MAX_PROPERTY_LENGTH for p in wanted):
        raise Problem(
            400,
            "invalid-parameter",
            f"At most {MAX_PROPERTIES} property parameters of {MAX_PROPERTY_LENGTH} characters.",
        )
    if code not in g.view.terms:
        raise Problem(404, "not-found", "The code system has no concept with this code.")
    return _resource(fhir.lookup(glossary(), g.view, code, wanted))


# -- ValueSet ------------------------------------------------------------------


@bp.get("/ValueSet/<rid>")
def value_set(rid: str):
    _known("ValueSet", rid, fhir.VALUE_SET_ID)
    return _cached("ValueSet", lambda: fhir.value_set(glossary()))


@bp.get("/ValueSet/$expand")
def expand():
    """The glossary's terms: all in the language's order, or ``filter``ed for type-ahead."""
    if _param("url", required=True) != fhir.VALUE_SET_URL:
        raise Problem(400, "invalid-parameter", f"url must be {fhir.VALUE_SET_URL}.")
    return _expand()


@bp.get("/ValueSet/<rid>/$expand")
def expand_instance(rid: str):
    _known("ValueSet", rid, fhir.VALUE_SET_ID)
    return _expand()


def _expand():
    text = _param("filter")
    if text is not None and len(text) > MAX_QUERY_LENGTH:
        raise Problem(
            400, "invalid-parameter", f"filter is longer than {MAX_QUERY_LENGTH} characters."
        )
    count = _count()
    _display_language()
    view = g.view
    parameters = [{"name": "displayLanguage", "valueCode": view.info.code}]
    if text is None:
        ids = list(view.sorted_ids)
        total = len(ids)
        ids = ids[:count] if count is not None else ids
    else:
        parameters.insert(0, {"name": "filter", "valueString": text})
        ids = [m.term_id for m in view.index.search(text, count or MAX_LIMIT)]
        total = None  # a ranked cut: how many more would match is not counted
    if count is not None:
        parameters.append({"name": "count", "valueInteger": count})
    return _resource(fhir.expansion(glossary(), view, ids, parameters, total))


def _count() -> int | None:
    raw = _param("count")
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise Problem(
            400, "invalid-parameter", f"count must be a whole number from 1 to {MAX_LIMIT}."
        )
    return int(raw)


# -- ConceptMap ----------------------------------------------------------------


@bp.get("/ConceptMap/<rid>")
def concept_map(rid: str):
    _known("ConceptMap", rid, fhir.CONCEPT_MAP_ID)
    return _cached("ConceptMap", lambda: fhir.concept_map(glossary(), get_state().codes))


@bp.get("/ConceptMap/$translate")
def translate():
    """Glossary terms for an ICD-10-CM code, through its hierarchy."""
    url = _param("url")
    if url is not None and url != fhir.CONCEPT_MAP_URL:
        raise Problem(400, "invalid-parameter", f"url must be {fhir.CONCEPT_MAP_URL}.")
    return _translate()


@bp.get("/ConceptMap/<rid>/$translate")
def translate_instance(rid: str):
    _known("ConceptMap", rid, fhir.CONCEPT_MAP_ID)
    return _translate()


def _translate():
    _system(icd10cm.SYSTEM)
    code = _param("code", required=True)
    target = _param("targetsystem")
    if target is not None and target != fhir.CODE_SYSTEM_URL:
        raise Problem(400, "invalid-parameter", f"targetsystem must be {fhir.CODE_SYSTEM_URL}.")
    normalized = icd10cm.normalize(code)
    if normalized is None:
        raise Problem(
            400, "invalid-parameter", "code is not an ICD-10-CM code (C79.51, C7951 or C79)."
        )
    _display_language()
    return _resource(fhir.translate(glossary(), g.view, get_state().codes, normalized))


# -- errors ----------------------------------------------------------------------


def render_error(status: int, slug: str, detail: str) -> Response:
    return _resource(fhir.operation_outcome(slug, str(TITLES[slug]), detail), status)
