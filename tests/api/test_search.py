"""GET /api/v1/search: suggestions typed a few letters at a time."""

from __future__ import annotations

import pytest


def search(client, **params):
    r = client.get("/api/v1/search", query_string=params)
    assert r.status_code == 200, r.get_data(as_text=True)
    return r.get_json()


def test_prefix_first(client):
    body = search(client, q="met")
    assert body["query"] == "met" and body["locale"] == "en"
    assert body["results"][0]["id"] in {"metastasis", "metastatic"} or body["results"][0][
        "term"
    ].startswith("met")
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)
    assert set(body["results"][0]) == {"id", "term", "short_definition", "score"}


def test_prefix_beats_inside_word(client):
    results = search(client, q="therap")["results"]
    prefix = [r for r in results if r["term"].lower().startswith("therap")]
    inside = [r for r in results if not r["term"].lower().startswith("therap")]
    if prefix and inside:
        assert min(r["score"] for r in prefix) > max(r["score"] for r in inside)
    assert inside  # chemotherapy, immunotherapy...


def test_misspelled_prefix(client):
    ids = [r["id"] for r in search(client, q="immuno")["results"]]
    assert "immunotherapy" in ids
    ids = [r["id"] for r in search(client, q="imunother")["results"]]
    assert "immunotherapy" in ids


def test_spanish_accent_insensitive(client):
    results = search(client, q="METAS", lang="es")["results"]
    assert results[0]["term"].startswith("metást")
    assert search(client, q="quimio", lang="es")["results"][0]["id"] == "chemotherapy"


def test_limit(client):
    assert len(search(client, q="c", limit=3)["results"]) == 3
    assert len(search(client, q="c", limit=50)["results"]) <= 50
    assert len(search(client, q="c")["results"]) == 10


def test_no_results_is_empty_list(client):
    assert search(client, q="zzzzqqq")["results"] == []


@pytest.mark.parametrize("limit", ["0", "51", "-1", "ten", "1.5", "", "１"])
def test_bad_limit_is_400(client, problem, limit):
    problem(client.get("/api/v1/search", query_string={"q": "met", "limit": limit}), 400)


def test_missing_query_is_400(client, problem):
    problem(client.get("/api/v1/search"), 400)
