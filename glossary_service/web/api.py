"""The JSON API under /api/v1, as ../shared/CONTRACT.md describes it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from flask import Blueprint, current_app, g, request
from flask_babel import gettext
from werkzeug.exceptions import RequestEntityTooLarge

from ..engine.collation import initial
from ..glossary import LocaleView, LocalizedTerm
from ..locales import MalformedTag
from . import get_state, glossary
from .errors import Problem
from .jsonio import json_response, to_json
from .negotiation import match_lang
from .openapi import DEFAULT_LIMIT, MAX_LIMIT, MAX_MATCHES, MAX_QUERY_LENGTH
from .openapi import document as openapi_document

if TYPE_CHECKING:
    from ..engine.index import Match

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def whole_term_json(view: LocaleView, term_id: str) -> str:
    # Keyed by the mount point too: through API Gateway's own address the
    # service sits under /<stage>, through a custom domain at /; a deployment
    # sees one or two, so the cache stays as small as the glossary.
    key = (request.script_root, term_id)
    rendered = view.rendered.get(key)
    if rendered is None:
        rendered = view.rendered[key] = to_json(whole_term(view, view.terms[term_id]))
    return rendered


def _url(path: str) -> str:
    """An address on this service, under the prefix it is mounted at."""
    return request.script_root + path


# -- shaping terms ------------------------------------------------------------


def term_summary(view: LocaleView, t: LocalizedTerm) -> dict:
    return {
        "id": t.id,
        "term": t.term,
        "short_definition": t.short_definition,
        "category": {"id": t.source.category, "label": t.category_label},
        "url": _url(f"/api/v1/terms/{t.id}?lang={view.info.code}"),
    }


def whole_term(view: LocaleView, t: LocalizedTerm) -> dict:
    lang = view.info.code
    body = {
        "id": t.id,
        "locale": lang,
        "term": t.term,
        "aliases": list(t.aliases),
        "other_names": list(view.other_names(t)),
        "short_definition": t.short_definition,
        "definition": t.definition,
        "category": {"id": t.source.category, "label": t.category_label},
        "related": [
            {
                "id": rid,
                "term": view.terms[rid].term,
                "url": _url(f"/api/v1/terms/{rid}?lang={lang}"),
            }
            for rid in t.source.related
        ],
        "sources": [
            {"document": doc, "title": glossary().content.sources[doc].title}
            for doc in t.source.sources
        ],
        "translation": {
            "complete": not t.fallback_fields,
            "fallback_fields": list(t.fallback_fields),
        },
        "other_languages": [
            {
                "locale": code,
                "term": glossary().term_name(code, t.id),
                "url": _url(f"/api/v1/terms/{t.id}?lang={code}"),
            }
            for code in glossary().locales
            if code != lang
        ],
        "url": _url(f"/api/v1/terms/{t.id}?lang={lang}"),
        "html_url": _url(f"/terms/{t.id}?lang={lang}"),
    }
    if t.source.pronunciation:
        body["pronunciation"] = t.source.pronunciation
    return body


def suggestions(view: LocaleView, query: str) -> list[dict]:
    return [{"id": t.id, "term": t.term} for t in view.suggest(query)]


# -- parameters ------------------------------------------------------------


def query_param(name: str = "q") -> str:
    value = request.args.get(name)
    if value is None or not value.strip():
        raise Problem(
            400,
            "invalid-parameter",
            gettext("The query parameter %(name)s is required.", name=name),
        )
    if len(value) > MAX_QUERY_LENGTH:
        raise Problem(
            400,
            "invalid-parameter",
            gettext(
                "The query parameter %(name)s is longer than %(max)s characters.",
                name=name,
                max=MAX_QUERY_LENGTH,
            ),
        )
    return value


def limit_param() -> int:
    raw = request.args.get("limit", str(DEFAULT_LIMIT))
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise Problem(
            400,
            "invalid-parameter",
            gettext("limit must be a whole number from 1 to %(max)s.", max=MAX_LIMIT),
        )
    return int(raw)


# -- routes --------------------------------------------------------------


@bp.get("/terms")
def list_terms():
    """All terms, in the served locale's alphabetical order."""
    view: LocaleView = g.view
    letter = request.args.get("letter")
    category = request.args.get("category")
    if letter is not None and (len(letter) != 1 or not letter.isalnum()):
        raise Problem(400, "invalid-parameter", gettext("letter must be a single letter."))
    if category is not None and category not in glossary().content.categories:
        raise Problem(
            400,
            "invalid-parameter",
            gettext(
                "Unknown category. Known categories: %(ids)s.",
                ids=", ".join(glossary().content.categories),
            ),
        )
    wanted_letter = initial(view.info.code, letter) if letter else None
    terms = []
    for term_id in view.sorted_ids:
        t = view.terms[term_id]
        if category and t.source.category != category:
            continue
        if wanted_letter and view.initials[term_id] != wanted_letter:
            continue
        terms.append(term_summary(view, t))
    return json_response({"locale": view.info.code, "count": len(terms), "terms": terms})


@bp.get("/terms/<term_id>")
def get_term(term_id: str):
    """One whole term."""
    view: LocaleView = g.view
    t = view.terms.get(term_id)
    if t is None:
        raise Problem(
            404,
            "term-not-found",
            gettext("No term has this id."),
            suggestions=suggestions(view, term_id.replace("-", " ")[:MAX_QUERY_LENGTH]),
        )
    return json_response(whole_term_json(view, t.id))


def _matched_body(view: LocaleView, query: str, match: Match) -> str:
    # The whole term is rendered once; only "matched" is new per request.
    matched = to_json({"query": query, "by": match.by, "score": match.score})
    return f'{whole_term_json(view, match.term_id)[:-1]},"matched":{matched}}}'


