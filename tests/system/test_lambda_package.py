"""The AWS Lambda package (issue 6), built for real and run the way Lambda runs it.

Once per session, tools/release/build_lambda.py builds the zip from nothing (a fresh
runtime-only venv, ``zappa package``, precompiled modules); the zip is unpacked
with every file dated 1980 as Lambda leaves them, and zappa's
``handler.lambda_handler`` is called in fresh ``python -I -S`` processes that
have only the unpacked package and a boto3 stand-in (what the Lambda runtime
provides) on ``sys.path`` (tools/release/lambda_invoke.py).

The events start from AWS's documented samples (tests/lambda_events): the REST
API proxy integration input format ("Set up Lambda proxy integrations in API
Gateway") and the HTTP API payload format 2.0 ("Create AWS Lambda proxy
integrations for HTTP APIs"), with the method, path, query, headers and body
of each case filled in.

Spanish answers are checked by locale, not by words: translators are still
at work, and an untranslated text is served in English.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from babel.support import Translations

from tests.support.atom import XML_LANG, a, check_feed

ROOT = Path(__file__).resolve().parent.parent.parent
EVENTS = Path(__file__).resolve().parent / "lambda_events"
INVOKE = ROOT / "tools" / "release" / "lambda_invoke.py"
SETTINGS = json.loads((ROOT / "zappa_settings.json").read_text(encoding="utf-8"))
MAX_ZIP_BYTES = 10 * 1024 * 1024
MAX_BODY = 64 * 1024

_spec = importlib.util.spec_from_file_location(
    "build_lambda", ROOT / "tools" / "release" / "build_lambda.py"
)
build_lambda = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_lambda)


@dataclass(frozen=True)
class Package:
    zip: Path
    task_root: Path  # the unpacked zip, as /var/task
    runtime: Path  # the boto3 stand-in
    summary: dict


@pytest.fixture(scope="session")
def package(tmp_path_factory) -> Package:
    """Built from nothing every session: no reuse of an earlier build."""
    build_lambda.tool_version("zappa")  # a missing tool fails here, naming it
    work = tmp_path_factory.mktemp("lambda")
    summary = build_lambda.build(
        output=work / "lambda.zip", work=work / "work", standin=work / "boto3-standin"
    )
    task_root = build_lambda.extract_like_lambda(work / "lambda.zip", work / "task")
    return Package(work / "lambda.zip", task_root, work / "boto3-standin", summary)


def packaged_catalogs(package: Package) -> list[str]:
    """Catalog directories with a compiled catalog inside the zip."""
    with zipfile.ZipFile(package.zip) as archive:
        return sorted(
            name.split("/")[1]
            for name in archive.namelist()
            if name.startswith("translations/") and name.endswith("/LC_MESSAGES/messages.mo")
        )


@pytest.fixture(scope="session")
def served(package) -> list[str]:
    """Public codes of the locales the packaged catalogs serve, named as the
    service names them (the fil catalog is served as tl)."""
    from glossary_service.locales import discover_locales

    return list(discover_locales(package.task_root / "translations"))


def snapshot(tree: Path) -> dict[str, str]:
    return {
        p.relative_to(tree).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(tree.rglob("*"))
        if p.is_file()
    }


def lambda_env(task_root: Path) -> dict[str, str]:
    """What the Lambda python3.11 runtime sets, and no credentials."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "LAMBDA_TASK_ROOT": str(task_root),
        "_HANDLER": SETTINGS["dev"].get("lambda_handler", "handler.lambda_handler"),
        "AWS_EXECUTION_ENV": "AWS_Lambda_python3.11",
        "AWS_LAMBDA_FUNCTION_NAME": "glossary-service-dev",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(SETTINGS["dev"]["memory_size"]),
        "AWS_REGION": SETTINGS["dev"]["aws_region"],
        "AWS_DEFAULT_REGION": SETTINGS["dev"]["aws_region"],
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }


def invoke(package: Package, events: list[dict], tmp_path: Path) -> dict:
    """A cold start: a fresh interpreter imports handler and serves the events."""
    out = tmp_path / f"result-{os.urandom(4).hex()}.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-I",
            "-S",
            str(INVOKE),
            str(package.task_root),
            str(package.runtime),
            str(out),
        ],
        input=json.dumps(events),
        text=True,
        capture_output=True,
        cwd=package.task_root,
        env=lambda_env(package.task_root),
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads(out.read_text(encoding="utf-8"))


