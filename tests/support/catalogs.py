"""The project's catalogs, compiled for tests as pybabel compile does."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from glossary_service.locales import RELEASED, catalog_status, public_code

ROOT = Path(__file__).resolve().parent.parent.parent
TRANSLATIONS = ROOT / "translations"
TRANSLATED_LOCALES = sorted(
    public_code(p.parent.parent.name) for p in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")
)
ALL_LOCALES = ["en", *TRANSLATED_LOCALES]
#: Locales whose catalog is released (complete); drafts may fall back to English.
RELEASED_LOCALES = sorted(
    public_code(p.parent.parent.name)
    for p in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")
    if catalog_status(p.parent.parent) == RELEASED
)


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
