"""Atom 1.0 documents checked against RFC 4287's rules, element by element.

No RELAX NG schema of Atom is available offline here (RFC 4287's appendix B is
informative and not shipped by any package at hand), so the normative rules
of sections 3 and 4 that a feed of ours can break are checked explicitly:
well-formed XML in the Atom namespace; a feed has exactly one id, title and
updated, an author (or every entry has one), no two entries with one id;
an entry has exactly one id, title and updated, a summary or content, at most
one alternate link per type and hreflang; every link has an href, every
category a term; text constructs have a known type and no child elements when
"text"; dates are RFC 3339; ids are absolute IRIs; language tags well formed.
"""

from __future__ import annotations

import re
from collections import Counter
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_TEXT_TYPES = {"text", "html", "xhtml"}
_ONE = ("id", "title", "updated")


def a(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def check_feed(data: bytes) -> ET.Element:
    """Parse ``data`` and assert it is a valid Atom feed document; return the root."""
    root = ET.fromstring(data)  # raises on anything not well-formed
    assert root.tag == a("feed"), root.tag
    _check_common(root, "feed")
    for name in _ONE:
        assert len(root.findall(a(name))) == 1, f"feed needs exactly one {name}"
    entries = root.findall(a("entry"))
    if not root.findall(a("author")):
        assert entries and all(e.findall(a("author")) for e in entries), "feed needs an author"
    ids = Counter(e.findtext(a("id")) for e in entries)
    assert not [i for i, n in ids.items() if n > 1], f"entry ids repeat: {ids}"
    for entry in entries:
        _check_common(entry, "entry")
        for name in _ONE:
            assert len(entry.findall(a(name))) == 1, f"entry needs exactly one {name}"
        assert entry.findall(a("summary")) or entry.findall(a("content")), "entry without text"
        alternates = Counter(
            (link.get("type"), link.get("hreflang"))
            for link in entry.findall(a("link"))
            if link.get("rel", "alternate") == "alternate"
        )
        assert all(n == 1 for n in alternates.values()), "two alternate links alike"
    return root


def _check_common(el: ET.Element, where: str) -> None:
    for child in el:
        assert child.tag.startswith(f"{{{ATOM}}}"), f"{where}: foreign element {child.tag}"
    for name in ("title", "subtitle", "summary", "rights", "content"):
        for text in el.findall(a(name)):
            kind = text.get("type", "text")
            if name == "content":
                assert kind in _TEXT_TYPES or "/" in kind, f"{where}/{name}: type {kind}"
            else:
                assert kind in _TEXT_TYPES, f"{where}/{name}: type {kind}"
            if kind == "text":
                assert len(text) == 0, f"{where}/{name}: markup in a text construct"
    for date in (el.findtext(a("updated")), el.findtext(a("published"))):
        if date is not None:
            assert _RFC3339.match(date), f"{where}: {date!r} is not an RFC 3339 date"
    ident = el.findtext(a("id"))
    assert ident and _IRI.match(ident), f"{where}: id {ident!r} is not an absolute IRI"
    for link in el.findall(a("link")):
        assert link.get("href"), f"{where}: link without href"
    for category in el.findall(a("category")):
        assert category.get("term") is not None, f"{where}: category without term"
    for author in el.findall(a("author")):
        assert len(author.findall(a("name"))) == 1, f"{where}: author needs one name"
    for node in el.iter():
        lang = node.get(XML_LANG)
        assert lang is None or _LANG.match(lang), f"xml:lang {lang!r}"
