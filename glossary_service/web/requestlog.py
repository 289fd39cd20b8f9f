"""One JSON line per request, for CloudWatch Logs Insights or any log store.

What is logged: time taken, method, path, status, served locale, response
size and a request id (Lambda's, else a new one), also sent back in
X-Request-Id; a client's own X-Request-Id is not echoed, since a cached
response must carry nothing a request sent. What is
never logged: query strings, bodies and headers, which may carry a patient's
words (lookup queries, annotated notes). Paths are escaped and bounded.
"""

from __future__ import annotations

import json
import logging
import random
import re
import time

from flask import Flask, Response, g, request

from .jsonio import json_text

log = logging.getLogger("glossary_service.requests")
_TOKEN = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_RANDOM = random.Random()  # noqa: S311 - ids to find log lines, not secrets


def _request_id() -> str:
    context = request.environ.get("lambda.context")
    aws = getattr(context, "aws_request_id", None)
    if isinstance(aws, str) and _TOKEN.match(aws):
        return aws
    # Unique enough to find a request's line; nothing secret rests on it.
    return f"{_RANDOM.getrandbits(64):016x}"


def _start() -> None:
    g.request_started = time.perf_counter()
    g.request_id = _request_id()


def _finish(response: Response) -> Response:
    response.headers["X-Request-Id"] = g.get("request_id") or _request_id()
    if log.isEnabledFor(logging.INFO):
        started = g.get("request_started")
        view = g.get("view")
        log.info(
            # ASCII, and no markup: a log viewer never renders what a path held.
            json_text(
                json.dumps(
                    {
                        "request_id": response.headers["X-Request-Id"],
                        "method": request.method[:16],
                        "path": request.path[:200],
                        "status": response.status_code,
                        "locale": view.info.code if view is not None else None,
                        "bytes": response.calculate_content_length(),
                        "ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
                    },
                    separators=(",", ":"),
                )
            )
        )
    return response


def init_app(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
