"""Shared fixtures: the real app on the real content, and catalogs compiled for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from glossary_service import create_app
from glossary_service.locales import public_code

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
TRANSLATED_LOCALES = sorted(
    public_code(p.parent.parent.name) for p in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")
)
ALL_LOCALES = ["en", *TRANSLATED_LOCALES]


def compile_catalogs(source: Path, target: Path) -> Path:
    """Copy a translations tree and compile its .po files as pybabel compile
    does: fuzzy and untranslated entries are left out of the .mo."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.mo"), dirs_exist_ok=True)
    for po_path in target.glob("*/LC_MESSAGES/messages.po"):
        with po_path.open("rb") as fh:
            catalog = read_po(fh)
        with po_path.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
    return target


@pytest.fixture(scope="session")
def translations_dir(tmp_path_factory) -> Path:
    return compile_catalogs(TRANSLATIONS, tmp_path_factory.mktemp("translations"))


@pytest.fixture(scope="session")
def app(translations_dir):
    return create_app({"TESTING": True, "GLOSSARY_TRANSLATIONS_DIR": translations_dir})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def glossary(app):
    return app.extensions["glossary"]


@pytest.fixture
def problem():
    """Assert a response is an RFC 9457 problem with this status; return its body."""

    def check(response, status: int) -> dict:
        assert response.status_code == status, response.get_data(as_text=True)
        assert response.mimetype == "application/problem+json"
        body = response.get_json(force=True)
        assert {"type", "title", "status", "detail"} <= body.keys()
        assert body["status"] == status
        assert body["title"] and body["detail"]
        return body

    return check