# -- events, from AWS's documented samples --------------------------------------------


def rest_v1(method, path, query=None, headers=None, body=None, b64=False, host=None) -> dict:
    """An API Gateway REST API (payload 1.0) proxy event. Through the
    execute-api host the stage ("dev") is not in ``path``, only in
    ``requestContext.path``; zappa then serves the app under /dev."""
    event = copy.deepcopy(json.loads((EVENTS / "api-gateway-rest-v1.json").read_text()))
    all_headers = {**event["headers"], **(headers or {})}
    if host:
        all_headers["Host"] = host
    query = query or {}
    event.update(
        path=path,
        httpMethod=method,
        headers=all_headers,
        multiValueHeaders={k: [v] for k, v in all_headers.items()},
        queryStringParameters=query or None,
        multiValueQueryStringParameters={k: [v] for k, v in query.items()} or None,
        pathParameters={"proxy": path.lstrip("/")},
        body=body,
        isBase64Encoded=b64,
    )
    event["requestContext"].update(
        httpMethod=method, path=f"/{event['requestContext']['stage']}{path}"
    )
    return event


def http_v2(method, path, query=None, headers=None, body=None, b64=False, stage="$default") -> dict:
    """An API Gateway HTTP API (payload 2.0) event. A named stage is part of
    ``rawPath`` (/dev/api/...); the $default stage has no prefix."""
    event = copy.deepcopy(json.loads((EVENTS / "http-api-v2.json").read_text()))
    raw_path = path if stage == "$default" else f"/{stage}{path}"
    all_headers = {**event["headers"], **{k.lower(): v for k, v in (headers or {}).items()}}
    if body is not None:
        all_headers["content-length"] = str(len(base64.b64decode(body) if b64 else body.encode()))
    query = query or {}
    event.update(
        rawPath=raw_path,
        rawQueryString=urlencode(query),
        queryStringParameters=query or None,
        headers=all_headers,
        body=body,
        isBase64Encoded=b64,
    )
    event["requestContext"]["http"].update(method=method, path=raw_path)
    event["requestContext"]["stage"] = stage
    return event


FORMATS = {"v1": rest_v1, "v2": http_v2}
INFOBUTTON = {
    "mainSearchCriteria.v.c": "C79.51",
    "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.90",
    "mainSearchCriteria.v.dn": "Secondary malignant neoplasm of bone",
    "informationRecipient": "PAT",
    "informationRecipient.languageCode.c": "es",
}


def es_term_name(task_root: Path, term_id: str, english: str) -> str:
    """The Spanish name the package serves: from its compiled catalog, English if untranslated."""
    return Translations.load(str(task_root / "translations"), ["es"]).pgettext(
        f"{term_id}|term", english
    )


def cases(package: Package) -> tuple[dict[str, dict], str]:
    """Every request the issue lists, in both payload formats, and the text annotated."""
    es_name = es_term_name(package.task_root, "metastasis", "metastasis")
    text = f"Informe: {es_name}; NED. 2026."
    annotate = json.dumps({"text": text, "lang": "es"})
    json_type = {"Content-Type": "application/json"}
    found = {}
    for fmt, event in FORMATS.items():
        found |= {
            f"{fmt}-term-lang": event("GET", "/api/v1/terms/metastasis", {"lang": "es"}),
            f"{fmt}-term-accept-language": event(
                "GET",
                "/api/v1/terms/metastasis",
                headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"},
            ),
            f"{fmt}-lookup": event("GET", "/api/v1/lookup", {"q": "metastases"}),
            f"{fmt}-search": event("GET", "/api/v1/search", {"q": "met", "limit": "5"}),
            f"{fmt}-annotate-json": event(
                "POST", "/api/v1/annotate", headers=json_type, body=annotate
            ),
            f"{fmt}-annotate-base64": event(
                "POST",
                "/api/v1/annotate",
                headers=json_type,
                body=base64.b64encode(annotate.encode()).decode(),
                b64=True,
            ),
            f"{fmt}-404": event("GET", "/api/v1/terms/metastasiss", {"lang": "es"}),
            f"{fmt}-413": event(
                "POST",
                "/api/v1/annotate",
                headers={"Content-Type": "text/plain; charset=utf-8"},
                body="x" * (MAX_BODY + 1),
            ),
            f"{fmt}-preflight": event(
                "OPTIONS",
                "/api/v1/annotate",
                headers={
                    "Origin": "https://portal.example.org",
                    "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "content-type",
                },
            ),
            # A body that says it is base64 and is not: Zappa fails before Flask.
            f"{fmt}-zappa-fails": {
                **event("POST", "/api/v1/annotate", headers=json_type, body="e30=", b64=True),
                "body": "!!! not base64 !!!",
            },
            f"{fmt}-locales": event("GET", "/api/v1/locales"),
            # An EHR's Infobutton request (Atom, the default) and a FHIR $translate.
            f"{fmt}-infobutton": event("GET", "/infobutton", INFOBUTTON),
            f"{fmt}-infobutton-json": event(
                "GET", "/infobutton", {**INFOBUTTON, "knowledgeResponseType": "application/json"}
            ),
            f"{fmt}-fhir-translate": event(
                "GET",
                "/fhir/ConceptMap/$translate",
                {"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C78.7"},
            ),
            f"{fmt}-healthz": event("GET", "/healthz"),
        }
    found["v2-stage-prefix"] = http_v2(
        "GET", "/api/v1/terms/metastasis", {"lang": "es"}, stage="dev"
    )
    # The same request through a custom domain: no stage anywhere.
    found["v1-custom-domain"] = rest_v1(
        "GET", "/api/v1/terms/metastasis", {"lang": "es"}, host="glossary.example.org"
    )
    return found, text


