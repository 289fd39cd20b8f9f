"""Our own schemathesis check: what the OpenAPI document cannot say.

Loaded by tests/test_schemathesis.py both in-process and for the ``st`` command
line (``SCHEMATHESIS_HOOKS=schemathesis_hooks`` with ``tests`` on the path).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

import schemathesis

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "tag:glossary-service,2026:problem/"
FHIR_MEDIA_TYPE = "application/fhir+json"
ATOM = "{http://www.w3.org/2005/Atom}"
STATUS_SCHEME = "tag:glossary-service,2026:status"


@schemathesis.check
def house_rules(ctx, response, case) -> None:
    """Every error is problem+json (an OperationOutcome under /fhir, an Atom
    feed with no entry when /infobutton was asked for XML), not cached; every
    response carries the security headers, no cookie and no stack trace."""

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
        if header("Cache-Control") != "no-store":
            raise AssertionError("an error may be cached")
        path = case.operation.path
        if path.startswith("/fhir/"):
            _operation_outcome(header("Content-Type"), response.json())
            return
        if path == "/infobutton" and "xml" in header("Content-Type"):
            _atom_error(response.content, response.status_code)
            return
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


def _operation_outcome(content_type: str, body: dict) -> None:
    if not content_type.startswith(FHIR_MEDIA_TYPE):
        raise AssertionError(f"a FHIR error is not {FHIR_MEDIA_TYPE}")
    if body.get("resourceType") != "OperationOutcome" or not body.get("issue"):
        raise AssertionError("a FHIR error is not an OperationOutcome with an issue")
    issue = body["issue"][0]
    if issue.get("severity") != "error" or not issue.get("code") or not issue.get("diagnostics"):
        raise AssertionError("an OperationOutcome issue without severity, code or diagnostics")


def _atom_error(content: bytes, status: int) -> None:
    feed = ET.fromstring(content)
    if feed.tag != f"{ATOM}feed" or feed.findall(f"{ATOM}entry"):
        raise AssertionError("an Infobutton error is not an Atom feed without entries")
    statuses = [
        c.get("term") for c in feed.findall(f"{ATOM}category") if c.get("scheme") == STATUS_SCHEME
    ]
    if statuses != [str(status)]:
        raise AssertionError("the Atom error feed does not give its status")
