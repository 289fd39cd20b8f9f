"""JSON out: one way to turn a body into text and a response.

Bodies echo what a reader sent (lookup and search return the query), so
markup characters are always written as JSON escapes.
"""

from __future__ import annotations

import json

from flask import Response, current_app

# Characters that mean something to an HTML parser or to a JavaScript source
# (U+2028/9 end a line there), written as the JSON escapes that every JSON
# parser reads back as the same string.
_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def json_text(text: str) -> str:
    """JSON text with markup characters escaped.

    "<script>" must never reach a client as markup, even one that sniffs or
    pastes a body into a page. ``str.replace`` returns the same string when
    there is nothing to replace, which is the common case.
    """
    for char, escape_ in _JSON_ESCAPES:
        text = text.replace(char, escape_)
    return text


def to_json(body: object) -> str:
    return json_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")))


def json_response(body: dict | str, status: int = 200, mimetype: str = "application/json"):
    text = body if isinstance(body, str) else to_json(body)
    response: Response = current_app.response_class(text, status=status, mimetype=mimetype)
    return response
