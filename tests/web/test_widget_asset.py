"""What /widget.js is as a file: its size budget, caching, headers and rules."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from glossary_service import create_app
from glossary_service.web.widget import script_asset
from tests.support.fixture_catalogs import LOCALE, xss_translations

BUDGET = 6 * 1024  # bytes, gzipped


@pytest.fixture
def script(client):
    response = client.get("/widget.js")
    assert response.status_code == 200
    return response


def config_of(body: str) -> dict:
    match = re.search(r"\}\)\((\{.*\})\);\s*$", body, re.S)
    assert match, "the configuration closes the script"
    return json.loads(match.group(1))


@pytest.mark.parametrize("level", [6, 9])
def test_widget_is_at_most_6_kb_gzipped(script, level):
    size = len(gzip.compress(script.get_data(), compresslevel=level))
    print(f"widget.js: {len(script.get_data())} bytes, {size} bytes gzipped (level {level})")
    assert size <= BUDGET


def test_served_as_javascript_any_site_may_load(script):
    assert script.mimetype == "text/javascript"
    assert script.headers["Access-Control-Allow-Origin"] == "*"
    assert script.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert script.headers["X-Content-Type-Options"] == "nosniff"


def test_unversioned_url_is_cached_a_day_and_revalidates(client, script):
    version = script.headers["ETag"].strip('"')
    assert "max-age=86400" in script.headers["Cache-Control"]
    assert "immutable" not in script.headers["Cache-Control"]
    again = client.get("/widget.js", headers={"If-None-Match": script.headers["ETag"]})
    assert again.status_code == 304
    assert len(version) == 16


def test_versioned_url_is_immutable(client, script):
    version = script.headers["ETag"].strip('"')
    r = client.get(f"/widget.js?v={version}")
    assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert r.get_data() == script.get_data()
    stale = client.get("/widget.js?v=0000000000000000")
    assert "immutable" not in stale.headers["Cache-Control"]


def test_never_writes_html_or_runs_strings(script):
    body = script.get_data(as_text=True)
    for forbidden in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setAttribute("style"',
        'createElement("iframe")',
        'createElement("style")',
    ]:
        assert forbidden not in body, forbidden
    assert "textContent" in body


def test_no_comments_are_served(script):
    body = script.get_data(as_text=True)
    assert not re.search(r"^\s*//", body, re.M)


def test_configuration_has_css_and_every_served_locale(glossary, script):
    config = config_of(script.get_data(as_text=True))
    assert ".glossary-tip{" in config["css"]
    released = {c for c, info in glossary.locales.items() if info.status == "released"}
    assert set(config["locales"]) == released
    for code, (direction, more, more_about) in config["locales"].items():
        assert direction == glossary.locales[code].direction
        assert more and "%s" in more_about
    assert config["locales"]["en"] == ["ltr", "More", "More about %s"]


def test_ui_strings_come_from_the_catalogs(tmp_path):
    app = create_app({"GLOSSARY_TRANSLATIONS_DIR": xss_translations(tmp_path / "t")})
    body = app.test_client().get("/widget.js").get_data(as_text=True)
    assert config_of(body)["locales"][LOCALE] == ["ltr", "Pli", "Pli pri %s"]


def test_version_is_a_hash_of_the_served_bytes(app, client, script):
    with app.test_request_context("/"):
        asset = script_asset()
    assert asset.body == script.get_data()
    assert script.headers["ETag"] == f'"{asset.version}"'


def test_stylesheet_fallback(client):
    r = client.get("/widget.css")
    assert r.status_code == 200
    assert r.mimetype == "text/css"
    assert ".glossary-tip" in r.get_data(as_text=True)
    assert "max-age=" in r.headers["Cache-Control"]
