"""Security posture: headers on every response, no cookies, CORS without
credentials, no stack traces even in debug mode, a body limit, and a start-up
that refuses broken content or catalogs instead of serving half a glossary.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from glossary_service import create_app, settings
from glossary_service.content import CONTENT_DIR, ContentError

ROOT = Path(__file__).resolve().parent.parent.parent
API_CSP = "default-src 'none'; frame-ancestors 'none'"

# (method, path, extra) covering every kind of answer: each route, 200, 304,
# each 4xx, 500, preflight, HEAD, HTML pages and their errors, static assets.
REQUESTS = [
    ("GET", "/api/v1/terms?lang=es", {}),
    ("GET", "/api/v1/terms/metastasis", {}),
    ("GET", "/api/v1/lookup?q=metastases", {}),
    ("GET", "/api/v1/search?q=met", {}),
    ("GET", "/api/v1/locales", {}),
    ("GET", "/api/v1/openapi.json", {}),
    ("GET", "/healthz", {}),
    ("HEAD", "/api/v1/terms/metastasis", {}),
    ("POST", "/api/v1/annotate", {"json": {"text": "NED after HIPEC"}}),
    ("OPTIONS", "/api/v1/annotate", {"headers": {"Access-Control-Request-Method": "POST"}}),
    ("GET", "/api/v1/terms/nope", {}),
    ("GET", "/api/v1/lookup?q=zzzzqqq", {}),
    ("GET", "/api/v1/search?q=met&limit=0", {}),
    ("GET", "/api/v1/terms?lang=e!s", {}),
    ("GET", "/api/v1/nothing-here", {}),
    ("DELETE", "/api/v1/terms", {}),
    ("POST", "/api/v1/annotate", {"data": "x", "content_type": "text/html"}),
    ("POST", "/api/v1/annotate", {"json": {"txt": 1}}),
    ("POST", "/api/v1/annotate", {"data": "a" * 70000, "content_type": "text/plain"}),
    ("GET", "/", {}),
    ("GET", "/?lang=es", {}),
    ("GET", "/terms/metastasis", {}),
    ("GET", "/terms/nope", {}),
    ("GET", "/demo", {}),
    ("GET", "/no-such-page", {}),
    ("GET", "/?lang=e!s", {}),
    ("GET", "/widget.js", {}),
    ("GET", "/widget.css", {}),
]


def is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/healthz"


# Bodies that are the same in every language.
LANGUAGE_NEUTRAL_PATHS = {"/healthz", "/widget.js", "/widget.css", "/assets/site.css"}


def check_headers(path: str, response) -> None:
    h = response.headers
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["Referrer-Policy"] in {"strict-origin-when-cross-origin", "no-referrer"}
    assert "Set-Cookie" not in h
    assert "Access-Control-Allow-Credentials" not in h
    # Vary: Accept-Language exactly where the body depends on the language.
    neutral = path.split("?")[0] in LANGUAGE_NEUTRAL_PATHS and response.status_code < 400
    assert ("Accept-Language" in h.get("Vary", "")) is not neutral, path
    if is_api(path):
        assert h["Content-Security-Policy"] == API_CSP
        assert h["Access-Control-Allow-Origin"] == "*"
    if response.mimetype == "text/html":
        csp = h["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp
        assert "default-src 'none'" in csp or "default-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    if response.status_code >= 400:
        assert "Traceback" not in response.get_data(as_text=True)
        assert h["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("method", "path", "extra"), REQUESTS, ids=[f"{m} {p}" for m, p, _ in REQUESTS]
)
def test_security_headers_on_every_response(client, method, path, extra):
    extra = dict(extra)
    headers = {"Origin": "https://portal.example", **extra.pop("headers", {})}
    response = client.open(path, method=method, headers=headers, **extra)
    assert response.status_code < 500
    check_headers(path, response)


@pytest.mark.parametrize("path", ["/api/v1/terms/metastasis", "/", "/widget.js"])
def test_security_headers_on_304(client, path):
    etag = client.get(path).headers["ETag"]
    response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304
    check_headers(path, response)


@pytest.mark.parametrize("path", ["/api/v1/_boom_for_test", "/_boom_for_test"])
def test_security_headers_on_500(translations_dir, path):
    app = create_app({"GLOSSARY_TRANSLATIONS_DIR": translations_dir})
    app.add_url_rule(path, "boom", lambda: 1 / 0)
    response = app.test_client().get(path)
    assert response.status_code == 500
    check_headers(path, response)


def test_no_cookies_and_no_session(app, client):
    """Nothing is remembered about a reader: no session, no cookie, ever."""
    assert not app.config.get("SECRET_KEY")
    for method, path, extra in REQUESTS:
        extra = dict(extra)
        headers = {"Cookie": "session=abc; lang=es", **extra.pop("headers", {})}
        r = client.open(path, method=method, headers=headers, **extra)
        assert "Set-Cookie" not in r.headers, path
    # A cookie never changes the language: only lang and Accept-Language do.
    r = client.get("/api/v1/terms/metastasis", headers={"Cookie": "lang=es"})
    assert r.get_json()["locale"] == "en"


@pytest.mark.parametrize("origin", ["https://portal.example", "null", "https://evil.example"])
def test_cors_is_public_and_without_credentials(client, origin):
    preflight = client.options(
        "/api/v1/annotate",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, authorization",
        },
    )
    # "*" rather than the caller's origin: browsers never send credentials with it.
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in preflight.headers
    assert "authorization" not in preflight.headers["Access-Control-Allow-Headers"].lower()
    assert "DELETE" not in preflight.headers["Access-Control-Allow-Methods"]
    r = client.post("/api/v1/annotate", json={"text": "NED"}, headers={"Origin": origin})
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in r.headers


def test_not_in_debug_mode(app, monkeypatch, translations_dir):
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    assert create_app({"GLOSSARY_TRANSLATIONS_DIR": translations_dir}).debug is False
    assert app.debug is False


@pytest.mark.parametrize("path", ["/api/v1/_boom_for_test", "/_boom_for_test"])
def test_no_stack_trace_even_in_debug_mode(translations_dir, monkeypatch, path):
    """A stray FLASK_DEBUG=1 in production still shows no trace or debugger."""
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"GLOSSARY_TRANSLATIONS_DIR": translations_dir})
    assert app.debug  # the variable works...

    def boom():
        raise RuntimeError("secret internals at /srv/app/config.py")

    app.add_url_rule(path, "boom", boom)
    client = app.test_client()
    response = client.get(path)
    text = response.get_data(as_text=True)
    assert response.status_code == 500  # ...and changes nothing a client sees
    for leak in ("Traceback", "secret internals", "config.py", "Werkzeug Debugger"):
        assert leak not in text
    assert client.get("/console").status_code == 404  # no interactive debugger


def test_body_limit_is_set(app):
    assert settings.DEFAULTS["MAX_CONTENT_LENGTH"] == 64 * 1024
    assert app.config["MAX_CONTENT_LENGTH"] == 64 * 1024


def test_every_served_locale_answers_errors(client, glossary, problem):
    """An error message whose translation breaks its placeholders would be a
    500 in that language; every locale answers every problem instead."""
    for code in glossary.locales:
        for url, status in [
            (f"/api/v1/lookup?lang={code}", 400),
            (f"/api/v1/search?q=met&limit=0&lang={code}", 400),
            (f"/api/v1/search?q={'m' * 201}&lang={code}", 400),
            (f"/api/v1/terms?category=nope&lang={code}", 400),
            (f"/api/v1/terms?letter=ab&lang={code}", 400),
            (f"/api/v1/terms/nope?lang={code}", 404),
            (f"/api/v1/lookup?q=zzzzqqq&lang={code}", 404),
            (f"/api/v1/nope?lang={code}", 404),
        ]:
            problem(client.get(url), status)
        problem(client.get("/api/v1/terms?lang=e!s", headers={"Accept-Language": code}), 400)
        problem(client.post(f"/api/v1/annotate?lang={code}", json=[]), 422)


def test_catalog_placeholders_agree_with_english():
    """The source check behind the test above: Babel's own catalog checks."""
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh)
        errors = [(m.id, [str(e) for e in errs]) for m, errs in catalog.check()]
        assert not errors, (po, errors[:5])


