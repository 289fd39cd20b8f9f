"""The AWS Lambda entry point: Zappa's handler, with its own failures answered
like the service's.

Zappa turns a request into a WSGI call; when something fails before Flask runs
(an event it cannot read, a failure while the app starts), it answers a bare
500 of its own, without CORS, which a browser reports as a network error. Here
any such answer, or an exception Zappa lets through, becomes the service's
problem+json with the API's CORS and security headers. Standard library only;
``zappa_settings.json`` names it as ``lambda_handler``.
"""

from __future__ import annotations

import importlib
import json
import logging

log = logging.getLogger(__name__)

_HEADERS = {
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
_PROBLEM = {
    "type": "tag:glossary-service,2026:problem/internal-error",
    "title": "Internal server error",
    "status": 500,
    "detail": "Something went wrong on our side. Please try again later.",
}


def lambda_handler(event, context):
    try:
        # Zappa's module at the root of the package, imported on first use.
        response = importlib.import_module("handler").lambda_handler(event, context)
    except Exception:
        log.exception("the Lambda handler failed before the service could answer")
        return problem()
    return response if _answered_by_the_service(response) else problem()


def _answered_by_the_service(response) -> bool:
    if not isinstance(response, dict) or not isinstance(response.get("statusCode"), int):
        return False
    if response["statusCode"] < 500:
        return True
    headers = {str(k).lower(): str(v) for k, v in (response.get("headers") or {}).items()}
    # The service's own 5xx are problem+json already; Zappa's are not.
    return headers.get("content-type", "").startswith("application/problem+json")


def problem() -> dict:
    return {
        "statusCode": 500,
        "headers": dict(_HEADERS),
        "body": json.dumps(_PROBLEM),
        "isBase64Encoded": False,
    }
