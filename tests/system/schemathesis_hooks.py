"""Our own schemathesis check: what the OpenAPI document cannot say.

Loaded by tests/test_schemathesis.py both in-process and for the ``st`` command
line (``SCHEMATHESIS_HOOKS=schemathesis_hooks`` with ``tests`` on the path).
"""

from __future__ import annotations

import schemathesis

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "tag:glossary-service,2026:problem/"


@schemathesis.check
def house_rules(ctx, response, case) -> None:
    """Every error is problem+json, not cached; every response carries the
    security headers, no cookie and no stack trace."""

    def header(name: str) -> str:
        # schemathesis keeps headers lowercased, as lists.
        return ", ".join(response.headers.get(name.lower(), []))

    text = response.text or ""
    if "Traceback (most recent call last)" in text:
        raise AssertionError("a stack trace in the body")
    if header("X-Content-Type-Options") != "nosniff":
        raise AssertionError("X-Content-Type-Options: nosniff is missing")
    if not header("Referrer-Policy"):
        raise AssertionError("Referrer-Policy is missing")
    if "frame-ancestors 'none'" not in header("Content-Security-Policy"):
        raise AssertionError("Content-Security-Policy with frame-ancestors 'none' is missing")
    if header("Set-Cookie"):
        raise AssertionError("a cookie was set")
    if header("Access-Control-Allow-Credentials"):
        raise AssertionError("CORS allows credentials")
    if response.status_code >= 400:
        if not header("Content-Type").startswith(PROBLEM_MEDIA_TYPE):
            raise AssertionError(f"error {response.status_code} is not {PROBLEM_MEDIA_TYPE}")
        body = response.json()
        if body.get("status") != response.status_code:
            raise AssertionError("problem status differs from the HTTP status")
        if not str(body.get("type", "")).startswith(PROBLEM_TYPE_PREFIX):
            raise AssertionError(f"problem type is not {PROBLEM_TYPE_PREFIX}<slug>")
        if not (body.get("title") and body.get("detail")):
            raise AssertionError("problem without title or detail")
        if header("Cache-Control") != "no-store":
            raise AssertionError("an error may be cached")