# -- start-up refuses broken content and catalogs -----------------------------


@pytest.fixture
def content_copy(tmp_path) -> Path:
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


def a_term_file(content_dir: Path) -> Path:
    return sorted((content_dir / "terms").glob("*.toml"))[0]


def test_content_syntax_error_stops_start_up(content_copy, translations_dir):
    path = a_term_file(content_copy)
    path.write_text(path.read_text(encoding="utf-8") + "\n[[terms]\nid = 'x'\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        create_app(
            {"GLOSSARY_CONTENT_DIR": content_copy, "GLOSSARY_TRANSLATIONS_DIR": translations_dir}
        )
    assert path.name in str(err.value) and "line" in str(err.value)


def test_content_mistake_stops_start_up_naming_file_line_and_term(content_copy, translations_dir):
    path = a_term_file(content_copy)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("related = [", 'related = ["no-such-term", ', 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        create_app(
            {"GLOSSARY_CONTENT_DIR": content_copy, "GLOSSARY_TRANSLATIONS_DIR": translations_dir}
        )
    message = str(err.value)
    assert "no-such-term" in message
    assert f"{path.name}:" in message  # file:line: term '<id>'


def test_missing_content_stops_start_up(tmp_path, translations_dir):
    with pytest.raises(ContentError, match="no content files"):
        create_app(
            {"GLOSSARY_CONTENT_DIR": tmp_path, "GLOSSARY_TRANSLATIONS_DIR": translations_dir}
        )


@pytest.fixture
def broken_catalogs(tmp_path, translations_dir) -> Path:
    """The compiled catalogs, one of them corrupted; skipped if only English."""
    copy = Path(shutil.copytree(translations_dir, tmp_path / "translations"))
    compiled = sorted(copy.glob("*/LC_MESSAGES/messages.mo"))
    assert compiled, "no translated locale to break"
    compiled[0].write_bytes(compiled[0].read_bytes()[:40])  # truncated
    return copy


def test_broken_catalog_stops_start_up(broken_catalogs):
    with pytest.raises(ContentError, match="catalog"):
        create_app({"GLOSSARY_TRANSLATIONS_DIR": broken_catalogs})


def test_wsgi_entry_point_fails_fast_with_a_clear_message(content_copy, translations_dir):
    """What gunicorn or Lambda would see: a quick exit naming the file."""
    path = a_term_file(content_copy)
    path.write_text("this is = = not toml", encoding="utf-8")
    env = {
        **os.environ,
        "GLOSSARY_CONTENT_DIR": str(content_copy),
        "GLOSSARY_TRANSLATIONS_DIR": str(translations_dir),
    }
    start = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", "import glossary_service.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode != 0
    assert time.monotonic() - start < 30
    assert "ContentError" in run.stderr and path.name in run.stderr


# -- the dependency audit says plainly what it could not check -----------------


def load_audit_tool(monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "audit_tool", ROOT / "tools" / "release" / "audit.py"
    )
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "audit_tool", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


def flask_dep(**extra) -> dict:
    return {"name": "flask", "version": "3.1.3", "vulns": [], **extra}


@pytest.mark.parametrize(
    ("answers", "status", "says"),
    [
        ({"pypi": [flask_dep()]}, 0, "no known vulnerabilities"),
        (
            {"pypi": [flask_dep(vulns=[{"id": "GHSA-x", "fix_versions": ["3.1.4"]}])]},
            1,
            "VULNERABLE flask 3.1.3: GHSA-x",
        ),
        (
            # PyPI does not know the version; OSV does.
            {"pypi": [{"name": "flask", "skip_reason": "not found"}], "osv": [flask_dep()]},
            0,
            "no known vulnerabilities",
        ),
        ({"pypi": [{"name": "flask", "skip_reason": "not found"}], "osv": None}, 2, "NOT AUDITED"),
        ({"pypi": None, "osv": None}, 2, "NOT AUDITED"),
    ],
    ids=["clean", "vulnerable", "osv-fills-in", "unknown-versions", "unreachable"],
)
def test_audit_reports_plainly(monkeypatch, capsys, answers, status, says):
    audit = load_audit_tool(monkeypatch)

    def fake_pip_audit(args, service, timeout):
        deps = answers.get(service)
        if deps is None:
            return None, "ConnectionError: cannot reach the vulnerability service"
        return {"dependencies": deps, "fixes": []}, ""

    monkeypatch.setattr(audit, "pip_audit", fake_pip_audit)
    monkeypatch.setattr(sys, "argv", ["audit.py"])
    assert audit.main() == status
    out = capsys.readouterr().out
    assert says in out
    if status == 2:
        assert "no known vulnerabilities" not in out.lower().replace("nothing is known", "")


def test_health_is_never_cached(client):
    assert client.get("/healthz").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/healthz/", "/healthz//", "/api/v1/nope"])
def test_api_like_paths_answer_problem_json(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert r.mimetype == "application/problem+json"


def test_no_request_host_reaches_a_cached_page(translations_dir):
    """Absolute links come from GLOSSARY_PUBLIC_URL; without it, the one page
    that needs the request's host (/demo) is not cacheable."""
    evil = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    plain = create_app({"GLOSSARY_TRANSLATIONS_DIR": translations_dir}).test_client()
    for path in ("/", "/terms/metastasis", "/api/v1/terms/metastasis"):
        r = plain.get(path, headers=evil)
        assert "evil.example" not in r.get_data(as_text=True), path
    demo = plain.get("/demo", headers=evil)
    assert demo.headers["Cache-Control"] == "no-store"
    public = create_app(
        {
            "GLOSSARY_TRANSLATIONS_DIR": translations_dir,
            "GLOSSARY_PUBLIC_URL": "https://g.example.org",
        }
    ).test_client()
    for path in ("/", "/demo", "/terms/metastasis"):
        r = public.get(path, headers=evil)
        assert "evil.example" not in r.get_data(as_text=True), path
        assert r.headers["Cache-Control"].startswith("public"), path
    assert "https://g.example.org/widget.js" in public.get("/demo").get_data(as_text=True)


@pytest.mark.parametrize(
    "path", ["/api/v1//terms/metastasis", "/api/v1/terms//metastasis", "/healthz//"]
)
def test_doubled_slashes_are_a_problem_never_a_redirect_to_the_host(client, path):
    r = client.get("/", environ_overrides={"PATH_INFO": path}, headers={"Host": "evil.example"})
    assert r.status_code == 404
    assert r.mimetype == "application/problem+json"
    assert "Location" not in r.headers
