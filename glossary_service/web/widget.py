"""GET /widget.js, /widget.mjs, /widget.css and /widget/release.json: the
embeddable tooltip widget.

The script is ``static/widget.js`` without its comment lines, with its
configuration filled in: the CSS (adopted by the script as a constructed
stylesheet, so host pages need no ``style-src`` for it), the matcher's address
and, for every served locale, its text direction and the widget's two UI
strings through gettext. ``/widget.mjs`` is the same code as an ES module that
exports ``init({host, lang, ...})`` instead of starting from its script tag
(bundlers move code away from ``document.currentScript``). Both are built once
per app; a version is a hash of what is served, and release.json publishes
the versioned addresses with their SRI hashes for portals that pin them.

Caching: ``?v=<version>`` (what our own pages use) is immutable for a year;
the plain address (the one-tag embed) may be reused for a day and then
revalidated with its ETag, which is the version.
"""

from __future__ import annotations

import base64
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
# widget.js marks where the shared core starts and where the classic script's
# own start (from its tag) begins; the module takes the part between.
_CORE, _CLASSIC = "// @core\n", "// @classic\n"
_BANNER = (
    "/*! Cancer glossary widget, ES module: import { init } and call init({ host, lang }). */\n"
)
# The in-browser matcher (static/matcher.js), loaded by the widget from its own host.
MATCHER_PATH = "/widget/matcher.js"


@dataclass(frozen=True)
class Asset:
    """A file served with long-lived caching; ``version`` changes with its bytes."""

    body: bytes
    mimetype: str

    @property
    def version(self) -> str:
        return hashlib.sha256(self.body).hexdigest()[:16]

    @property
    def integrity(self) -> str:
        """Subresource Integrity of the served bytes."""
        return "sha384-" + base64.b64encode(hashlib.sha384(self.body).digest()).decode()


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


def build_assets() -> dict[str, Asset]:
    """widget.js (a classic script that starts from its tag) and widget.mjs
    (the same core as a module exporting init()), from one source file."""
    config = json.dumps(
        {
            "css": minify_css(_source("widget.css")),
            "matcher": MATCHER_PATH,
            "locales": ui_strings(),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    # Line and paragraph separators are not always safe inside JS strings.
    config = config.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    source = _source("widget.js")
    script = _CONFIG.sub(lambda _: config, minify_js(source), count=1)
    core = source.split(_CORE, 1)[1].split(_CLASSIC, 1)[0]
    module = f"{_BANNER}const config = {config};\n{minify_js(core)}export {{ init }};\n"
    return {
        "js": Asset(script.encode("utf-8"), "text/javascript"),
        "mjs": Asset(module.encode("utf-8"), "text/javascript"),
    }


def _assets() -> dict[str, Asset]:
    """Built on first use (it needs a request for gettext)."""
    state = get_state()
    if state.widget is None:
        state.widget = build_assets()
    return state.widget


def script_asset() -> Asset:
    """The served widget.js."""
    return _assets()["js"]


def module_asset() -> Asset:
    """The served widget.mjs."""
    return _assets()["mjs"]


@cache
def stylesheet_asset() -> Asset:
    return Asset(_source("widget.css").encode("utf-8"), "text/css")


def public_url(path: str) -> str:
    """Absolute from GLOSSARY_PUBLIC_URL (never from the Host header); the
    path alone when no public address is configured."""
    return current_app.config["GLOSSARY_PUBLIC_URL"] + path


def widget_url(**kwargs) -> str:
    """The versioned address of widget.js (immutable, for our own pages)."""
    return url_for("widget.script", v=script_asset().version, **kwargs)


@bp.get("/widget.js")
def script():
    """The embeddable tooltip script."""
    return asset_response(script_asset())


@bp.get("/widget.mjs")
def module():
    """The widget as an ES module, for bundlers: ``init({host, lang})``."""
    return asset_response(module_asset())


@bp.get("/widget/release.json")
def release():
    """The versioned addresses of widget.js and widget.mjs with their SRI
    hashes, for portals that pin the widget."""
    script, module = script_asset(), module_asset()
    script_url = public_url(url_for("widget.script", v=script.version))
    module_url = public_url(url_for("widget.module", v=module.version))
    body = {
        "version": script.version,
        "script": {"url": script_url, "integrity": script.integrity},
        "module": {"url": module_url, "integrity": module.integrity},
        "html": f'<script src="{script_url}" integrity="{script.integrity}" '
        'crossorigin="anonymous" defer></script>',
    }
    response = current_app.response_class(
        json.dumps(body, separators=(",", ":")), mimetype="application/json"
    )
    # Build tools and portals' own scripts may read it from anywhere.
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get("/widget.css")
def stylesheet():
    """The widget's CSS, for browsers without constructable stylesheets."""
    return asset_response(stylesheet_asset())
