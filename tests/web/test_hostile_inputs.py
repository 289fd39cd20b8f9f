"""Hostile input: each kind gets a precise 4xx problem, nothing is reflected
unescaped, and nothing reaches the logs unescaped.

The table below is the one in the README ("Hostile input"). Each row: what is
sent, the status, and the problem type. Then markup in every parameter,
requests only a real server sees (chunked bodies), and Hypothesis on the
HTTP API for any text.
"""

from __future__ import annotations

import http.client
import json
import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_service import create_app
from tests.support.live_server import serve

KIB_64 = 64 * 1024
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
PROBES = (SCRIPT, IMG)


@dataclass(frozen=True)
class Case:
    id: str
    method: str
    path: str
    status: int
    slug: str | None  # problem type; None for a success
    kwargs: dict = field(default_factory=dict)


def text_body(data: bytes | str, content_type: str = "text/plain") -> dict:
    return {"data": data, "content_type": content_type}


def json_body(raw: bytes | str) -> dict:
    return {"data": raw, "content_type": "application/json"}


def raw_query(query: str) -> dict:
    """A query string as a server hands it over (PEP 3333: bytes as latin-1),
    without the test client's percent-encoding."""
    return {"environ_overrides": {"QUERY_STRING": query}}


ANNOTATE = "/api/v1/annotate"

