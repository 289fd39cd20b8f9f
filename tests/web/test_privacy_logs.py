"""The service never logs what a request carried: bodies (annotated text),
query strings (lookup and search words) and headers stay out of every log
line, at every level; only method, path, status, locale, size and time are
logged (requestlog.py)."""

from __future__ import annotations

import logging

import pytest

from glossary_service import create_app

MARKER = "Zq7Xv-Patient-Wenceslas-Oyelaran-1947"


@pytest.fixture
def debug_client():
    return create_app({"TESTING": True, "GLOSSARY_LOG_LEVEL": "DEBUG"}).test_client()


def test_no_request_content_in_any_log_line(debug_client, caplog):
    caplog.set_level(logging.DEBUG)  # every logger, every level
    text = f"{MARKER}: the biopsy showed metastasis."
    calls = [
        debug_client.post("/api/v1/annotate", json={"text": text, "lang": "en"}),
        debug_client.post("/api/v1/annotate", data=text, content_type="text/plain"),
        debug_client.post("/api/v1/annotate", data="{" + MARKER, content_type="application/json"),
        debug_client.get(f"/api/v1/lookup?q={MARKER}"),
        debug_client.get(f"/api/v1/search?q={MARKER}", headers={"X-Note": MARKER}),
    ]
    assert [r.status_code for r in calls] == [200, 200, 400, 404, 200]
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    # The requests were logged (the capture works)...
    assert logged.count("/api/v1/annotate") == 3 and "/api/v1/lookup" in logged
    # ...and nothing they carried.
    assert MARKER not in logged
    assert "metastasis." not in logged
