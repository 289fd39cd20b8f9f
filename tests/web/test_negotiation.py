"""Locale negotiation, per the contract: lang wins, then Accept-Language, then en."""

from __future__ import annotations

import pytest

from glossary_service.locales import MalformedTag, Negotiator

SERVED = ["en", "es", "zh-Hans", "zh-Hant", "pt", "tl", "ar", "fr", "ht"]


@pytest.fixture(scope="module")
def negotiator():
    return Negotiator(SERVED)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("es", "es"),
        ("es-MX", "es"),
        ("ES_mx", "es"),
        ("es-419", "es"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-SG", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("zh-hant-tw", "zh-Hant"),
        ("zh_Hans", "zh-Hans"),
        ("pt-BR", "pt"),
        ("fil", "tl"),
        ("tl-PH", "tl"),
        ("ar-EG", "ar"),
        ("fr-CA", "fr"),
        ("ht-HT", "ht"),
        ("de", None),
        ("en-GB", "en"),
        ("de-x-private", None),
    ],
)
def test_tags_map_to_served_locales(negotiator, tag, expected):
    assert negotiator.match(tag) == expected


@pytest.mark.parametrize(
    "tag", ["", "e", "e!s", "123", "es--MX", "<script>", "es-", "a" * 65, "en-US-" + "x" * 9]
)
def test_malformed_tags_raise(negotiator, tag):
    with pytest.raises(MalformedTag):
        negotiator.match(tag)


def test_lang_parameter_wins(negotiator):
    assert negotiator.negotiate("es", [("zh-TW", 1.0)]) == "es"


def test_accept_language_quality_order(negotiator):
    assert negotiator.negotiate(None, [("de", 1.0), ("fr", 0.5), ("es", 0.8)]) == "es"


def test_accept_language_skips_malformed_and_zero_quality(negotiator):
    assert negotiator.negotiate(None, [("e!s", 1.0), ("es", 0.0), ("pt-BR", 0.3)]) == "pt"


def test_nothing_served_falls_back_to_english(negotiator):
    assert negotiator.negotiate(None, [("de", 1.0), ("*", 0.5)]) == "en"
    assert negotiator.negotiate("de-AT", []) == "en"


class TestOverHttp:
    def test_lang_query_parameter(self, client):
        r = client.get("/api/v1/terms/metastasis?lang=es-MX")
        assert r.headers["Content-Language"] == "es"
        assert r.get_json()["locale"] == "es"
        assert "Accept-Language" in r.headers["Vary"]

    def test_accept_language_header(self, client):
        r = client.get(
            "/api/v1/terms/metastasis", headers={"Accept-Language": "sv;q=1, es-419;q=0.8"}
        )
        assert r.get_json()["locale"] == "es"

    def test_default_english(self, client):
        r = client.get("/api/v1/terms/metastasis")
        assert r.headers["Content-Language"] == "en"
        assert r.get_json()["locale"] == "en"

    def test_unserved_well_formed_tag_is_english(self, client):
        r = client.get("/api/v1/terms/metastasis?lang=sv")
        assert r.status_code == 200
        assert r.get_json()["locale"] == "en"

    @pytest.mark.parametrize("lang", ["e!s", "<b>es</b>", "es--MX", "1234567890"])
    def test_malformed_lang_is_400_problem(self, client, problem, lang):
        body = problem(client.get("/api/v1/terms", query_string={"lang": lang}), 400)
        assert body["type"].endswith("invalid-language-tag")
        assert "<b>" not in body["detail"]

    def test_error_in_readers_language(self, client, problem):
        r = client.get("/api/v1/terms?lang=e!s", headers={"Accept-Language": "es"})
        body = problem(r, 400)
        assert r.headers["Content-Language"] == "es"
        assert body["title"] != "Invalid language tag"

    def test_malformed_accept_language_is_ignored(self, client):
        r = client.get("/api/v1/terms", headers={"Accept-Language": ";;;q=abc,,"})
        assert r.status_code == 200
        assert r.get_json()["locale"] == "en"


def test_a_draft_locale_is_served_when_asked_by_lang_only():
    negotiator = Negotiator(["en", "es", "de"], drafts=frozenset({"de"}))
    assert negotiator.negotiate("de", []) == "de"
    assert negotiator.negotiate(None, [("de", 1.0), ("es", 0.5)]) == "es"
    assert negotiator.negotiate(None, [("de", 1.0)]) == "en"
