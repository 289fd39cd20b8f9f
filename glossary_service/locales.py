"""Which locales are served, what they are called, and how a request picks one.

Pure Python, no Flask. A locale is served when its compiled catalog exists
(``translations/<dir>/LC_MESSAGES/messages.mo``): adding a language is adding a
catalog. Public codes are BCP 47 (``zh-Hans``); catalog directories use Babel's
underscores (``zh_Hans``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from babel import Locale
from babel.core import get_global

DEFAULT_LOCALE = "en"
RELEASED, DRAFT = "released", "draft"
#: A catalog directory holding this file is a draft (its first word "draft").
STATUS_FILE = "status.txt"

# Well-formed BCP 47 language tags (RFC 5646 section 2.1, without grandfathered
# tags): language, optional script, region, variants, extensions, private use.
_BCP47 = re.compile(
    r"""^(?P<lang>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{5,8})
        (?:-(?P<script>[a-z]{4}))?
        (?:-(?P<region>[a-z]{2}|\d{3}))?
        (?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*
        (?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*
        (?:-x(?:-[a-z\d]{1,8})+)?$""",
    # ASCII: with re.I alone, [a-z] also takes the Kelvin sign and the long s,
    # and \d takes every script's digits.
    re.I | re.X | re.ASCII,
)
# Catalogs live under Babel's (CLDR's) code; the public code is the one
# patients and portals use: Tagalog/Filipino is "tl".
_PUBLIC_CODES = {"fil": "tl"}
# Codes that name a served language by another name.
_LANGUAGE_ALIASES = {"fil": "tl", "tgl": "tl", "iw": "he", "zho": "zh", "chi": "zh"}


@cache
def _likely_subtags() -> dict[str, str]:
    """CLDR's likely subtags. Loading Babel's global data takes about 20 ms, so
    only requests that need it (a language served in more than one script) pay."""
    return get_global("likely_subtags")


class MalformedTag(ValueError):
    """A language tag that is not well-formed BCP 47."""


@dataclass(frozen=True)
class LocaleInfo:
    code: str  # public BCP 47 code, e.g. "zh-Hans"
    catalog: str  # Babel identifier and catalog directory, e.g. "zh_Hans"
    review: str
    babel: Locale = field(compare=False, repr=False)
    #: "released" (complete, gated by i18n-check) or "draft" (served with
    #: English where a text is missing, left out of the widget's languages).
    status: str = RELEASED

    # Names and direction come from CLDR data, loaded on first use (pages,
    # /api/v1/locales): a cold start that serves one term never pays for them.
    @cached_property
    def name(self) -> str:
        """Its own name."""
        return self.babel.get_display_name(self.babel) or self.catalog

    @cached_property
    def english_name(self) -> str:
        return self.babel.get_display_name("en") or self.catalog

    @cached_property
    def direction(self) -> str:
        """Text direction: "ltr" or "rtl"."""
        return self.babel.text_direction


def discover_locales(translations_dir: Path) -> dict[str, LocaleInfo]:
    """English plus every locale with a compiled catalog, keyed by public code."""
    found = {DEFAULT_LOCALE: _describe(DEFAULT_LOCALE, "source language", translations_dir)}
    for mo in sorted(translations_dir.glob("*/LC_MESSAGES/messages.mo")):
        catalog = mo.parent.parent.name
        info = _describe(catalog, None, translations_dir)
        found[info.code] = info
    return found


def _describe(catalog: str, review: str | None, translations_dir: Path) -> LocaleInfo:
    babel_locale = Locale.parse(catalog)
    if review is None:
        review_file = translations_dir / catalog / "review.txt"
        review = (
            review_file.read_text(encoding="utf-8").strip()
            if review_file.is_file()
            else "not reviewed"
        )
    return LocaleInfo(
        code=public_code(catalog),
        catalog=catalog,
        review=review,
        babel=babel_locale,
        status=catalog_status(translations_dir / catalog),
    )


def catalog_status(catalog_dir: Path) -> str:
    """A catalog's release state: "draft" when its status.txt says so."""
    path = catalog_dir / STATUS_FILE
    if path.is_file() and path.read_text(encoding="utf-8").strip().lower().startswith(DRAFT):
        return DRAFT
    return RELEASED


def public_code(catalog: str) -> str:
    """The BCP 47 code a catalog directory is served under (zh_Hans -> zh-Hans)."""
    return _PUBLIC_CODES.get(catalog, catalog.replace("_", "-"))


class Negotiator:
    """Maps language tags onto the served locales, with sensible fallbacks."""

    def __init__(self, served: list[str] | tuple[str, ...], drafts: frozenset[str] = frozenset()):
        """``drafts``: served locales that only an explicit ``lang`` picks;
        Accept-Language is matched to released locales only, so a portal's
        readers are not moved to a half-translated language."""
        self._served = {code.lower(): code for code in served}
        self._drafts = drafts
        # Languages served in a named script (zh-Hans): only for these does a
        # tag without a script (zh-TW) need CLDR's likely subtags.
        self._scripted = {
            parts[0]
            for parts in (c.split("-") for c in self._served)
            if len(parts) > 1 and len(parts[1]) == 4
        }

    def match(self, tag: str) -> str | None:
        """The served code for a tag, or None if that language is not served.

        :raise MalformedTag: the tag is not well-formed BCP 47.
        """
        tag = tag.strip().replace("_", "-")
        m = _BCP47.match(tag)
        if not m or len(tag) > 64:
            raise MalformedTag(tag)
        lang = m["lang"].lower().split("-")[0]
        lang = _LANGUAGE_ALIASES.get(lang, lang)
        script = m["script"]
        if script is None and lang in self._scripted:
            # zh-TW means Traditional characters, zh-CN Simplified: CLDR's
            # likely subtags know which script a language and region imply.
            likely_subtags = _likely_subtags()
            likely = likely_subtags.get(
                f"{lang}_{(m['region'] or '').upper()}"
            ) or likely_subtags.get(lang)
            script = likely.split("_")[1] if likely and likely.count("_") >= 2 else None
        for candidate in (f"{lang}-{script}", lang):
            if candidate.lower() in self._served:
                return self._served[candidate.lower()]
        return None

    def negotiate(self, lang_param: str | None, accepted: list[tuple[str, float]]) -> str:
        """``lang`` wins, then Accept-Language by quality, then English.

        :raise MalformedTag: only for a malformed ``lang``; a malformed
            Accept-Language entry is skipped, as browsers send odd ones.
        """
        if lang_param is not None:
            return self.match(lang_param) or DEFAULT_LOCALE
        for tag, quality in sorted(accepted, key=lambda item: -item[1]):
            if quality <= 0 or tag == "*":
                continue
            try:
                code = self.match(tag)
            except MalformedTag:
                continue
            if code and code not in self._drafts:
                return code
        return DEFAULT_LOCALE
