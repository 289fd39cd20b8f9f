"""GET /widget/matcher/<lang>.json and /widget/matcher.js: the browser
matcher's data and script, cacheable, the same for every reader, in budget."""

from __future__ import annotations

import gzip

import pytest

#: Data of one locale plus matcher.js, gzipped (issue 12's budget).
BUDGET = 40 * 1024


def test_every_served_locale_has_data(client, glossary):
    for code in glossary.locales:
        r = client.get(f"/widget/matcher/{code}.json")
        assert r.status_code == 200, code
        assert r.mimetype == "application/json"
        data = r.get_json()
        assert data["locale"] == code
        assert data["format"] == 2
        assert data["version"].startswith(f"{data['format']}-")
        assert r.headers["Content-Language"] == code


def test_data_is_cached_long_and_the_same_for_every_reader(client):
    r = client.get("/widget/matcher/es.json", headers={"Accept-Language": "ar"})
    version = r.get_json()["version"]
    assert r.headers["ETag"] == f'"{version}"'
    assert r.headers["Cache-Control"] == "public, max-age=86400, stale-while-revalidate=604800"
    # The address names the locale; no request header changes the body.
    assert "Vary" not in r.headers
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/widget/matcher/es.json").data == r.data
    again = client.get("/widget/matcher/es.json", headers={"If-None-Match": f'"{version}"'})
    assert again.status_code == 304


def test_versioned_address_is_immutable(client, problem):
    version = client.get("/widget/matcher/ko.json").get_json()["version"]
    r = client.get(f"/widget/matcher/ko.{version}.json")
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert r.data == client.get("/widget/matcher/ko.json").data
    old = client.get("/widget/matcher/ko.1-0000000000000000.json")
    body = problem(old, 404)
    assert body["current"] == "/widget/matcher/ko.json"
    assert old.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "file",
    ["xx.json", "es", "es.txt", "ES.json", "es-MX.json", "..%2Fes.json", "<b>.json", "e" * 999],
)
def test_unknown_locale_or_file_is_a_problem(client, problem, file):
    body = problem(client.get(f"/widget/matcher/{file}"), 404)
    assert "<b>" not in str(body)


def test_other_methods_are_refused(client, problem):
    r = client.post("/widget/matcher/es.json", data="x")
    problem(r, 405)
    assert set(r.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_script_and_module(client):
    classic = client.get("/widget/matcher.js")
    assert classic.status_code == 200
    assert classic.mimetype == "text/javascript"
    text = classic.get_data(as_text=True)
    assert "window.GlossaryMatcher = GlossaryMatcher" in text
    assert "export " not in text
    module = client.get("/widget/matcher.mjs").get_data(as_text=True)
    assert module.rstrip().endswith("export const create = GlossaryMatcher.create;")
    assert "window.GlossaryMatcher" not in module
    from glossary_service.web.matcher import script_asset

    versioned = client.get(f"/widget/matcher.js?v={script_asset().version}")
    assert versioned.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Vary" not in classic.headers


def test_size_budget(client, glossary):
    """Data of each locale + matcher.js, gzipped, at most 40 KB. Sizes are
    deterministic (the content and code decide them), so they are asserted."""
    script = len(gzip.compress(client.get("/widget/matcher.js").data, 9))
    lines = [f"matcher.js: {script:,} B gzipped"]
    worst = 0
    for code in sorted(glossary.locales):
        body = client.get(f"/widget/matcher/{code}.json").data
        data = len(gzip.compress(body, 9))
        worst = max(worst, data + script)
        lines.append(f"{code}: {len(body):,} B, {data:,} B gzip, with script {data + script:,} B")
    print("\n".join(lines))
    assert worst <= BUDGET, "\n".join(lines)
