"""GET /widget.js and /widget.css: the embeddable tooltip widget.

The script is ``static/widget.js`` without its comment lines, with its
configuration filled in: the CSS (adopted by the script as a constructed
stylesheet, so host pages need no ``style-src`` for it) and, for every served
locale, its text direction and the widget's two UI strings through gettext. It
is built once per app; its version is a hash of what is served.

Caching: ``/widget.js?v=<version>`` (what our own pages use) is immutable for a
year; plain ``/widget.js`` (the one-tag embed) may be reused for a day and then
revalidated with its ETag, which is the version.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, current_app, request, url_for
from flask_babel import force_locale, gettext

from . import get_state, glossary

bp = Blueprint("widget", __name__)

STATIC = Path(__file__).parent.parent / "static"
VERSIONED_CACHE = "public, max-age=31536000, immutable"
UNVERSIONED_CACHE = "public, max-age=86400, stale-while-revalidate=604800"
_CONFIG = re.compile(r"/\*CONFIG\*/.*?/\*CONFIG\*/", re.S)


@dataclass(frozen=True)
class Asset:
    """A file served with long-lived caching; ``version`` changes with its bytes."""

    body: bytes
    mimetype: str

    @property
    def version(self) -> str:
        return hashlib.sha256(self.body).hexdigest()[:16]


def asset_response(asset: Asset) -> Response:
    response = current_app.response_class(asset.body, mimetype=asset.mimetype)
    versioned = request.args.get("v") == asset.version
    response.headers["Cache-Control"] = VERSIONED_CACHE if versioned else UNVERSIONED_CACHE
    # headers.py answers If-None-Match with 304 against this ETag.
    response.set_etag(asset.version)
    # Any site may load it, also with crossorigin/SRI or under COEP.
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@cache
def _source(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def minify_js(source: str) -> str:
    """Drop whole-line ``//`` comments, blank lines and indentation.

    Safe for widget.js, which keeps no comment at the end of a code line and no
    string or template literal across lines.
    """
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def minify_css(source: str) -> str:
    css = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    return css.replace(": ", ":").replace(";}", "}").strip()


def ui_strings() -> dict[str, list[str]]:
    """Per served locale: [direction, link text, link's accessible name]."""
    table = {}
    # Draft catalogs are served by the API and pages, but the widget offers
    # only released languages (it falls back to English for the others).
    for code, info in glossary().locales.items():
        if info.status != "released":
            continue
        with force_locale(info.catalog):
            table[code] = [
                info.direction,
                # Translators: link at the end of a glossary tooltip, to the term's page.
                gettext("More"),
                # Translators: what a screen reader says for that link; keep %(term)s.
                gettext("More about %(term)s", term="%s"),
            ]
    return table


def build_script() -> Asset:
    config = json.dumps(
        {"css": minify_css(_source("widget.css")), "locales": ui_strings()},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    # Line and paragraph separators are not always safe inside JS strings.
    config = config.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    script = _CONFIG.sub(lambda _: config, minify_js(_source("widget.js")), count=1)
    return Asset(script.encode("utf-8"), "text/javascript")


def script_asset() -> Asset:
    """The served widget.js, built on first use (it needs a request for gettext)."""
    state = get_state()
    if state.widget is None:
        state.widget = build_script()
    return state.widget


@cache
def stylesheet_asset() -> Asset:
    return Asset(_source("widget.css").encode("utf-8"), "text/css")


def widget_url(**kwargs) -> str:
    """The versioned address of widget.js (immutable, for our own pages)."""
    return url_for("widget.script", v=script_asset().version, **kwargs)


@bp.get("/widget.js")
def script():
    """The embeddable tooltip script."""
    return asset_response(script_asset())


@bp.get("/widget.css")
def stylesheet():
    """The widget's CSS, for browsers without constructable stylesheets."""
    return asset_response(stylesheet_asset())
