"""HTTP behaviour every response shares: caching, CORS, errors, headers."""

from __future__ import annotations

import json

import pytest

from glossary_service import create_app

GETS = [
    "/api/v1/terms",
    "/api/v1/terms/metastasis",
    "/api/v1/lookup?q=NED",
    "/api/v1/search?q=met",
    "/api/v1/locales",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("path", GETS)
def test_successful_gets_are_cacheable_and_revalidate(client, path):
    r = client.get(path)
    assert r.status_code == 200
    etag = r.headers["ETag"]
    assert "max-age=" in r.headers["Cache-Control"]
    assert "Accept-Language" in r.headers["Vary"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert again.headers["ETag"] == etag


def test_etag_differs_per_locale(client):
    en = client.get("/api/v1/terms/metastasis").headers["ETag"]
    es = client.get("/api/v1/terms/metastasis?lang=es").headers["ETag"]
    assert en != es
    r = client.get("/api/v1/terms/metastasis?lang=es", headers={"If-None-Match": en})
    assert r.status_code == 200


@pytest.mark.parametrize("path", GETS)
def test_cors_any_origin_without_credentials(client, path):
    r = client.get(path, headers={"Origin": "https://portal.example"})
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in r.headers
    assert "Set-Cookie" not in r.headers


def test_cors_preflight_for_annotate(client):
    r = client.options(
        "/api/v1/annotate",
        headers={
            "Origin": "https://portal.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    assert "content-type" in r.headers["Access-Control-Allow-Headers"].lower()


def test_post_answers_carry_cors_and_language(client):
    r = client.post("/api/v1/annotate?lang=es", json={"text": "quimioterapia"})
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert r.headers["Content-Language"] == "es"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/nope", 404),
        ("GET", "/api/v1/terms/../../etc/passwd", 404),
        ("DELETE", "/api/v1/terms", 405),
        ("PUT", "/api/v1/annotate", 405),
        ("GET", "/api/v1/annotate", 405),
        ("POST", "/api/v1/terms", 405),
    ],
)
def test_errors_are_problem_json(client, problem, method, path, status):
    r = client.open(path, method=method)
    problem(r, status)
    assert "Traceback" not in r.get_data(as_text=True)
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_405_says_what_is_allowed(client):
    r = client.delete("/api/v1/terms")
    assert "GET" in r.headers["Allow"]


def test_security_headers(client):
    r = client.get("/api/v1/terms")
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"]
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]


def test_json_is_utf8_not_escaped(client):
    r = client.get("/api/v1/terms/metastasis?lang=es")
    assert r.mimetype == "application/json"
    assert "metástasis".encode() in r.get_data()


def test_unexpected_errors_are_500_problem_without_trace(translations_dir, problem):
    app = create_app({"GLOSSARY_TRANSLATIONS_DIR": translations_dir})

    @app.get("/api/v1/_boom_for_test")
    def boom():
        raise RuntimeError("secret internals")

    r = app.test_client().get("/api/v1/_boom_for_test")
    body = problem(r, 500)
    assert "secret internals" not in r.get_data(as_text=True)
    assert body["type"].endswith("internal-error")


def test_if_match_follows_rfc_9110(client, problem):
    etag = client.get("/api/v1/terms/metastasis").headers["ETag"]
    for holds in ("*", etag, f'"other", {etag}'):
        assert (
            client.get("/api/v1/terms/metastasis", headers={"If-Match": holds}).status_code == 200
        )
    for fails in ('"other"', f"W/{etag}"):
        r = client.get("/api/v1/terms/metastasis", headers={"If-Match": fails})
        body = problem(r, 412)
        assert body["type"].endswith("/precondition-failed")
        assert r.headers["Cache-Control"] == "no-store"
    # If-Match first, then If-None-Match.
    r = client.get("/api/v1/terms/metastasis", headers={"If-Match": "*", "If-None-Match": etag})
    assert r.status_code == 304


def test_one_json_log_line_per_request_without_what_the_reader_sent(client, caplog):
    caplog.set_level("INFO", logger="glossary_service.requests")
    r = client.get(
        "/api/v1/lookup?q=Jane%20Roe%20metastasis&lang=es", headers={"X-Request-Id": "mine"}
    )
    (record,) = [r for r in caplog.records if r.name == "glossary_service.requests"]
    line = json.loads(record.getMessage())
    assert line["path"] == "/api/v1/lookup" and line["status"] == r.status_code
    assert line["locale"] == "es" and line["ms"] >= 0
    assert line["request_id"] == r.headers["X-Request-Id"] != "mine"
    assert "Jane" not in record.getMessage()
