"""Babel catalogs: extraction, completeness, and honest fallback to English."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from glossary_service import create_app
from glossary_service.content import load_content, term_context
from glossary_service.content.extract import extract_glossary
from tests.support.catalogs import ROOT, compile_catalogs


def test_extractor_gives_every_field_a_context_and_a_comment():
    path = ROOT / "glossary_service/content/terms/outlook.toml"
    messages = list(extract_glossary(path.open("rb"), [], [], {}))
    contexts = {msg[2][0] for msg in messages}
    assert "category/outlook|label" in contexts
    assert {"remission|term", "remission|short_definition", "remission|definition"} <= contexts
    for _line, funcname, (_context, msgid), comments in messages:
        assert funcname == "pgettext" and msgid and comments


def test_catalog_template_is_up_to_date():
    """messages.pot matches what extraction gives now (run `make update`)."""
    assert load_i18n_check().check_template() == []


def load_i18n_check():
    spec = importlib.util.spec_from_file_location("i18n_check", ROOT / "tools/i18n/check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CATALOGS = sorted(p.parent.parent.name for p in (ROOT / "translations").glob("*/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("catalog", CATALOGS)
def test_catalog_is_complete_and_current(catalog):
    """make i18n-check's rules, per catalog: every message translated, none
    fuzzy, placeholders and markup kept, tooltips short, names unique, review
    state recorded."""
    i18n_check = load_i18n_check()
    po = ROOT / "translations" / catalog / "LC_MESSAGES/messages.po"
    template = i18n_check.keys(i18n_check.read(ROOT / "translations/messages.pot"))
    assert i18n_check.check_catalog(po, template) == []


def test_spanish_serves_spanish_everywhere(client, glossary):
    view = glossary.view("es")
    for t in view.terms.values():
        assert not t.fallback_fields, t.id


def pybabel(*args: str, cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={"PYTHONPATH": str(cwd), "PATH": ""},
    )


@pytest.fixture
def changed_definition(tmp_path):
    """A project copy where the English definition of remission changed, then
    ran through the usual workflow: extract, update, compile."""
    project = tmp_path / "project"
    shutil.copytree(
        ROOT / "glossary_service",
        project / "glossary_service",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copytree(
        ROOT / "translations", project / "translations", ignore=shutil.ignore_patterns("*.mo")
    )
    shutil.copy(ROOT / "babel.cfg", project)
    toml = project / "glossary_service/content/terms/outlook.toml"
    old = load_content().terms["remission"].definition
    new = old.replace(". ", ". Doctors may also call it a response. ", 1)
    toml.write_text(toml.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "--omit-header",
        "-k",
        "lazy_gettext",
        "-o",
        "translations/messages.pot",
        ".",
        cwd=project,
    )
    pybabel("update", "-i", "translations/messages.pot", "-d", "translations", cwd=project)
    compiled = compile_catalogs(project / "translations", tmp_path / "compiled")
    return project, compiled, new


def test_changed_english_keeps_old_translation_as_fuzzy(changed_definition):
    project, _compiled, new = changed_definition
    po = project / "translations/es/LC_MESSAGES/messages.po"
    with po.open("rb") as fh:
        message = read_po(fh).get(new, context=term_context("remission", "definition"))
    assert message.fuzzy
    assert message.string  # the old Spanish is kept for the translator


def test_i18n_check_reports_the_outdated_translation(changed_definition):
    project, _compiled, _new = changed_definition
    i18n_check = load_i18n_check()
    po = project / "translations/es/LC_MESSAGES/messages.po"
    template = i18n_check.keys(i18n_check.read(project / "translations/messages.pot"))
    problems = i18n_check.check_catalog(po, template)
    assert problems == [
        "es: 'remission|definition': fuzzy (the English changed; review the translation)"
    ]


def test_outdated_translation_is_served_in_english_and_flagged(changed_definition):
    project, compiled, new = changed_definition
    app = create_app(
        {
            "GLOSSARY_TRANSLATIONS_DIR": compiled,
            "GLOSSARY_CONTENT_DIR": project / "glossary_service/content",
        }
    )
    body = app.test_client().get("/api/v1/terms/remission?lang=es").get_json()
    assert body["definition"] == new
    assert body["translation"] == {"complete": False, "fallback_fields": ["definition"]}
    assert body["term"] == "remisión"  # the rest is still Spanish
    locales = app.test_client().get("/api/v1/locales").get_json()["locales"]
    assert next(loc for loc in locales if loc["code"] == "es")["completeness"] < 1


def test_term_names_snapshot_stands_in_for_unchanged_catalogs(translations_dir, tmp_path):
    """Package builds save each term's name per catalog with the catalog's
    hash; start-up then checks the hash instead of parsing every catalog."""
    from glossary_service.glossary import write_names_snapshot

    compiled = compile_catalogs(ROOT / "translations", tmp_path / "t")
    content = load_content()
    plain = create_app({"GLOSSARY_TRANSLATIONS_DIR": compiled}).extensions["glossary"].glossary
    write_names_snapshot(content, compiled)
    fast = create_app({"GLOSSARY_TRANSLATIONS_DIR": compiled}).extensions["glossary"].glossary
    assert not fast._catalogs  # nothing parsed at start-up
    for code in fast.locales:
        for term_id in content.terms:
            assert fast.term_name(code, term_id) == plain.term_name(code, term_id)
    assert fast.view("es").terms["remission"].term == "remisión"


def test_a_changed_catalog_is_parsed_not_trusted_to_the_snapshot(tmp_path):
    from glossary_service.content import ContentError
    from glossary_service.glossary import write_names_snapshot

    compiled = compile_catalogs(ROOT / "translations", tmp_path / "t")
    write_names_snapshot(load_content(), compiled)
    mo = compiled / "es/LC_MESSAGES/messages.mo"
    mo.write_bytes(mo.read_bytes()[:40])  # broken after the snapshot was made
    with pytest.raises(ContentError, match="catalog for es"):
        create_app({"GLOSSARY_TRANSLATIONS_DIR": compiled})
