"""Pick the locale of each request: ``lang`` wins, then Accept-Language, then English."""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from flask import Flask, g, request
from flask_babel import gettext

from ..locales import DEFAULT_LOCALE, MalformedTag
from . import glossary
from .errors import Problem
from .openapi import LANG_MAX_LENGTH, LANG_PATTERN

# The pattern the OpenAPI document publishes. JSON Schema's "$" is the very end
# of the string; Python's would also allow one trailing newline.
_LANG = re.compile(LANG_PATTERN.removesuffix("$") + r"\Z")
# "%" not followed by two hex digits: not a URI (RFC 3986 2.1).
_BAD_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")


def match_lang(glossary, lang: str) -> str | None:
    """The served code for a ``lang`` value (query or annotate body), or None.

    Stricter than the negotiator alone: ASCII only (its case-insensitive regex
    would take the Kelvin sign for a "k"), no surrounding white space, at
    most 64 characters, exactly as the OpenAPI document says.

    :raise MalformedTag: not a well-formed tag.
    """
    if len(lang) > LANG_MAX_LENGTH or not _LANG.match(lang):
        raise MalformedTag(lang)
    return glossary.negotiator.match(lang)


def _accepted() -> list[tuple[str, float]]:
    return [(tag, q) for tag, q in request.accept_languages]


def check_url() -> None:
    """Refuse a query string that is not percent-encoded UTF-8.

    Werkzeug would quietly turn bad bytes into U+FFFD and keep a stray "%",
    so a client bug would look like a search for garbage. A precise 400 tells
    the client what to fix. The path needs no check: a bad id is simply not
    found.
    """
    raw = request.query_string
    if not raw:
        return
    if _BAD_PERCENT.search(raw):
        detail = gettext("The query string has a percent sign that does not start an encoded byte.")
    else:
        try:
            unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
            return
        except UnicodeDecodeError:
            detail = gettext("The query string is not valid UTF-8.")
    g.view = glossary().view(_fallback_code())
    raise Problem(400, "invalid-parameter", detail)


def _fallback_code() -> str:
    """The locale from Accept-Language alone, for answering a bad request."""
    return glossary().negotiator.negotiate(None, _accepted())


def negotiate() -> None:
    gl = glossary()
    lang = request.args.get("lang")
    try:
        if lang is not None:
            code = match_lang(gl, lang) or DEFAULT_LOCALE
        else:
            code = gl.negotiator.negotiate(None, _accepted())
    except MalformedTag:
        # Answer the error itself in the reader's Accept-Language.
        g.view = gl.view(_fallback_code())
        if request.routing_exception is not None:
            # No such address or method: that is the error to report (404,
            # 405), whatever the parameters say.
            return
        raise Problem(
            400,
            "invalid-language-tag",
            gettext("The lang parameter is not a valid language tag, such as es or zh-Hant."),
        ) from None
    g.view = gl.view(code)


def locale_selector() -> str:
    """Flask-Babel asks this for the catalog of UI strings."""
    view = g.get("view")
    return view.info.catalog if view is not None else DEFAULT_LOCALE


def init_app(app: Flask) -> None:
    # Before negotiation: lang is read from the query string too.
    app.before_request(check_url)
    app.before_request(negotiate)
