"""GET /healthz: is the glossary loaded, and what does it serve."""

from flask import Blueprint

from .._version import __version__
from . import glossary
from .jsonio import json_response

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    gl = glossary()
    return json_response(
        {
            "status": "ok",
            "terms": len(gl.content.terms),
            "locales": list(gl.locales),
            "version": __version__,
        }
    )
