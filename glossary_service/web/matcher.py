"""The browser matcher: its script and one locale's data, so the widget marks
terms without sending the page's text anywhere.

- ``GET /widget/matcher/<lang>.json``: the locale's names and rules as data
  (``engine/export.py``), ``version`` inside; cached for a day, then
  revalidated with its ETag (the version);
- ``GET /widget/matcher/<lang>.<version>.json``: the same bytes, immutable for
  a year; a version that is no longer current is a 404 (fall back to the
  unversioned address);
- ``GET /widget/matcher.js`` (``window.GlossaryMatcher``) and
  ``/widget/matcher.mjs`` (the same code as an ES module), with ``?v=`` as for
  widget.js.

The data depends only on the address, never on request headers: no Vary, and
``Content-Language`` names the data's locale. Built once per app and locale,
on first use.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache

from flask import Blueprint, current_app, url_for

from . import get_state, glossary
from .errors import _DETAILS, Problem
from .widget import STATIC, VERSIONED_CACHE, Asset, asset_response

bp = Blueprint("matcher", __name__)

#: The unversioned address: a day, then revalidation (its ETag is the version).
DATA_CACHE = "public, max-age=86400, stale-while-revalidate=604800"
_CLASSIC = "//CLASSIC"


@dataclass(frozen=True)
class MatcherData:
    body: bytes
    version: str

    @property
    def gzipped_size(self) -> int:
        return len(gzip.compress(self.body, 9))


def matcher_data(code: str) -> MatcherData:
    """One served locale's matcher data, exported on first use."""
    cache_ = get_state().matchers
    data = cache_.get(code)
    if data is None:
        # Imported here: the exporter loads the index module, which a cold
        # start that serves a term by its id does without.
        from ..engine.export import dumps, export

        exported = export(glossary().view(code).index)
        data = cache_[code] = MatcherData(dumps(exported).encode("utf-8"), exported["version"])
    return data


@cache
def script_asset(module: bool = False) -> Asset:
    """matcher.js as served: its comment lines dropped; as an ES module, its
    last line (which sets ``window.GlossaryMatcher``) becomes exports."""
    from .widget import minify_js

    source = (STATIC / "matcher.js").read_text(encoding="utf-8")
    head, sep, _ = source.partition(_CLASSIC)
    if not sep:
        raise RuntimeError(f"matcher.js has lost its {_CLASSIC} line")
    tail = (
        "export default GlossaryMatcher;\nexport const create = GlossaryMatcher.create;\n"
        if module
        else source[source.index(_CLASSIC) :]
    )
    return Asset(minify_js(head + tail).encode("utf-8"), "text/javascript")


def matcher_url(code: str, **kwargs) -> str:
    """The immutable address of a locale's data (it is exported to know it)."""
    return url_for("matcher.data", file=f"{code}.{matcher_data(code).version}.json", **kwargs)


def script_url(module: bool = False, **kwargs) -> str:
    endpoint = "matcher.module" if module else "matcher.script"
    return url_for(endpoint, v=script_asset(module).version, **kwargs)


def _not_found(**extra) -> Problem:
    return Problem(404, "not-found", str(_DETAILS["not-found"]), **extra)


@bp.get("/widget/matcher/<file>")
def data(file: str):
    """A locale's matcher data: ``<lang>.json`` or ``<lang>.<version>.json``."""
    name, dot, version = file.removesuffix(".json").partition(".")
    locales = glossary().locales
    if not file.endswith(".json") or name not in locales:
        raise _not_found(locales=sorted(locales))
    found = matcher_data(name)
    if dot and version != found.version:
        raise _not_found(current=url_for("matcher.data", file=f"{name}.json"))
    response = current_app.response_class(found.body, mimetype="application/json")
    response.headers["Cache-Control"] = VERSIONED_CACHE if dot else DATA_CACHE
    response.headers["Content-Language"] = name
    # A strong validator: the version is a hash of the data.
    response.set_etag(found.version)
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@bp.get("/widget/matcher.js")
def script():
    """The matcher as a classic script (``window.GlossaryMatcher``)."""
    return asset_response(script_asset())


@bp.get("/widget/matcher.mjs")
def module():
    """The matcher as an ES module (``import GlossaryMatcher from ...``)."""
    return asset_response(script_asset(module=True))
