"""POST /api/v1/annotate: every glossary term in free text."""

from __future__ import annotations

import pytest

TEXT = (
    "Stage IV breast cancer with bone metastases. PD-L1 testing was done. "
    "Now NED after chemotherapy; her PS is 1."
)


def annotate(client, **kwargs):
    r = client.post("/api/v1/annotate", **kwargs)
    assert r.status_code == 200, r.get_data(as_text=True)
    return r.get_json()


def check_spans(text: str, matches: list[dict]) -> None:
    last_end = 0
    for m in matches:
        assert text[m["start"] : m["end"]] == m["text"]
        assert m["start"] >= last_end  # sorted, no overlap
        last_end = m["end"]
        assert set(m) == {"start", "end", "text", "id", "term", "short_definition"}


def test_json_body(client):
    body = annotate(client, json={"text": TEXT})
    assert body["locale"] == "en"
    check_spans(TEXT, body["matches"])
    ids = [m["id"] for m in body["matches"]]
    for expected in ["pd-l1", "no-evidence-of-disease", "chemotherapy", "performance-status"]:
        assert expected in ids
    assert ids[0] == "stage-4-cancer"


def test_longest_match_wins(client):
    text = "A biopsy confirmed non-small cell lung cancer."
    matches = annotate(client, json={"text": text})["matches"]
    assert ("non-small cell lung cancer", "non-small-cell-lung-cancer") in {
        (m["text"], m["id"]) for m in matches
    }


def test_plain_text_body(client):
    body = annotate(client, data=TEXT.encode(), content_type="text/plain; charset=utf-8")
    check_spans(TEXT, body["matches"])
    assert body["matches"]


def test_offsets_are_code_points(client):
    text = "😀😀 Ça va: metastasis."
    (m,) = annotate(client, json={"text": text})["matches"]
    assert text[m["start"] : m["end"]] == "metastasis"


def test_spanish_by_body_lang(client):
    text = "Tiene metástasis en el hígado y recibe quimioterapia."
    # "metástasis en el hígado" is the longer name of liver metastasis: longest wins.
    body = annotate(client, json={"text": text, "lang": "es"})
    assert body["locale"] == "es"
    check_spans(text, body["matches"])
    assert {"liver-metastasis", "chemotherapy"} <= {m["id"] for m in body["matches"]}
    assert all(m["short_definition"] for m in body["matches"])


def test_spanish_without_accents(client):
    text = "Metastasis y quimioterapia, luego remision."
    ids = [
        m["id"]
        for m in annotate(client, json={"text": text}, query_string={"lang": "es"})["matches"]
    ]
    assert ids == ["metastasis", "chemotherapy", "remission"]


def test_whole_words_only(client):
    assert annotate(client, json={"text": "chemotherapeutically xmetastasis"})["matches"] == []


def test_empty_text(client):
    assert annotate(client, json={"text": ""})["matches"] == []


def test_body_over_64_kib_is_413(client, problem):
    problem(client.post("/api/v1/annotate", json={"text": "a" * (64 * 1024)}), 413)


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b'["text"]', "application/json", 422),
        (b'{"text": 5}', "application/json", 422),
        (b'{"txt": "x"}', "application/json", 422),
        (b'{"text": "x", "lang": 5}', "application/json", 422),
        (b'{"text": "x", "lang": "e!s"}', "application/json", 400),
        (b"\xff\xfe bad", "text/plain", 400),
        (b"text", "text/html", 415),
        (b"text", "application/x-www-form-urlencoded", 415),
        (b"text", "text/plain; charset=latin-1", 415),
    ],
)
def test_bad_bodies(client, problem, data, content_type, status):
    problem(client.post("/api/v1/annotate", data=data, content_type=content_type), status)


def _worst_case_text(glossary, code: str) -> str:
    """64 KiB of the linkable name whose match costs the most bytes."""
    view = glossary.view(code)
    best, name = 0, None
    for t in view.terms.values():
        cost = len((t.term + t.short_definition).encode())
        for candidate in (t.term, *t.aliases):
            if t.policies.get(candidate, "always") != "always":
                continue
            weight = cost / (len(candidate.encode()) + 1)
            if weight > best and view.index.annotate(candidate):
                best, name = weight, candidate
    unit = name + " "
    return unit * ((64 * 1024 - 64) // len(unit.encode()))


def test_answers_stay_bounded_in_every_locale(client, glossary):
    for code in glossary.locales:
        text = _worst_case_text(glossary, code)
        r = client.post(
            f"/api/v1/annotate?lang={code}", data=text.encode(), content_type="text/plain"
        )
        assert r.status_code == 200, code
        assert len(r.data) < 1_500_000, (code, len(r.data))
        body = r.get_json()
        assert body["truncated"] is True and len(body["matches"]) == 1000, code


def test_a_normal_text_is_not_truncated(client):
    assert annotate(client, json={"text": TEXT})["truncated"] is False
