"""GET /healthz: is the glossary loaded, and what does it serve."""

from flask import Blueprint, current_app

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    from ._version import __version__
    from .api import json_response

    glossary = current_app.extensions["glossary"]
    return json_response(
        {
            "status": "ok",
            "terms": len(glossary.content.terms),
            "locales": list(glossary.locales),
            "version": __version__,
        }
    )
