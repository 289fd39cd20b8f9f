"""GET /api/v1/terms and /api/v1/terms/{id}."""

from __future__ import annotations

import pytest

from glossary_service.engine.text import fold


@pytest.mark.parametrize("lang", ["en", "es"])
def test_all_terms_sorted_for_the_locale(client, glossary, lang):
    body = client.get(f"/api/v1/terms?lang={lang}").get_json()
    assert body["locale"] == lang
    assert body["count"] == len(body["terms"]) == len(glossary.content.terms)
    names = [fold(t["term"]) for t in body["terms"]]
    assert names == sorted(names)
    first = body["terms"][0]
    assert set(first) == {"id", "term", "short_definition", "category", "url"}
    assert set(first["category"]) == {"id", "label"}
    assert first["url"] == f"/api/v1/terms/{first['id']}?lang={lang}"


def test_spanish_list_is_in_spanish(client):
    terms = {t["id"]: t for t in client.get("/api/v1/terms?lang=es").get_json()["terms"]}
    assert terms["metastasis"]["term"] == "metástasis"
    assert terms["chemotherapy"]["term"] == "quimioterapia"
    assert terms["metastasis"]["category"]["label"] != "Stage and spread"


def test_letter_filter_ignores_accents(client):
    body = client.get("/api/v1/terms?lang=es&letter=m").get_json()
    assert body["count"] > 0
    assert all(fold(t["term"])[0] == "m" for t in body["terms"])
    assert "metastasis" in {t["id"] for t in body["terms"]}


def test_category_filter(client):
    body = client.get("/api/v1/terms?category=treatment").get_json()
    assert body["count"] > 0
    assert {t["category"]["id"] for t in body["terms"]} == {"treatment"}


@pytest.mark.parametrize(
    "query", ["letter=ab", "letter=%21", "letter=", "category=nope", "category=<script>"]
)
def test_bad_filters_are_400(client, problem, query):
    body = problem(client.get(f"/api/v1/terms?{query}"), 400)
    assert "<script>" not in body["detail"]


def test_whole_term_in_english(client):
    t = client.get("/api/v1/terms/metastasis").get_json()
    assert t["id"] == "metastasis" and t["locale"] == "en"
    assert t["term"] == "metastasis"
    assert "metastases" in t["aliases"]
    assert t["pronunciation"] == "meh-TAS-tuh-sis"
    assert len(t["short_definition"].split()) <= 25
    assert t["definition"]
    assert t["category"] == {"id": "staging", "label": "Stage and spread"}
    assert t["sources"] and all({"document", "title"} == set(s) for s in t["sources"])
    assert t["translation"] == {"complete": True, "fallback_fields": []}
    assert t["url"] == "/api/v1/terms/metastasis?lang=en"
    assert t["html_url"] == "/terms/metastasis?lang=en"
    for rel in t["related"]:
        assert rel["url"] == f"/api/v1/terms/{rel['id']}?lang=en"
    others = {o["locale"]: o for o in t["other_languages"]}
    assert others["es"]["term"] == "metástasis"
    assert others["es"]["url"] == "/api/v1/terms/metastasis?lang=es"


def test_whole_term_in_spanish(client):
    t = client.get("/api/v1/terms/metastasis?lang=es").get_json()
    assert t["locale"] == "es"
    assert t["term"] == "metástasis"
    assert t["aliases"]
    assert t["translation"]["complete"] is True
    assert t["related"][0]["term"] != ""
    assert {o["locale"] for o in t["other_languages"]} >= {"en"}


@pytest.mark.parametrize(
    "term_id", ["metastasis", "no-evidence-of-disease", "remission", "performance-status", "hipec"]
)
def test_the_five_terms_patients_ask_about(client, term_id):
    assert client.get(f"/api/v1/terms/{term_id}").status_code == 200


def test_unknown_id_is_404_with_suggestions(client, problem):
    body = problem(client.get("/api/v1/terms/metastasys"), 404)
    assert body["type"].endswith("term-not-found")
    assert {"id": "metastasis", "term": "metastasis"} in body["suggestions"]


def test_unknown_id_problem_is_translated(client, problem):
    body = problem(client.get("/api/v1/terms/nothing-like-this?lang=es"), 404)
    assert body["title"] != "Term not found"
