"""Every error becomes RFC 9457 problem details on the API, in the served locale.

Views raise ``Problem``; Werkzeug's own HTTP errors (404 route, 405, 413...)
and anything unexpected are turned into the same shape, so a JavaScript
client never sees an HTML error page or a stack trace.
"""

from __future__ import annotations

import json
import logging
import traceback

from flask import Flask, Response, request
from flask_babel import lazy_gettext
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from . import get_state, is_api_path, under
from .jsonio import json_text

log = logging.getLogger(__name__)

PROBLEM_TYPE = "tag:glossary-service,2026:problem/{}"
PROBLEM_MEDIA_TYPE = "application/problem+json"

# Stable problem types: the slug never changes, the title is translated.
TITLES = {
    "bad-request": lazy_gettext("Bad request"),
    "invalid-parameter": lazy_gettext("Invalid parameter"),
    "invalid-language-tag": lazy_gettext("Invalid language tag"),
    "invalid-body": lazy_gettext("Invalid request body"),
    "not-found": lazy_gettext("Not found"),
    "term-not-found": lazy_gettext("Term not found"),
    "no-match": lazy_gettext("No matching term"),
    "method-not-allowed": lazy_gettext("Method not allowed"),
    "precondition-failed": lazy_gettext("Precondition failed"),
    "payload-too-large": lazy_gettext("Request body too large"),
    "unsupported-media-type": lazy_gettext("Unsupported media type"),
    "internal-error": lazy_gettext("Internal server error"),
}
_BY_STATUS = {
    400: "bad-request",
    404: "not-found",
    405: "method-not-allowed",
    413: "payload-too-large",
    415: "unsupported-media-type",
}


def for_log(value: object, limit: int = 500) -> str:
    """A request value fit for a log line: one line, ASCII, no markup, bounded.

    Paths, methods and exception texts can carry what a client sent; a log
    viewer must never render it, and a newline in it must never forge a log
    record.
    """
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + "..."
    return json_text(json.dumps(text))


class Problem(Exception):
    """An error a client can act on: status, stable type, translated detail."""

    def __init__(self, status: int, slug: str, detail: str, **extra):
        super().__init__(detail)
        self.status, self.slug, self.detail, self.extra = status, slug, detail, extra


def problem_response(status: int, slug: str, detail: str, **extra) -> Response:
    body = {
        "type": PROBLEM_TYPE.format(slug),
        "title": str(TITLES[slug]),
        "status": status,
        "detail": str(detail),
        **extra,
    }
    response = Response(
        json_text(json.dumps(body, ensure_ascii=False)), status=status, mimetype=PROBLEM_MEDIA_TYPE
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def _html_error(status: int, title: str, detail: str) -> Response:
    # The user's input never reaches this page unescaped.
    page = (
        f"<!doctype html><html lang=en><meta charset=utf-8><title>{escape(title)}</title>"
        f"<h1>{escape(title)}</h1><p>{escape(detail)}</p></html>"
    )
    return Response(page, status=status, mimetype="text/html")


_DETAILS = {
    "bad-request": lazy_gettext("The request could not be understood."),
    "not-found": lazy_gettext("There is nothing at this address."),
    "method-not-allowed": lazy_gettext("This address does not accept that HTTP method."),
    "precondition-failed": lazy_gettext(
        "If-Match names no current version of this resource (its ETag has changed)."
    ),
    "payload-too-large": lazy_gettext("The request body is larger than 64 KiB."),
    "unsupported-media-type": lazy_gettext(
        "Send the text as application/json or text/plain in UTF-8."
    ),
    "internal-error": lazy_gettext("Something went wrong on our side. Please try again later."),
}


def error_response(status: int, slug: str, detail: str, **extra) -> Response:
    """An error in the format of the part of the service asked: its own (FHIR's
    OperationOutcome, an Atom feed) where it has one, problem+json on the API,
    a plain page elsewhere."""
    path = request.path
    for prefix, render in get_state().error_renderers.items():
        if under(path, prefix):
            response = render(status, slug, str(detail))
            if response is not None:
                response.headers["Cache-Control"] = "no-store"
                return response
    if is_api_path():
        return problem_response(status, slug, detail, **extra)
    return _html_error(status, str(TITLES[slug]), str(detail))


def precondition_failed() -> Response:
    """412 for an If-Match that holds no current ETag; never cacheable."""
    return error_response(412, "precondition-failed", str(_DETAILS["precondition-failed"]))


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(Problem)
    def handle_problem(exc: Problem):
        return error_response(exc.status, exc.slug, exc.detail, **exc.extra)

    @app.errorhandler(HTTPException)
    def handle_http(exc: HTTPException):
        slug = _BY_STATUS.get(exc.code or 500, "bad-request")
        status = exc.code if exc.code in _BY_STATUS else 400
        response = error_response(status, slug, str(_DETAILS[slug]))
        if exc.code == 405:
            response.headers["Allow"] = ", ".join(exc.valid_methods or ())
        return response

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception):
        # One escaped line, traceback included: exception messages can quote
        # user input (read it back with json.loads).
        log.error(
            "unhandled error on %s %s: %s",
            for_log(request.method),
            for_log(request.path),
            for_log("".join(traceback.format_exception(exc)), limit=20000),
        )
        return error_response(500, "internal-error", str(_DETAILS["internal-error"]))


__all__ = ["Problem", "error_response", "for_log", "problem_response", "register_error_handlers"]
