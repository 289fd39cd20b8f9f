"""Pick the locale of each request: ``lang`` wins, then Accept-Language, then English."""

from __future__ import annotations

from flask import Flask, current_app, g, request
from flask_babel import gettext

from .errors import Problem
from .locales import DEFAULT_LOCALE, MalformedTag


def _accepted() -> list[tuple[str, float]]:
    return [(tag, q) for tag, q in request.accept_languages]


def negotiate() -> None:
    glossary = current_app.extensions["glossary"]
    lang = request.args.get("lang")
    try:
        code = glossary.negotiator.negotiate(lang, _accepted())
    except MalformedTag:
        # Answer the error itself in the reader's Accept-Language.
        g.view = glossary.view(glossary.negotiator.negotiate(None, _accepted()))
        raise Problem(
            400,
            "invalid-language-tag",
            gettext("The lang parameter is not a valid language tag, such as es or zh-Hant."),
        ) from None
    g.view = glossary.view(code)


def locale_selector() -> str:
    """Flask-Babel asks this for the catalog of UI strings."""
    view = g.get("view")
    return view.info.catalog if view is not None else DEFAULT_LOCALE


def init_app(app: Flask) -> None:
    app.before_request(negotiate)
