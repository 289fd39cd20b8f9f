"""GET /api/v1/lookup: what a reader would type or see."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("query", "term_id"),
    [
        ("metastasis", "metastasis"),
        ("Metastases", "metastasis"),
        ("NED", "no-evidence-of-disease"),
        ("no evidence of disease", "no-evidence-of-disease"),
        ("HIPEC", "hipec"),
        ("PS", "performance-status"),
        ("TNM", "tnm-system"),
        ("stage IV", "stage-4-cancer"),
        ("metastisis", "metastasis"),
        ("REMISSION", "remission"),
    ],
)
def test_lookup_in_english(client, query, term_id):
    r = client.get("/api/v1/lookup", query_string={"q": query})
    assert r.status_code == 200, r.get_data(as_text=True)
    body = r.get_json()
    assert body["id"] == term_id
    assert body["matched"]["query"] == query
    assert body["matched"]["by"] in {"term", "alias", "inflection", "misspelling"}
    assert 0 < body["matched"]["score"] <= 1


@pytest.mark.parametrize(
    ("query", "term_id", "by"),
    [
        ("metástasis", "metastasis", "term"),
        ("metastasis", "metastasis", "term"),
        ("METASTASIS", "metastasis", "term"),
        ("quimioterapia", "chemotherapy", "term"),
        ("remision", "remission", "term"),
        ("metastasys", "metastasis", "misspelling"),
        ("chemotherapy", "chemotherapy", "english"),
    ],
)
def test_lookup_in_spanish(client, query, term_id, by):
    body = client.get("/api/v1/lookup", query_string={"q": query, "lang": "es"}).get_json()
    assert (body["id"], body["matched"]["by"]) == (term_id, by)
    assert body["locale"] == "es"


def test_exact_accent_scores_higher(client):
    exact = client.get("/api/v1/lookup?q=metástasis&lang=es").get_json()["matched"]["score"]
    plain = client.get("/api/v1/lookup?q=metastasis&lang=es").get_json()["matched"]["score"]
    assert exact > plain


def test_nothing_close_is_404_with_suggestions(client, problem):
    body = problem(client.get("/api/v1/lookup?q=zzzzqqq"), 404)
    assert body["type"].endswith("no-match")
    assert isinstance(body["suggestions"], list)


@pytest.mark.parametrize("query", ["", "q=", "q=%20%20", "q=" + "a" * 201])
def test_missing_empty_or_long_query_is_400(client, problem, query):
    problem(client.get(f"/api/v1/lookup?{query}"), 400)


def test_another_stage_is_its_own_term_never_stage_4(client):
    for query, expected in (
        ("stage 2", "stage-2"),
        ("stage IIIB", "stage-3"),
        ("stage 0", "stage-0"),
    ):
        body = client.get(f"/api/v1/lookup?q={query}").get_json()
        assert body["id"] == expected, query


def test_a_stage_no_term_names_is_no_match_with_staging_suggested(client, problem):
    body = problem(client.get("/api/v1/lookup?q=stage 5"), 404)
    ids = [s["id"] for s in body["suggestions"]]
    assert "cancer-staging" in ids
    assert "stage-4-cancer" not in ids


def test_a_longer_phrase_says_it_matched_a_name_inside(client):
    body = client.get("/api/v1/lookup?q=Stage 4 bladder cancer").get_json()
    assert (body["id"], body["matched"]["by"]) == ("stage-4-cancer", "contains")
