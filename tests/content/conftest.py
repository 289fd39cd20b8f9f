"""Fixtures of the content tier."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary_service.content import CONTENT_DIR


@pytest.fixture
def broken(tmp_path):
    """A copy of the content to break; returns ``edit(file, old, new)``, which
    changes one file (a terms/ file by its name, or codes.toml) and returns
    the copy's folder."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)

    def edit(file: str, old: str, new: str) -> Path:
        path = target / "terms" / file
        if not path.exists():
            path = target / file
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return target

    return edit
