"""GET /api/v1/locales and GET /healthz."""

from __future__ import annotations

from tests.support.catalogs import ALL_LOCALES


def test_locales(client):
    body = client.get("/api/v1/locales").get_json()
    assert body["default"] == "en"
    by_code = {loc["code"]: loc for loc in body["locales"]}
    assert set(by_code) == set(ALL_LOCALES)
    assert by_code["en"]["name"] == "English"
    assert by_code["es"]["name"] == "español"
    assert by_code["es"]["english_name"] == "Spanish"
    for loc in body["locales"]:
        assert loc["direction"] in {"ltr", "rtl"}
        assert 0 <= loc["completeness"] <= 1
        assert loc["review"]


def test_spanish_is_complete(client):
    by_code = {loc["code"]: loc for loc in client.get("/api/v1/locales").get_json()["locales"]}
    assert by_code["es"]["completeness"] == 1.0


def test_health(client, glossary):
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok"
    assert body["terms"] == len(glossary.content.terms) >= 80
    assert set(body["locales"]) == set(ALL_LOCALES)
    assert body["version"]
