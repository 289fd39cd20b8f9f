"""GET and POST /infobutton: HL7 Infobutton knowledge requests from EHRs.

The request is read and matched by ``ehr/infobutton.py`` and written by
``ehr/feed.py``; this module is the HTTP around them: parameters from the
query string (and, for a POST, the form body the URL-based guide allows for
long requests), the language, the syntax asked for, errors in that syntax.

Language: ``informationRecipient.languageCode.c`` wins, then ``lang``, then
Accept-Language, as everywhere. A well-formed tag the service does not serve
is answered in English, and the feed says so (a ``language-fallback``
category naming the tag asked for).
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, g, request, url_for
from werkzeug.datastructures import MultiDict

from .._version import __version__
from ..ehr import feed
from ..ehr.infobutton import (
    LANGUAGE,
    RECIPIENT,
    RESPONSE_TYPE,
    RESPONSE_TYPES,
    KnowledgeRequest,
    RequestError,
    TermMatch,
    match,
    parse,
)
from ..locales import DEFAULT_LOCALE, MalformedTag
from . import get_state, glossary
from .errors import TITLES, Problem
from .jsonio import json_response, to_json
from .negotiation import match_lang
from .pages import public_url

PREFIX = "/infobutton"
FORM = "application/x-www-form-urlencoded"

bp = Blueprint("infobutton", __name__)


@bp.route(PREFIX, methods=["GET", "POST"])
def infobutton():
    """Education material for the concepts of an Infobutton request."""
    try:
        req = parse(_params())
    except RequestError as exc:
        raise Problem(400, "invalid-parameter", exc.detail) from None
    fallback_from = _negotiate(req)
    view = g.view
    gl = glossary()
    state = get_state()
    entries: dict[str, dict] = {}
    for concept in req.concepts:
        for found in match(concept, view, gl.english, state.codes):
            entry = entries.setdefault(found.term_id, {"categories": []})
            entry["categories"].extend(_categories(concept.echo(), found))
    code = view.info.code
    body = feed.build(
        lang=code,
        updated=gl.content.codes.updated,
        echoed=_echo(req),
        entries=[_entry(view, term_id, e["categories"]) for term_id, e in entries.items()],
        version=__version__,
        fallback_from=fallback_from,
    )
    return _respond(req.syntax, req.media_type, req.callback, body)


def _params() -> MultiDict:
    """The query string, and for a POST its form body too."""
    if request.method != "POST":
        return request.args
    if request.mimetype != FORM:
        raise Problem(
            415,
            "unsupported-media-type",
            f"Send the Infobutton parameters in the query string or as {FORM}.",
        )
    params = MultiDict(request.args)
    for key, values in request.form.lists():
        params.setlist(key, params.getlist(key) + values)
    return params


def _negotiate(req: KnowledgeRequest) -> str | None:
    """Serve the recipient's language; the tag asked for when it is not served."""
    if req.language is None:
        return None  # lang or Accept-Language, as negotiation.py chose
    try:
        code = match_lang(glossary(), req.language)
    except MalformedTag:
        raise Problem(
            400,
            "invalid-language-tag",
            f"{LANGUAGE} is not a valid language tag, such as es or zh-Hant.",
        ) from None
    g.view = glossary().view(code or DEFAULT_LOCALE)
    return None if code else req.language


def _echo(req: KnowledgeRequest) -> list[tuple[str, str]]:
    echoed = []
    if req.recipient:
        echoed.append((RECIPIENT, req.recipient))
    if req.language:
        echoed.append((LANGUAGE, req.language))
    for concept in req.concepts:
        echoed.extend(concept.echo())
    return echoed


def _categories(echoed: list[tuple[str, str]], found: TermMatch):
    """What an entry answers: the concept as sent, and how it was matched."""
    cats = [(scheme, value, None) for scheme, value in echoed]
    if found.by == "icd-10-cm":
        cats.append((feed.MATCHED_BY, f"icd-10-cm:{found.code}", found.description))
    else:
        cats.append((feed.MATCHED_BY, found.by, None))
    return cats


def _entry(view, term_id: str, categories) -> feed.Entry:
    t = view.terms[term_id]
    code = view.info.code
    # The term page, under the prefix the service is mounted at, absolute when
    # a public address is configured (never from the request's Host).
    href = public_url(url_for("pages.term", term_id=term_id, lang=code))
    english = set()
    if code != DEFAULT_LOCALE:
        english = {f for f in ("term", "short_definition", "definition") if f in t.fallback_fields}
    unique = list(dict.fromkeys(categories))
    return feed.Entry(
        term_id=term_id,
        title=t.term,
        summary=t.short_definition,
        content=t.definition,
        href=href,
        lang=code,
        english_fields=frozenset(english),
        categories=tuple(unique),
    )


def _respond(syntax: str, media_type: str, callback: str | None, body: feed.Node, status=200):
    if syntax == "json":
        return json_response(to_json(feed.to_json(body)), status)
    if syntax == "jsonp":
        # The comment keeps a callback name from being the first bytes of the
        # answer (content sniffing of old plugins); JSON text is valid JavaScript
        # once U+2028/9 are escaped, which to_json does.
        script = f"/**/{callback}({to_json(feed.to_json(body))});"
        return current_app.response_class(script, status, mimetype="text/javascript")
    response = current_app.response_class(feed.to_xml(body), status)
    response.content_type = f"{media_type}; charset=utf-8"
    return response


def render_error(status: int, slug: str, detail: str) -> Response | None:
    """An error as an Atom feed with no entry when the request asked for Atom
    (the default); None, so problem+json, when it asked for JSON or JSONP."""
    asked = _asked_type() or "text/xml"
    syntax, media_type = RESPONSE_TYPES.get(asked, ("atom", "text/xml"))
    if syntax != "atom":
        return None
    view = g.get("view") or glossary().english
    body = feed.build(
        lang=view.info.code,
        updated=glossary().content.codes.updated,
        echoed=[],
        entries=[],
        version=__version__,
        subtitle=f"{TITLES[slug]}: {detail}",
        status=(status, slug),
    )
    return _respond("atom", media_type, None, body, status)


def _asked_type() -> str | None:
    """knowledgeResponseType as sent, read without failing: this runs for
    errors too (a body too large is never read)."""
    value = request.args.get(RESPONSE_TYPE)
    if value is None and request.method == "POST" and request.mimetype == FORM:
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        if request.content_length is not None and request.content_length <= limit:
            try:
                value = request.form.get(RESPONSE_TYPE)
            except Exception:  # any body problem is already the error being reported
                value = None
    return value