@dataclass
class Run:
    responses: dict[str, dict]
    report: dict
    annotate_text: str


@pytest.fixture(scope="session")
def before(package) -> dict[str, str]:
    return snapshot(package.task_root)


@pytest.fixture(scope="session")
def run(package, before, tmp_path_factory) -> Run:
    """One cold start serving every case; the Spanish term comes first."""
    all_cases, text = cases(package)
    names = list(all_cases)
    report = invoke(package, [all_cases[n] for n in names], tmp_path_factory.mktemp("invoke"))
    return Run(dict(zip(names, report["responses"], strict=True)), report, text)


@pytest.fixture(scope="session")
def conditional_run(package, run, tmp_path_factory) -> dict[str, dict]:
    """A second cold start, revalidating with the ETags the first one sent."""
    events = {}
    for fmt, event in FORMATS.items():
        etag = header(run.responses[f"{fmt}-term-lang"], "ETag")
        events[f"{fmt}-304"] = event(
            "GET", "/api/v1/terms/metastasis", {"lang": "es"}, headers={"If-None-Match": etag}
        )
        events[f"{fmt}-200"] = event("GET", "/api/v1/terms/metastasis", {"lang": "es"})
    names = list(events)
    report = invoke(package, [events[n] for n in names], tmp_path_factory.mktemp("invoke"))
    return dict(zip(names, report["responses"], strict=True))


# -- reading responses ------------------------------------------------------------------