@bp.get("/lookup")
def lookup():
    """Resolve what a reader typed or saw: name, alias, inflection, misspelling."""
    view: LocaleView = g.view
    query = query_param()
    match = view.lookup(query)
    if match is None:
        raise Problem(
            404,
            "no-match",
            gettext("No term is close enough to what you looked up."),
            suggestions=suggestions(view, query),
        )
    return json_response(_matched_body(view, query, match))


@bp.get("/search")
def search():
    """Ranked suggestions for a search box."""
    view: LocaleView = g.view
    query = query_param()
    limit = limit_param()
    results = []
    for m in view.index.search(query, limit):
        t = view.terms[m.term_id]
        results.append(
            {
                "id": t.id,
                "term": t.term,
                "short_definition": t.short_definition,
                "score": m.score,
            }
        )
    return json_response({"query": query, "locale": view.info.code, "results": results})


@bp.post("/annotate")
def annotate():
    """Every glossary term in a text, with code point offsets."""
    text, body_lang = _annotate_body()
    view: LocaleView = g.view
    if body_lang is not None:
        # Checked even when the query's lang wins: a malformed body is an
        # error whether or not this request happens to need it.
        code = _body_lang_code(body_lang)
        if request.args.get("lang") is None:
            # The body's lang answers for the text it comes with; a lang in
            # the query string still wins, as it does everywhere.
            view = glossary().view(code)
    matches = []
    spans = view.index.annotate(text)
    # Bounded: each match repeats its term and tooltip, so a text of one short
    # abbreviation repeated would otherwise answer megabytes.
    truncated = len(spans) > MAX_MATCHES
    for span in spans[:MAX_MATCHES]:
        t = view.terms[span.term_id]
        matches.append(
            {
                "start": span.start,
                "end": span.end,
                "text": text[span.start : span.end],
                "id": t.id,
                "term": t.term,
                "short_definition": t.short_definition,
            }
        )
    g.view = view
    return json_response({"locale": view.info.code, "matches": matches, "truncated": truncated})


def _body_lang_code(lang: str) -> str:
    try:
        return match_lang(glossary(), lang) or "en"
    except MalformedTag:
        raise Problem(
            400, "invalid-language-tag", gettext("lang is not a valid language tag.")
        ) from None


def _read_body() -> bytes:
    """The request body, refusing more than MAX_CONTENT_LENGTH with a 413.

    Werkzeug refuses a Content-Length over the limit, but a chunked body has
    none: there it silently cuts the body at the limit (request.get_data()
    would annotate a truncated text) or, read one byte further, refuses even
    a body of exactly the limit. The server has delimited such a body
    (``wsgi.input_terminated``: gunicorn, Werkzeug's own server), so read it
    directly, one byte past the limit at most, and tell the two apart.
    """
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    environ = request.environ
    length = request.content_length
    if length is not None:
        # Read exactly what Content-Length says: reading one byte more from
        # Werkzeug's limited stream under gunicorn is itself a 413, which
        # refused a body of exactly the limit.
        if length > limit:
            raise RequestEntityTooLarge()
        return request.stream.read()  # bounded by Content-Length: all of it
    if not environ.get("wsgi.input_terminated"):
        return b""  # no length and no delimiting server: WSGI says there is no body
    stream = environ["wsgi.input"]
    chunks, size = [], 0
    while chunk := stream.read(min(16384, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise RequestEntityTooLarge()
    return b"".join(chunks)


def _annotate_body() -> tuple[str, object]:
    mimetype = request.mimetype
    if mimetype == "application/json":
        body = _read_body()
        try:
            # JSON travels in UTF-8 (RFC 8259); a byte order mark is forgiven.
            data = json.loads(body.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise Problem(400, "invalid-body", gettext("The body is not valid UTF-8.")) from None
        except ValueError:
            raise Problem(400, "invalid-body", gettext("The body is not valid JSON.")) from None
        except RecursionError:
            # [[[[...]]]] within 64 KiB is deep enough to exhaust the parser.
            raise Problem(
                400, "invalid-body", gettext("The JSON body is nested too deeply.")
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise Problem(
                422,
                "invalid-body",
                gettext('The body must be a JSON object with a string member "text".'),
            )
        # "lang": null is not "no lang": the document says a string.
        if "lang" in data and not isinstance(data["lang"], str):
            raise Problem(422, "invalid-body", gettext("lang must be a string."))
        return data["text"], data.get("lang")
    if mimetype == "text/plain":
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in {"utf-8", "utf8"}:
            raise Problem(415, "unsupported-media-type", gettext("Send text in UTF-8."))
        try:
            return _read_body().decode("utf-8"), None
        except UnicodeDecodeError:
            raise Problem(400, "invalid-body", gettext("The body is not valid UTF-8.")) from None
    raise Problem(
        415,
        "unsupported-media-type",
        gettext("Send the text as application/json or text/plain in UTF-8."),
    )


@bp.get("/locales")
def locales():
    """The served locales, how complete and how reviewed each is."""
    gl = glossary()
    return json_response(
        {
            "default": "en",
            "locales": [
                {
                    "code": info.code,
                    "name": info.name,
                    "english_name": info.english_name,
                    "direction": info.direction,
                    "completeness": gl.completeness(info.code),
                    "review": info.review,
                    "status": info.status,
                }
                for info in gl.locales.values()
            ],
        }
    )


@bp.get("/openapi.json")
def openapi():
    """This API, described in OpenAPI 3.1."""
    state = get_state()
    if state.openapi_json is None:
        # Rendered once per app: it names this content's category ids.
        state.openapi_json = to_json(openapi_document(state.glossary.content.categories))
    return json_response(state.openapi_json)
