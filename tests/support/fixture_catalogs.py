"""A test-only locale whose catalog carries markup, for XSS and i18n tests.

Content files reject "<" and ">", but translations arrive through catalogs, so
that is where hostile text could come from. Esperanto (``eo``) stands in for a
translated locale: its tooltip for metastasis carries an <img onerror> and a
<script>, and a few UI strings are translated so tests can see gettext at work.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from glossary_service.content import load_content, term_context
from tests.support.catalogs import TRANSLATIONS, compile_catalogs

LOCALE = "eo"
XSS = (
    'La disvastiĝo de kancero <img src=x onerror="window.__xss=1;alert(1)">'
    "<script>window.__xss=2</script> & <b>pli</b>"
)
UI = {
    "Search the glossary": "Serĉu en la glosaro",
    "More": "Pli",
    "More about %(term)s": "Pli pri %(term)s",
}


def xss_translations(target: Path) -> Path:
    """The real catalogs compiled into ``target``, plus the ``eo`` catalog."""
    compile_catalogs(TRANSLATIONS, target)
    metastasis = load_content().terms["metastasis"]
    catalog = Catalog(locale=LOCALE)
    catalog.add(
        metastasis.short_definition, XSS, context=term_context("metastasis", "short_definition")
    )
    for english, translated in UI.items():
        catalog.add(english, translated)
    out = target / LOCALE / "LC_MESSAGES"
    out.mkdir(parents=True, exist_ok=True)
    with (out / "messages.po").open("wb") as fh:
        write_po(fh, catalog)
    with (out / "messages.mo").open("wb") as fh:
        write_mo(fh, catalog)
    return target
