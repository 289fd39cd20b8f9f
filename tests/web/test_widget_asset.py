"""What /widget.js and /widget.mjs are as files: size budget, caching, headers,
rules, and the pinned release with its SRI hashes."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re

import pytest

from glossary_service import create_app
from glossary_service.web.widget import script_asset
from tests.support.fixture_catalogs import LOCALE, xss_translations

BUDGET = 8 * 1024  # bytes, gzipped


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
@pytest.mark.parametrize("path", ["/widget.js", "/widget.mjs"])
def test_widget_is_at_most_8_kb_gzipped(client, level, path):
    body = client.get(path).get_data()
    size = len(gzip.compress(body, compresslevel=level))
    print(f"{path}: {len(body)} bytes, {size} bytes gzipped (level {level})")
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
    assert ".tip{" in config["css"] and ":host{" in config["css"]
    assert config["matcher"] == "/widget/matcher.js"
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
    assert ".tip" in r.get_data(as_text=True)
    assert "max-age=" in r.headers["Cache-Control"]


def test_module_exports_init_and_never_reads_its_script_tag(client, script):
    r = client.get("/widget.mjs")
    assert r.status_code == 200 and r.mimetype == "text/javascript"
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    body = r.get_data(as_text=True)
    assert body.rstrip().endswith("export { init };")
    assert "currentScript" not in body
    assert "currentScript" in script.get_data(as_text=True)
    version = r.headers["ETag"].strip('"')
    assert "immutable" in client.get(f"/widget.mjs?v={version}").headers["Cache-Control"]


def sri(body: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(body).digest()).decode()


def test_release_publishes_versioned_urls_and_their_sri_hashes(client, script):
    r = client.get("/widget/release.json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "Accept-Language" not in r.headers.get("Vary", "")
    release = r.get_json()
    for key, path in [("script", "/widget.js"), ("module", "/widget.mjs")]:
        url = release[key]["url"]
        assert url.startswith(f"{path}?v=")
        pinned = client.get(url)
        assert pinned.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert release[key]["integrity"] == sri(pinned.get_data())
    assert release["version"] == script.headers["ETag"].strip('"')
    assert release["html"] == (
        f'<script src="{release["script"]["url"]}" integrity="{release["script"]["integrity"]}" '
        'crossorigin="anonymous" defer></script>'
    )


def test_release_urls_are_absolute_under_the_public_address():
    app = create_app({"GLOSSARY_PUBLIC_URL": "https://glossary.example.org"})
    release = app.test_client().get("/widget/release.json").get_json()
    assert release["script"]["url"].startswith("https://glossary.example.org/widget.js?v=")
