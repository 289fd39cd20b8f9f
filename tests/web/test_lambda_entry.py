"""The Lambda entry point answers Zappa's own failures as the service would."""

from __future__ import annotations

import json
import sys
import types

import pytest

from glossary_service import lambda_entry


@pytest.fixture
def zappa(monkeypatch):
    """A stand-in for Zappa's handler module at the package root."""
    module = types.ModuleType("handler")
    monkeypatch.setitem(sys.modules, "handler", module)
    return module


def check_problem(response):
    assert response["statusCode"] == 500
    assert response["headers"]["Content-Type"] == "application/problem+json"
    assert response["headers"]["Access-Control-Allow-Origin"] == "*"
    assert response["headers"]["Cache-Control"] == "no-store"
    body = json.loads(response["body"])
    assert body["type"].endswith("/internal-error") and body["status"] == 500


def test_zappa_own_500_becomes_problem_json(zappa):
    zappa.lambda_handler = lambda event, context: {
        "statusCode": 500,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(
            {"message": "An uncaught exception happened while servicing this request."}
        ),
    }
    check_problem(lambda_entry.lambda_handler({}, None))


def test_an_exception_zappa_lets_through_becomes_problem_json(zappa):
    def boom(event, context):
        raise RuntimeError("no app")

    zappa.lambda_handler = boom
    check_problem(lambda_entry.lambda_handler({}, None))


@pytest.mark.parametrize("status", [200, 304, 404, 413])
def test_the_service_answers_pass_through(zappa, status):
    answer = {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": "{}"}
    zappa.lambda_handler = lambda event, context: answer
    assert lambda_entry.lambda_handler({}, None) is answer


def test_the_service_own_500_passes_through(zappa):
    answer = {
        "statusCode": 500,
        "headers": {"content-type": "application/problem+json"},
        "body": "{}",
    }
    zappa.lambda_handler = lambda event, context: answer
    assert lambda_entry.lambda_handler({}, None) is answer