def header(response: dict, name: str) -> str | None:
    for key, value in (response.get("headers") or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def body_of(response: dict) -> bytes:
    body = response.get("body") or ""
    return base64.b64decode(body) if response.get("isBase64Encoded") else body.encode()


def json_body(response: dict, status: int, media_type: str = "application/json") -> dict:
    assert response["statusCode"] == status, response.get("body", "")[:500]
    assert header(response, "Content-Type").split(";")[0] == media_type
    # JSON travels as text, never base64 (additional_text_mimetypes for problem+json).
    assert not response.get("isBase64Encoded")
    return json.loads(body_of(response))


def problem(response: dict, status: int, slug: str) -> dict:
    body = json_body(response, status, "application/problem+json")
    assert body["type"] == f"tag:glossary-service,2026:problem/{slug}"
    assert body["status"] == status and body["title"] and body["detail"]
    assert header(response, "Cache-Control") == "no-store"
    assert header(response, "Access-Control-Allow-Origin") == "*"
    return body


def assert_cacheable_spanish(response: dict) -> dict:
    body = json_body(response, 200)
    assert header(response, "Content-Language") == "es"
    assert body["locale"] == "es"
    assert "Accept-Language" in header(response, "Vary")
    etag = header(response, "ETag")
    assert etag and etag.startswith('"') and etag.endswith('"'), etag  # strong
    max_age = SETTINGS["dev"]["environment_variables"]["GLOSSARY_CACHE_MAX_AGE"]
    assert header(response, "Cache-Control") == f"public, max-age={max_age}"
    assert header(response, "Access-Control-Allow-Origin") == "*"
    return body


# -- the package itself --------------------------------------------------------------------


def test_zip_is_at_most_10_mb(package):
    assert package.zip.stat().st_size <= MAX_ZIP_BYTES, package.zip.stat().st_size


def test_compiled_catalogs_of_every_locale_are_inside(package, served):
    sources = sorted(
        p.parent.parent.name for p in (ROOT / "translations").glob("*/LC_MESSAGES/*.po")
    )
    assert packaged_catalogs(package) == sources
    assert len(served) == 1 + len(sources)
    with zipfile.ZipFile(package.zip) as archive:
        # /api/v1/locales measures completeness against the template.
        assert "translations/messages.pot" in archive.namelist()


def test_only_the_service_and_its_runtime_dependencies_ship(package):
    with zipfile.ZipFile(package.zip) as archive:
        names = archive.namelist()
        records = [n for n in names if n.endswith(".dist-info/RECORD")]
        installed = {
            line.split(",")[0].split("/")[0]
            for record in records
            for line in archive.read(record).decode().splitlines()
            if line
        }
    zappa_files = {
        "handler.py",
        "zappa_settings.py",
        "package_info.json",
        "__init__.py",
        "__pycache__",
    }
    tops = {n.split("/")[0] for n in names}
    assert tops - installed - zappa_files == {"glossary_service", "translations"}
    for name in names:
        parts = name.split("/")
        assert not {"tests", "bench", "tools", "eval", "node_modules", ".venv", "build"} & set(
            parts
        ), name
        assert not name.endswith(".po"), name
    # The Lambda runtime provides boto3; dev tooling never ships.
    shipped = {n.split("-")[0].lower() for n in tops if n.endswith(".dist-info")}
    assert not shipped & {"boto3", "botocore", "s3transfer", "pip", "setuptools", "wheel", "pytest"}
    assert {"flask", "babel", "zappa", "durationpy"} <= shipped


def test_babel_locale_data_is_trimmed_to_the_served_locales(package):
    with zipfile.ZipFile(package.zip) as archive:
        kept = sorted(
            Path(n).stem
            for n in archive.namelist()
            if n.startswith("babel/locale-data/") and n.endswith(".dat")
        )
    assert kept == package.summary["babel_locale_data"]
    catalogs = packaged_catalogs(package)
    assert {"root", "en", *catalogs} <= set(kept)
    assert len(kept) < 3 * len(catalogs) + 3  # each locale and its CLDR parents only


def test_every_module_has_an_unchecked_hash_pyc(package):
    with zipfile.ZipFile(package.zip) as archive:
        names = set(archive.namelist())
        sources = [n for n in names if n.endswith(".py")]
        for source in sources:
            pyc = importlib.util.cache_from_source(source)
            assert pyc in names, source
            head = archive.read(pyc)[:16]
            assert head[:4] == importlib.util.MAGIC_NUMBER
            assert int.from_bytes(head[4:8], "little") == 0b01, source  # unchecked hash
            assert head[8:16] == importlib.util.source_hash(archive.read(source)), source


def test_zip_entries_are_normalized(package):
    with zipfile.ZipFile(package.zip) as archive:
        infos = archive.infolist()
        settings = archive.read("zappa_settings.py").decode()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert "APP_MODULE='glossary_service.wsgi'" in settings
    assert "DEBUG=False" in settings


def test_the_build_is_deterministic(package, tmp_path):
    again = build_lambda.build(output=tmp_path / "again.zip", work=tmp_path / "work", standin=None)
    assert again["sha256"] == package.summary["sha256"]


# -- served by zappa's handler, cold ----------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_term_in_spanish_by_lang_parameter(run, fmt):
    body = assert_cacheable_spanish(run.responses[f"{fmt}-term-lang"])
    assert body["id"] == "metastasis"
    # The REST API's own address serves the stage under /dev; an HTTP API's
    # $default stage has no prefix.
    prefix = "/dev" if fmt == "v1" else ""
    assert body["url"] == f"{prefix}/api/v1/terms/metastasis?lang=es"


@pytest.mark.parametrize("fmt", FORMATS)
def test_term_in_spanish_by_accept_language(run, fmt):
    by_header = run.responses[f"{fmt}-term-accept-language"]
    body = assert_cacheable_spanish(by_header)
    assert body["id"] == "metastasis"
    # The same representation, so the same ETag, whichever way Spanish was asked for.
    assert header(by_header, "ETag") == header(run.responses[f"{fmt}-term-lang"], "ETag")


def test_both_payload_formats_serve_the_same_bytes(run):
    # Both at the root: the REST API through a custom domain, the HTTP API's $default.
    v1, v2 = run.responses["v1-custom-domain"], run.responses["v2-term-lang"]
    assert body_of(v1) == body_of(v2)
    assert header(v1, "ETag") == header(v2, "ETag")


@pytest.mark.parametrize("fmt", FORMATS)
def test_lookup(run, fmt):
    response = run.responses[f"{fmt}-lookup"]
    body = json_body(response, 200)
    assert body["id"] == "metastasis"
    assert body["matched"]["query"] == "metastases"
    assert header(response, "Content-Language") == "en" and body["locale"] == "en"
    assert header(response, "ETag")


@pytest.mark.parametrize("fmt", FORMATS)
def test_search(run, fmt):
    body = json_body(run.responses[f"{fmt}-search"], 200)
    ids = [r["id"] for r in body["results"]]
    assert body["query"] == "met" and 0 < len(ids) <= 5
    assert "metastasis" in ids


@pytest.mark.parametrize("kind", ["json", "base64"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_annotate(run, fmt, kind):
    response = run.responses[f"{fmt}-annotate-{kind}"]
    body = json_body(response, 200)
    assert header(response, "Content-Language") == "es" and body["locale"] == "es"
    assert header(response, "Access-Control-Allow-Origin") == "*"
    text = run.annotate_text
    assert "metastasis" in [m["id"] for m in body["matches"]]
    for m in body["matches"]:
        assert text[m["start"] : m["end"]] == m["text"]
    # A base64-encoded body (binary_support) reads exactly as the plain one.
    assert body == json_body(run.responses[f"{fmt}-annotate-json"], 200)


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_term_is_a_404_problem(run, fmt):
    response = run.responses[f"{fmt}-404"]
    body = problem(response, 404, "term-not-found")
    assert header(response, "Content-Language") == "es"
    assert "metastasis" in [s["id"] for s in body["suggestions"]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failure_before_flask_is_a_problem_with_cors(run, fmt):
    response = run.responses[f"{fmt}-zappa-fails"]
    problem(response, 500, "internal-error")
    assert header(response, "Access-Control-Allow-Origin") == "*"
    assert header(response, "Cache-Control") == "no-store"


@pytest.mark.parametrize("fmt", FORMATS)
def test_body_over_64_kib_is_a_413_problem(run, fmt):
    problem(run.responses[f"{fmt}-413"], 413, "payload-too-large")


@pytest.mark.parametrize("fmt", FORMATS)
def test_if_none_match_is_a_304(conditional_run, fmt):
    not_modified = conditional_run[f"{fmt}-304"]
    assert not_modified["statusCode"] == 304
    assert not body_of(not_modified)
    # A new process (another cold start) computes the same ETag: CDNs can revalidate.
    assert header(not_modified, "ETag") == header(conditional_run[f"{fmt}-200"], "ETag")
    # RFC 9110: a 304 carries what a 200 would in Cache-Control and Vary.
    assert header(not_modified, "Cache-Control") == header(
        conditional_run[f"{fmt}-200"], "Cache-Control"
    )
    assert "Accept-Language" in header(not_modified, "Vary")


def test_stage_prefix_in_the_path(run):
    plain = body_of(run.responses["v2-term-lang"])
    staged = run.responses["v2-stage-prefix"]  # rawPath /dev/api/v1/terms/metastasis
    # The same term, its addresses under the stage it was asked through.
    staged_body = assert_cacheable_spanish(staged)
    assert body_of(staged).replace(b'"/dev/', b'"/') == plain
    assert staged_body["url"].startswith("/dev/api/v1/")
    # REST API: the execute-api host serves the app under /dev, a custom domain at /,
    # and the addresses in answers say so.
    staged_v1 = assert_cacheable_spanish(run.responses["v1-term-lang"])
    assert staged_v1["url"] == "/dev/api/v1/terms/metastasis?lang=es"
    assert all(r["url"].startswith("/dev/api/v1/terms/") for r in staged_v1["related"])
    assert body_of(run.responses["v1-custom-domain"]) == plain
    assert json.loads(plain)["url"] == "/api/v1/terms/metastasis?lang=es"


@pytest.mark.parametrize("fmt", FORMATS)
def test_cors_preflight_agrees_with_zappa_settings(run, fmt):
    response = run.responses[f"{fmt}-preflight"]
    assert response["statusCode"] == 200
    cors = SETTINGS["dev"]["cors"]

    def items(value):
        return {v.strip().lower() for v in value.split(",")}

    # API Gateway answers preflights itself (v1, "cors"); the app answers the
    # same, so a request reaching Lambda gets the same rules.
    assert header(response, "Access-Control-Allow-Origin") == cors["allowed_origin"]
    assert items(header(response, "Access-Control-Allow-Methods")) == items(
        ",".join(cors["allowed_methods"])
    )
    assert items(header(response, "Access-Control-Allow-Headers")) == items(
        ",".join(cors["allowed_headers"])
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_served_locales_are_the_compiled_catalogs(run, served, fmt):
    body = json_body(run.responses[f"{fmt}-locales"], 200)
    assert [loc["code"] for loc in body["locales"]] == served
    for loc in body["locales"]:
        assert 0 <= loc["completeness"] <= 1 and loc["name"] and loc["english_name"]
    health = json_body(run.responses[f"{fmt}-healthz"], 200)
    assert health["status"] == "ok" and health["locales"] == served


@pytest.mark.parametrize("fmt", FORMATS)
def test_infobutton_request_answers_an_atom_feed(run, fmt):
    response = run.responses[f"{fmt}-infobutton"]
    assert response["statusCode"] == 200
    assert header(response, "Content-Type") == "text/xml; charset=utf-8"
    assert not response.get("isBase64Encoded")
    assert header(response, "Content-Language") == "es"
    feed = check_feed(body_of(response))
    assert feed.get(XML_LANG) == "es"
    entries = feed.findall(a("entry"))
    ids = [e.findtext(a("id")).split("/")[-2] for e in entries]
    assert ids == ["bone-metastasis", "metastasis", "stage-4-cancer"]
    # Term pages under the prefix the service is mounted at (/dev through the
    # REST API's own address).
    prefix = "/dev" if fmt == "v1" else ""
    assert entries[0].find(a("link")).get("href") == f"{prefix}/terms/bone-metastasis?lang=es"
    as_json = json_body(run.responses[f"{fmt}-infobutton-json"], 200)["feed"]
    assert [e["title"]["_value"] for e in as_json["entry"]] == [
        e.findtext(a("title")) for e in entries
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_fhir_translate(run, fmt):
    body = json_body(run.responses[f"{fmt}-fhir-translate"], 200, "application/fhir+json")
    assert body["resourceType"] == "Parameters"
    concepts = [
        part["valueCoding"]["code"]
        for p in body["parameter"]
        if p["name"] == "match"
        for part in p["part"]
        if part["name"] == "concept"
    ]
    assert concepts[0] == "liver-metastasis"


# -- loaded from the package, from the precompiled .pyc -----------------------------------


def test_nothing_is_imported_from_outside_the_package(run, package):
    modules = run.report["modules"]
    outside = {n: m["file"] for n, m in modules.items() if m["origin"] == "outside"}
    assert not outside
    assert run.report["sys_path"][:2] == [str(package.task_root), str(package.runtime)]
    for name in (
        "glossary_service",
        "flask",
        "flask_babel",
        "babel",
        "werkzeug",
        "zappa",
        "handler",
    ):
        assert modules[name]["origin"] == "package", name
    # Only what the Lambda runtime provides comes from the stand-in.
    runtime_tops = {n.split(".")[0] for n, m in modules.items() if m["origin"] == "runtime"}
    assert "boto3" in runtime_tops
    assert runtime_tops <= {
        "boto3",
        "botocore",
        "s3transfer",
        "jmespath",
        "dateutil",
        "six",
        "urllib3",
    }


def test_package_modules_load_from_unchecked_hash_pyc(run):
    package_modules = {
        name: m for name, m in run.report["modules"].items() if m["origin"] == "package"
    }
    python_modules = {n: m for n, m in package_modules.items() if m["file"].endswith(".py")}
    assert len(python_modules) > 50
    not_unchecked = {n: m["pyc_flags"] for n, m in python_modules.items() if m["pyc_flags"] != 0b01}
    assert not not_unchecked


def test_nothing_is_written_to_the_package(package, before, run, conditional_run):
    """Timestamp-checked .pyc would fail on 1980 sources and be rewritten (here,
    where the directory is writable; on Lambda recompiled at every cold start).
    Unchecked-hash .pyc are used as they are, and nothing else is written."""
    assert snapshot(package.task_root) == before


# -- settings ---------------------------------------------------------------------------------


def test_zappa_settings():
    dev, production = SETTINGS["dev"], SETTINGS["production"]
    assert production["extends"] == "dev"
    stage = build_lambda.stage_settings("production")
    assert dev["app_function"] == "glossary_service.wsgi.app"
    assert dev["runtime"] == f"python{sys.version_info.major}.{sys.version_info.minor}"
    assert dev["use_precompiled_packages"] is False
    assert dev["debug"] is False and dev["keep_warm"] is False
    assert stage["keep_warm"] is True and stage["debug"] is False
    assert (
        dev["memory_size"] >= 512 and 0 < dev["timeout_seconds"] < 29
    )  # API Gateway gives up at 29 s
    from glossary_service import settings

    for env in (dev["environment_variables"], stage["environment_variables"]):
        # Settings only, documented in the README; never a secret.
        assert set(env) <= set(settings.DEFAULTS), env
        assert not any(word in name for name in env for word in ("SECRET", "PASSWORD", "TOKEN"))
    assert {"tests", "bench", "tools", "*.po", ".venv", "build"} <= set(dev["exclude"])
    assert "*.pot" not in dev["exclude"] and "translations" not in dev["exclude"]


def _project_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "project"
    shutil.copytree(ROOT, dest, ignore=build_lambda.STAGE_IGNORE)
    return dest


def _untranslate_one_spanish_message(project: Path) -> None:
    po = project / "translations/es/LC_MESSAGES/messages.po"
    text = po.read_text(encoding="utf-8")
    marker = 'msgctxt "biopsy|short_definition"\n'
    at = text.index(marker)
    start = text.index("msgstr ", at)
    end = text.index("\n", start)
    po.write_text(text[:start] + 'msgstr ""' + text[end:], encoding="utf-8")


def test_a_package_refuses_a_released_catalog_that_fails_i18n_check(tmp_path):
    project = _project_copy(tmp_path)
    _untranslate_one_spanish_message(project)
    with pytest.raises(build_lambda.BuildError, match="biopsy"):
        build_lambda.check_catalogs(project)


def test_a_draft_catalog_may_be_incomplete(tmp_path):
    project = _project_copy(tmp_path)
    _untranslate_one_spanish_message(project)
    (project / "translations/es/status.txt").write_text("draft\n", encoding="utf-8")
    build_lambda.check_catalogs(project)


# -- the production stage ----------------------------------------------------------------


@pytest.fixture(scope="session")
def production(tmp_path_factory) -> Package:
    work = tmp_path_factory.mktemp("lambda-production")
    summary = build_lambda.build(
        output=work / "lambda.zip",
        work=work / "work",
        standin=work / "boto3-standin",
        stage="production",
    )
    task_root = build_lambda.extract_like_lambda(work / "lambda.zip", work / "task")
    return Package(work / "lambda.zip", task_root, work / "boto3-standin", summary)


def test_the_production_package_carries_production_settings(production):
    with zipfile.ZipFile(production.zip) as archive:
        settings = archive.read("zappa_settings.py").decode()
    assert "API_STAGE='production'" in settings
    assert "WARNING" in settings  # production's log level, not dev's INFO


def test_the_production_package_serves_under_its_stage(production, tmp_path):
    events = [
        rest_v1("GET", "/api/v1/terms/metastasis", {"lang": "es"}),
        rest_v1("GET", "/healthz"),
    ]
    for event in events:
        event["requestContext"]["stage"] = "production"
        event["requestContext"]["path"] = "/production" + event["path"]
    report = invoke(production, events, tmp_path)
    term, health = report["responses"]
    body = assert_cacheable_spanish(term)
    # Through API Gateway's own address the stage is in every address.
    assert body["url"] == "/production/api/v1/terms/metastasis?lang=es"
    assert json_body(health, 200)["status"] == "ok"
