"""Response headers every reply carries: language, caching, CORS, security."""

from __future__ import annotations

from flask import Flask, Response, current_app, g, request

from . import is_api_path

# The API is public data for any site to use; no cookies, so no credentials.
_CORS = [
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Content-Type, Accept-Language, If-None-Match"),
    ("Access-Control-Expose-Headers", "Content-Language, ETag"),
    ("Access-Control-Max-Age", "86400"),
    # JSON is never a document to frame or run scripts in.
    ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
]
_SECURITY = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
]
# Everything else that set no policy of its own (pages.py sets one on its
# pages): error pages for unknown addresses, assets. They need nothing from
# anywhere and are never framed.
_DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'"


# Responses whose body is the same in every language: no Vary, no Content-Language,
# so a cache keeps one copy for every reader.
LANGUAGE_NEUTRAL = frozenset(
    {
        "widget.script",
        "widget.module",
        "widget.release",
        "widget.stylesheet",
        "pages.asset",
        "health.healthz",
        # The matcher's data names its locale in the address, not in a header.
        "matcher.data",
        "matcher.script",
        "matcher.module",
    }
)


def add_headers(response: Response) -> Response:
    view = g.get("view")
    if request.endpoint not in LANGUAGE_NEUTRAL:
        if view is not None:
            response.headers["Content-Language"] = view.info.code
        response.vary.add("Accept-Language")
    if response.status_code >= 400 or request.endpoint == "health.healthz":
        # Errors and health answers describe this moment: never from a cache.
        response.headers["Cache-Control"] = "no-store"
    # Views never set these, so adding (not replacing) is safe and cheaper.
    response.headers.extend(_SECURITY)
    if is_api_path():
        response.headers.extend(_CORS)
    else:
        response.headers.setdefault("Content-Security-Policy", _DEFAULT_CSP)
    if request.method in {"GET", "HEAD"} and response.status_code == 200:
        # Werkzeug computes the ETag from the body and answers If-None-Match
        # with 304; the body depends on the locale, so Vary covers the header.
        response.headers.setdefault(
            "Cache-Control", f"public, max-age={current_app.config['GLOSSARY_CACHE_MAX_AGE']}"
        )
        response.add_etag()
        environ = request.environ
        if "HTTP_IF_MATCH" in environ:
            # RFC 9110 13.1.1, evaluated first: "*" matches any current
            # representation, a list only a strong match. A failed
            # precondition is a 412 problem that no cache keeps.
            if not _if_match_holds(request.if_match, response.get_etag()):
                from .errors import precondition_failed

                return add_headers(precondition_failed())
            environ = {k: v for k, v in environ.items() if k != "HTTP_IF_MATCH"}
        response.make_conditional(environ)
    return response


def _if_match_holds(if_match, etag: tuple[str | None, bool]) -> bool:
    value, weak = etag
    if if_match.star_tag:
        return True
    return value is not None and not weak and if_match.contains(value)


def init_app(app: Flask) -> None:
    app.after_request(add_headers)