TABLE = [
    # -- language --------------------------------------------------------------
    Case("lang not a tag", "GET", "/api/v1/terms?lang=e!s", 400, "invalid-language-tag"),
    Case("lang empty", "GET", "/api/v1/terms?lang=", 400, "invalid-language-tag"),
    Case(
        "lang 65 chars",
        "GET",
        "/api/v1/terms?lang=" + "es-" + "x" * 62,
        400,
        "invalid-language-tag",
    ),
    Case(
        "lang non-ASCII look-alike (long s)",
        "GET",
        "/api/v1/terms?lang=e%C5%BF",
        400,
        "invalid-language-tag",
    ),
    Case(
        "lang Kelvin sign for k",
        "GET",
        "/api/v1/terms?lang=%E2%84%AAo",
        400,
        "invalid-language-tag",
    ),
    Case("lang with NUL", "GET", "/api/v1/terms?lang=es%00", 400, "invalid-language-tag"),
    Case("lang with spaces", "GET", "/api/v1/terms?lang=%20es%20", 400, "invalid-language-tag"),
    Case(
        "lang with newline (header-injection shape)",
        "GET",
        "/api/v1/terms?lang=es%0D%0ASet-Cookie:x=1",
        400,
        "invalid-language-tag",
    ),
    Case(
        "lang markup",
        "GET",
        "/api/v1/lookup?q=NED&lang=%3Cb%3Ees%3C/b%3E",
        400,
        "invalid-language-tag",
    ),
    Case(
        "annotate body lang not a tag",
        "POST",
        ANNOTATE,
        400,
        "invalid-language-tag",
        json_body('{"text": "NED", "lang": "e!s"}'),
    ),
    # Browsers send odd Accept-Language headers: malformed entries are skipped
    # (the contract), so these are answered, in English, not refused.
    Case(
        "Accept-Language garbage",
        "GET",
        "/api/v1/terms/metastasis",
        200,
        None,
        {"headers": {"Accept-Language": ";;;q=abc,,=,-,*;q=NaN"}},
    ),
    Case(
        "Accept-Language markup",
        "GET",
        "/api/v1/terms/metastasis",
        200,
        None,
        {"headers": {"Accept-Language": SCRIPT}},
    ),
    Case(
        "Accept-Language 500 entries",
        "GET",
        "/api/v1/terms/metastasis",
        200,
        None,
        {"headers": {"Accept-Language": ",".join(f"x{i:03d};q=0.{i % 9 + 1}" for i in range(500))}},
    ),
    # -- encoding of the URL ---------------------------------------------------
    Case(
        "percent not followed by hex",
        "GET",
        "/api/v1/lookup?q=%ZZ",
        400,
        "invalid-parameter",
        raw_query("q=%ZZ"),
    ),
    Case(
        "lone percent at the end",
        "GET",
        "/api/v1/search?q=100%",
        400,
        "invalid-parameter",
        raw_query("q=100%"),
    ),
    Case(
        "percent-encoded invalid UTF-8",
        "GET",
        "/api/v1/lookup",
        400,
        "invalid-parameter",
        raw_query("q=%C3%28"),
    ),
    Case(
        "percent-encoded surrogate",
        "GET",
        "/api/v1/search",
        400,
        "invalid-parameter",
        raw_query("q=%ED%A0%80"),
    ),
    Case(
        "raw invalid UTF-8 bytes",
        "GET",
        "/api/v1/search",
        400,
        "invalid-parameter",
        raw_query("q=\xff\xfe"),
    ),
    Case(
        "invalid UTF-8 in lang",
        "GET",
        "/api/v1/terms",
        400,
        "invalid-parameter",
        raw_query("lang=%FF"),
    ),
    # -- query parameters ------------------------------------------------------
    Case(
        "q of 5,000 characters (lookup)",
        "GET",
        "/api/v1/lookup?q=" + "a" * 5000,
        400,
        "invalid-parameter",
    ),
    Case(
        "q of 5,000 characters (search)",
        "GET",
        "/api/v1/search?q=" + "é" * 5000,
        400,
        "invalid-parameter",
    ),
    Case("q of 201 characters", "GET", "/api/v1/search?q=" + "m" * 201, 400, "invalid-parameter"),
    Case("q missing", "GET", "/api/v1/lookup", 400, "invalid-parameter"),
    Case("q blank", "GET", "/api/v1/search?q=%20%09%E3%80%80", 400, "invalid-parameter"),
    Case("limit 0", "GET", "/api/v1/search?q=met&limit=0", 400, "invalid-parameter"),
    Case("limit 51", "GET", "/api/v1/search?q=met&limit=51", 400, "invalid-parameter"),
    Case("limit negative", "GET", "/api/v1/search?q=met&limit=-1", 400, "invalid-parameter"),
    Case("limit huge", "GET", "/api/v1/search?q=met&limit=" + "9" * 40, 400, "invalid-parameter"),
    Case("limit not a number", "GET", "/api/v1/search?q=met&limit=ten", 400, "invalid-parameter"),
    Case("limit 5.0", "GET", "/api/v1/search?q=met&limit=5.0", 400, "invalid-parameter"),
    Case(
        "limit Arabic-Indic digit",
        "GET",
        "/api/v1/search?q=met&limit=%D9%A5",
        400,
        "invalid-parameter",
    ),
    Case("letter of two", "GET", "/api/v1/terms?letter=ab", 400, "invalid-parameter"),
    Case("letter punctuation", "GET", "/api/v1/terms?letter=%3C", 400, "invalid-parameter"),
    Case("letter empty", "GET", "/api/v1/terms?letter=", 400, "invalid-parameter"),
    Case(
        "category unknown", "GET", "/api/v1/terms?category=..%2F..%2Fetc", 400, "invalid-parameter"
    ),
    # -- bodies ----------------------------------------------------------------
    Case("no content type", "POST", ANNOTATE, 415, "unsupported-media-type", {"data": b"NED"}),
    Case(
        "text/html",
        "POST",
        ANNOTATE,
        415,
        "unsupported-media-type",
        text_body(f"<p>{SCRIPT}</p>", "text/html"),
    ),
    Case(
        "form",
        "POST",
        ANNOTATE,
        415,
        "unsupported-media-type",
        text_body("text=NED", "application/x-www-form-urlencoded"),
    ),
    Case(
        "multipart",
        "POST",
        ANNOTATE,
        415,
        "unsupported-media-type",
        {"data": {"text": "NED"}, "content_type": "multipart/form-data"},
    ),
    Case(
        "text in Latin-1",
        "POST",
        ANNOTATE,
        415,
        "unsupported-media-type",
        text_body("NED".encode("latin-1"), "text/plain; charset=iso-8859-1"),
    ),
    Case("JSON cut short", "POST", ANNOTATE, 400, "invalid-body", json_body('{"text": "NED"')),
    Case("JSON empty body", "POST", ANNOTATE, 400, "invalid-body", json_body(b"")),
    Case(
        "JSON not UTF-8", "POST", ANNOTATE, 400, "invalid-body", json_body(b'{"text": "\xff\xfe"}')
    ),
    Case(
        "JSON nested 30,000 deep",
        "POST",
        ANNOTATE,
        400,
        "invalid-body",
        json_body("[" * 30000 + "]" * 30000),
    ),
    Case(
        "JSON number of 50,000 digits",
        "POST",
        ANNOTATE,
        400,
        "invalid-body",
        json_body('{"text": "x", "n": ' + "1" * 50000 + "}"),
    ),
    Case(
        "text/plain not UTF-8", "POST", ANNOTATE, 400, "invalid-body", text_body(b"met\xe1stasis")
    ),
    Case(
        "text/plain lone surrogate (CESU-8)",
        "POST",
        ANNOTATE,
        400,
        "invalid-body",
        text_body("NED \ud800".encode("utf-8", "surrogatepass")),
    ),
    Case("JSON array", "POST", ANNOTATE, 422, "invalid-body", json_body('["NED"]')),
    Case("JSON null", "POST", ANNOTATE, 422, "invalid-body", json_body("null")),
    Case(
        "JSON text not a string",
        "POST",
        ANNOTATE,
        422,
        "invalid-body",
        json_body('{"text": ["NED"]}'),
    ),
    Case("JSON without text", "POST", ANNOTATE, 422, "invalid-body", json_body('{"txt": "NED"}')),
    Case(
        "JSON lang null",
        "POST",
        ANNOTATE,
        422,
        "invalid-body",
        json_body('{"text": "NED", "lang": null}'),
    ),
    Case(
        "JSON lang a number, query lang set",
        "POST",
        ANNOTATE + "?lang=es",
        422,
        "invalid-body",
        json_body('{"text": "NED", "lang": 5}'),
    ),
    Case(
        "body over 64 KiB (JSON)",
        "POST",
        ANNOTATE,
        413,
        "payload-too-large",
        json_body(json.dumps({"text": "a" * KIB_64})),
    ),
    Case(
        "body over 64 KiB (text)",
        "POST",
        ANNOTATE,
        413,
        "payload-too-large",
        text_body("é" * (KIB_64 // 2 + 1)),
    ),
    Case(
        "Content-Length of a gigabyte",
        "POST",
        ANNOTATE,
        413,
        "payload-too-large",
        {
            "data": b"NED",
            "content_type": "text/plain",
            "environ_overrides": {"CONTENT_LENGTH": str(2**30)},
        },
    ),
    Case(
        "JSON lone surrogate escape is text",
        "POST",
        ANNOTATE,
        200,
        None,
        json_body('{"text": "\\ud800 NED \\udfff"}'),
    ),
    Case("exactly 64 KiB is allowed", "POST", ANNOTATE, 200, None, text_body("a" * KIB_64)),
    # -- methods and paths -----------------------------------------------------
    Case("DELETE", "DELETE", "/api/v1/terms/metastasis", 405, "method-not-allowed"),
    Case("PUT", "PUT", ANNOTATE, 405, "method-not-allowed", text_body("NED")),
    Case("PATCH", "PATCH", "/api/v1/lookup?q=NED", 405, "method-not-allowed"),
    Case("TRACE", "TRACE", "/api/v1/search?q=met", 405, "method-not-allowed"),
    Case("unknown method", "BREW", "/api/v1/terms", 405, "method-not-allowed"),
    Case(
        "unknown method, bad lang: the method is the error",
        "PROPFIND",
        "/api/v1/terms?lang=e!s",
        405,
        "method-not-allowed",
    ),
    Case("GET on annotate", "GET", ANNOTATE, 405, "method-not-allowed"),
    Case("no such route", "GET", "/api/v1/admin", 404, "not-found"),
    Case(
        "no such route, bad lang: the route is the error",
        "GET",
        "/api/v2/terms?lang=e!s",
        404,
        "not-found",
    ),
    Case("path traversal", "GET", "/api/v1/terms/../../../etc/passwd", 404, "not-found"),
    Case(
        "path traversal, encoded slashes",
        "GET",
        "/api/v1/terms/..%2F..%2Fetc%2Fpasswd",
        404,
        "not-found",
    ),
    Case(
        "path traversal, dot segments encoded", "GET", "/api/v1/terms/%2e%2e", 404, "term-not-found"
    ),
    Case(
        "path traversal, backslashes",
        "GET",
        "/api/v1/terms/..%5C..%5Cwindows%5Cwin.ini",
        404,
        "term-not-found",
    ),
    Case("NUL in the id", "GET", "/api/v1/terms/metastasis%00", 404, "term-not-found"),
    Case("invalid UTF-8 in the id", "GET", "/api/v1/terms/%C3%28", 404, "term-not-found"),
    Case("id of 10,000 characters", "GET", "/api/v1/terms/" + "a" * 10000, 404, "term-not-found"),
]


# -- markup in every parameter -------------------------------------------------


def markup_cases() -> list[Case]:
    cases = []
    for probe in PROBES:
        enc = probe.replace("%", "%25").replace("&", "%26").replace("#", "%23")
        enc = enc.replace(" ", "%20").replace('"', "%22").replace("<", "%3C").replace(">", "%3E")
        tag = "script" if probe == SCRIPT else "img"
        cases += [
            Case(f"{tag} in lang", "GET", f"/api/v1/terms?lang={enc}", 400, "invalid-language-tag"),
            Case(f"{tag} in q (lookup)", "GET", f"/api/v1/lookup?q={enc}", 404, "no-match"),
            Case(f"{tag} in q (search)", "GET", f"/api/v1/search?q={enc}", 200, None),
            Case(
                f"{tag} in limit",
                "GET",
                f"/api/v1/search?q=met&limit={enc}",
                400,
                "invalid-parameter",
            ),
            Case(
                f"{tag} in letter", "GET", f"/api/v1/terms?letter={enc}", 400, "invalid-parameter"
            ),
            Case(
                f"{tag} in category",
                "GET",
                f"/api/v1/terms?category={enc}",
                400,
                "invalid-parameter",
            ),
            # "</script>" has a slash: no such route, rather than no such term.
            Case(
                f"{tag} in id",
                "GET",
                f"/api/v1/terms/{enc}",
                404,
                "not-found" if "/" in probe else "term-not-found",
            ),
            Case(f"{tag} in an unknown route", "GET", f"/api/v1/{enc}", 404, "not-found"),
            Case(
                f"{tag} in If-None-Match",
                "GET",
                "/api/v1/locales",
                200,
                None,
                {"headers": {"If-None-Match": probe}},
            ),
            Case(
                f"{tag} in Origin",
                "GET",
                "/api/v1/locales",
                200,
                None,
                {"headers": {"Origin": probe}},
            ),
            Case(
                f"{tag} in the JSON text",
                "POST",
                ANNOTATE,
                200,
                None,
                json_body(json.dumps({"text": f"NED {probe} PD-L1"})),
            ),
            Case(
                f"{tag} in the JSON lang",
                "POST",
                ANNOTATE,
                400,
                "invalid-language-tag",
                json_body(json.dumps({"text": "NED", "lang": probe})),
            ),
            Case(
                f"{tag} in a JSON key",
                "POST",
                ANNOTATE,
                422,
                "invalid-body",
                json_body(json.dumps({probe: "NED"})),
            ),
            Case(
                f"{tag} in the plain text", "POST", ANNOTATE, 200, None, text_body(f"NED {probe}")
            ),
            Case(
                f"{tag} in the content type",
                "POST",
                ANNOTATE,
                415,
                "unsupported-media-type",
                text_body("NED", f"text/{probe}"),
            ),
        ]
    return cases


ALL_CASES = TABLE + markup_cases()


# -- the checks ------------------------------------------------------------------


def assert_nothing_unescaped(response) -> None:
    """No markup character leaves the API raw: not in the body, not in a header."""
    body = response.get_data()
    assert b"<" not in body and b">" not in body, body[:300]
    for name, value in response.headers.items():
        assert "<" not in value and ">" not in value, (name, value)
    assert "Set-Cookie" not in response.headers


def assert_logs_clean(records) -> None:
    for record in records:
        text = record.getMessage() + (record.exc_text or "")
        for probe in ("<script", "<img", "<b>", "<p>"):
            assert probe not in text, text[:300]
        assert "\n" not in record.getMessage() and "\r" not in record.getMessage()


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_hostile_input(client, problem, caplog, case):
    caplog.set_level(logging.DEBUG)
    kwargs = dict(case.kwargs)
    response = client.open(case.path, method=case.method, **kwargs)
    if case.slug is None:
        assert response.status_code == case.status, response.get_data(as_text=True)[:300]
    else:
        body = problem(response, case.status)
        assert body["type"] == f"tag:glossary-service,2026:problem/{case.slug}"
        assert response.headers["Cache-Control"] == "no-store"
        if case.status == 405:
            assert "GET" in response.headers["Allow"] or "POST" in response.headers["Allow"]
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and 'File "' not in text
    assert_nothing_unescaped(response)
    assert_logs_clean(caplog.records)


HTML_PAGES = [
    ("/?q={}", 200),
    ("/?lang={}", 400),
    ("/?letter={}", None),
    ("/terms/{}", 404),
    ("/terms/metastasis?lang=es&x={}", 200),
    ("/demo?lang={}", 400),
    ("/{}", 404),
]


@pytest.mark.parametrize("probe", PROBES, ids=["script", "img"])
@pytest.mark.parametrize(("template", "status"), HTML_PAGES, ids=[t for t, _ in HTML_PAGES])
def test_html_pages_escape_what_they_echo(client, caplog, template, status, probe):
    caplog.set_level(logging.DEBUG)
    enc = probe.replace("%", "%25").replace("&", "%26").replace("#", "%23").replace(" ", "%20")
    enc = enc.replace('"', "%22").replace("<", "%3C").replace(">", "%3E").replace("/", "%2F")
    r = client.get(template.format(enc))
    if status is not None:
        assert r.status_code == status
    assert r.status_code < 500
    page = r.get_data(as_text=True)
    assert probe not in page and "<img src=x" not in page and "<script>alert" not in page
    assert "Traceback" not in page
    assert_logs_clean(caplog.records)


def test_the_echoed_query_keeps_its_value(client):
    """Escaped is not mangled: a JSON parser reads the query back exactly."""
    query = f"met {SCRIPT} & {IMG}"
    body = client.get("/api/v1/search", query_string={"q": query}).get_json()
    assert body["query"] == query


def test_unexpected_error_logs_one_escaped_line(translations_dir, problem, caplog):
    """Even a bug that puts user text in an exception message logs it escaped."""
    app = create_app({"GLOSSARY_TRANSLATIONS_DIR": translations_dir})

    @app.get("/api/v1/_boom_for_test/<path:rest>")
    def boom(rest):
        raise RuntimeError(f"could not handle {rest}\nFAKE 200 log line")

    caplog.set_level(logging.DEBUG)
    r = app.test_client().get("/api/v1/_boom_for_test/" + SCRIPT)
    problem(r, 500)
    assert SCRIPT not in r.get_data(as_text=True)
    errors = [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "could not handle" in errors[0].getMessage()  # the traceback is there...
    assert_logs_clean(errors)  # ...escaped, on one line


# -- what only a real server receives --------------------------------------------


@pytest.fixture(scope="module")
def server(app):
    with serve(app) as url:
        yield urlsplit(url)


def post_chunked(server, body: bytes, content_type: str = "text/plain"):
    conn = http.client.HTTPConnection(server.hostname, server.port, timeout=30)
    try:
        # An iterable body is sent chunked, with no Content-Length.
        chunks = (body[i : i + 8192] for i in range(0, len(body), 8192))
        conn.request(
            "POST",
            ANNOTATE,
            body=chunks,
            headers={"Content-Type": content_type},
            encode_chunked=True,
        )
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type"), response.read()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("size", "status"), [(KIB_64 + 1, 413), (10 * KIB_64, 413), (KIB_64, 200), (100, 200)]
)
def test_chunked_bodies_are_held_to_64_kib(server, size, status):
    """No Content-Length to check: the limit still holds, to the byte, and a
    long body is refused rather than silently cut."""
    code, content_type, body = post_chunked(server, b"a" * size)
    assert code == status, body[:300]
    if status == 413:
        assert content_type == "application/problem+json"
        assert json.loads(body)["type"].endswith("/payload-too-large")


def test_raw_request_line_with_markup(server):
    """Markup sent raw in the request line (no percent-encoding) is not echoed raw."""
    conn = http.client.HTTPConnection(server.hostname, server.port, timeout=30)
    try:
        conn.putrequest("GET", "/api/v1/search?q=<svg/onload=alert(1)>", skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    assert response.status == 200
    assert b"<" not in body and b"\\u003csvg/onload=alert(1)\\u003e" in body


# -- any text at all, through HTTP ------------------------------------------------

any_text = st.text(st.characters(exclude_categories=()), max_size=300)
HTTP = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@HTTP
@given(text=any_text, lang=st.sampled_from([None, "en", "es", "zh-TW", "ar", "de"]))
def test_annotate_any_json_text(client, text, lang):
    payload = {"text": text} if lang is None else {"text": text, "lang": lang}
    r = client.post(ANNOTATE, json=payload)  # json.dumps escapes lone surrogates
    assert r.status_code == 200
    for m in r.get_json()["matches"]:
        assert m["text"] == text[m["start"] : m["end"]]
    assert b"<" not in r.get_data()


@HTTP
@given(text=any_text.filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t)))
def test_annotate_any_plain_text(client, text):
    r = client.post(ANNOTATE, data=text.encode(), content_type="text/plain; charset=utf-8")
    assert r.status_code == 200
    for m in r.get_json()["matches"]:
        assert m["text"] == text[m["start"] : m["end"]]


@HTTP
@given(
    q=st.text(st.characters(exclude_categories=["Cs"]), max_size=210),
    path=st.sampled_from(["/api/v1/lookup", "/api/v1/search"]),
)
def test_any_query(client, q, path):
    r = client.get(path, query_string={"q": q})
    if not q.strip() or len(q) > 200:
        assert r.status_code == 400
    else:
        assert r.status_code in {200, 404}, r.get_data(as_text=True)
        if r.status_code == 200 and path.endswith("search"):
            assert r.get_json()["query"] == q
    assert b"<" not in r.get_data()
