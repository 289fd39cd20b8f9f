"""The web layer: Flask blueprints over the glossary, and the one place that
knows which requests are API requests and what per-app state exists.

``register(app, glossary)`` wires everything; views reach the app's state
only through ``get_state()`` (flask-babel's ``get_babel()`` is the model).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask, current_app, request

from ..glossary import Glossary


@dataclass
class GlossaryState:
    """All per-app state: the glossary, and renderings made once on first use."""

    glossary: Glossary
    #: Rendered once per app: the OpenAPI document names this content's categories.
    openapi_json: str | None = None
    #: widget.js with its config, built on first use (it needs a request for gettext).
    widget: object | None = None
    #: The pages' own files (site.css, favicon.svg), read on first use.
    page_assets: dict[str, object] = field(default_factory=dict)
    #: The browser matcher's data per locale, exported on first use (matcher.py).
    matchers: dict[str, object] = field(default_factory=dict)


def get_state(app: Flask | None = None) -> GlossaryState:
    return (app or current_app).extensions["glossary"]


def glossary() -> Glossary:
    return get_state().glossary


def is_api_path() -> bool:
    """Requests answered in JSON (and errors as problem+json): the API, the
    browser matcher's data, the health check with or without a trailing slash,
    and paths that start with "//" (no page lives there; clients that build
    URLs badly get JSON)."""
    path = request.path
    return path.startswith(("/api/", "//", "/widget/matcher/")) or path.rstrip("/") == "/healthz"


def register(app: Flask, glossary: Glossary) -> None:
    from . import errors, headers, negotiation, requestlog
    from .api import bp as api_bp
    from .health import bp as health_bp
    from .matcher import bp as matcher_bp
    from .pages import bp as pages_bp
    from .widget import bp as widget_bp

    app.extensions["glossary"] = GlossaryState(glossary)
    for bp in (api_bp, health_bp, pages_bp, widget_bp, matcher_bp):
        app.register_blueprint(bp)
    requestlog.init_app(app)
    negotiation.init_app(app)
    headers.init_app(app)
    errors.register_error_handlers(app)
