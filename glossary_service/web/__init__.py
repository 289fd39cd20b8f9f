"""The web layer: Flask blueprints over the glossary, and the one place that
knows which requests are API requests and what per-app state exists.

``register(app, glossary)`` wires everything; views reach the app's state
only through ``get_state()`` (flask-babel's ``get_babel()`` is the model).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask, Response, current_app, request

from ..ehr.icd10cm import CodeIndex
from ..glossary import Glossary

#: Renders an error (status, problem slug, detail) in the format of a part of
#: the service (FHIR answers OperationOutcome), or None for problem+json.
ErrorRenderer = Callable[[int, str, str], "Response | None"]


@dataclass
class GlossaryState:
    """All per-app state: the glossary, and renderings made once on first use."""

    glossary: Glossary
    #: ICD-10-CM codes mapped to terms (content/codes.toml), for Infobutton and FHIR.
    codes: CodeIndex = field(init=False)
    #: Path prefix -> how errors under it are written (errors.py asks).
    error_renderers: dict[str, ErrorRenderer] = field(default_factory=dict)
    #: Rendered once per app: the OpenAPI document names this content's categories.
    openapi_json: str | None = None
    #: widget.js with its config, built on first use (it needs a request for gettext).
    widget: object | None = None
    #: The pages' own files (site.css, favicon.svg), read on first use.
    page_assets: dict[str, object] = field(default_factory=dict)
    #: The browser matcher's data per locale, exported on first use (matcher.py).
    matchers: dict[str, object] = field(default_factory=dict)
    #: FHIR resources that depend only on the content (and the mount point), built on first use.
    fhir: dict[object, str] = field(default_factory=dict)

    def __post_init__(self):
        self.codes = CodeIndex(self.glossary.content.codes.icd10cm)


def get_state(app: Flask | None = None) -> GlossaryState:
    return (app or current_app).extensions["glossary"]


def glossary() -> Glossary:
    return get_state().glossary


#: Where machines call: the EHR faces (Infobutton, FHIR) beside the JSON API.
MACHINE_PREFIXES = ("/infobutton", "/fhir")


def under(path: str, prefix: str) -> bool:
    """``path`` is ``prefix`` or below it ("/fhirx" is not under "/fhir")."""
    return path == prefix or path.startswith(prefix + "/")


def is_api_path() -> bool:
    """Requests answered in JSON (and errors as problem+json unless the part
    answering has its own format), with CORS: the API, the browser matcher's
    data, the widget's release, the EHR faces, the health check with or without a trailing slash,
    and paths that start with "//" (no page lives there; clients that build
    URLs badly get JSON)."""
    path = request.path
    return (
        path.startswith(("/api/", "//", "/widget/matcher/"))
        or path.rstrip("/") in ("/healthz", "/widget/release.json")
        or any(under(path, prefix) for prefix in MACHINE_PREFIXES)
    )


def register(app: Flask, glossary: Glossary) -> None:
    from . import errors, fhir, headers, infobutton, negotiation, requestlog
    from .api import bp as api_bp
    from .health import bp as health_bp
    from .matcher import bp as matcher_bp
    from .pages import bp as pages_bp
    from .widget import bp as widget_bp

    state = app.extensions["glossary"] = GlossaryState(glossary)
    for bp in (api_bp, health_bp, pages_bp, widget_bp, matcher_bp, infobutton.bp, fhir.bp):
        app.register_blueprint(bp)
    state.error_renderers[infobutton.PREFIX] = infobutton.render_error
    state.error_renderers[fhir.PREFIX] = fhir.render_error
    requestlog.init_app(app)
    negotiation.init_app(app)
    headers.init_app(app)
    errors.register_error_handlers(app)
