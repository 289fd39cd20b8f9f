"""Shared fixtures: the real app on the real content, and catalogs compiled for it.

Tiers by folder: engine/ (no Flask), content/, api/, web/ (the test client),
browser/ (real Chromium) and system/ (real servers, the Lambda build). The
last two are marked ``system``: ``pytest -m "not system"`` is the fast loop,
``make test`` runs everything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_service import create_app
from tests.support.catalogs import TRANSLATIONS, compile_catalogs

_SYSTEM_TIERS = ("browser", "system")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        try:
            tier = Path(item.path).relative_to(here).parts[0]
        except ValueError:
            continue
        if tier in _SYSTEM_TIERS:
            item.add_marker(pytest.mark.system)


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
    return app.extensions["glossary"].glossary


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
