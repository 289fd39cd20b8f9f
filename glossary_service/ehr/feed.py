"""The Infobutton knowledge response: an Atom 1.0 feed (RFC 4287), or its JSON form.

The feed is built once as a small tree of ``Node``s and written either as XML
or as JSON the way MedlinePlus Connect writes it: an element becomes an object
of its attributes, its text under ``_value``, and its children by name
(``entry``, ``link`` and ``category`` always as lists). The two forms so cannot
say different things.

What the feed holds (Infobutton service-oriented guide): ``title``,
``updated``, ``id``, ``author``, and ``category`` elements echoing the request
(recipient, language, every concept's code, system, display name and text);
one ``entry`` per glossary term, each with ``title``, a ``link`` to the term
page (``rel="alternate"``, ``type``, ``hreflang``), ``id``, ``updated``, a
text ``summary`` (the tooltip) and ``content`` (the definition), and
categories naming the concepts it answers and how it was matched. Every
element says its language with ``xml:lang``; a text shown in English because
its translation is missing carries ``xml:lang="en"`` itself.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TAG = "tag:glossary-service,2026:"
#: Category schemes of our own (the Infobutton parameters name theirs).
MATCHED_BY = f"{TAG}matched-by"
STATUS = f"{TAG}status"
PROBLEM = f"{TAG}problem"
LANGUAGE_FALLBACK = f"{TAG}language-fallback"
TITLE = "Oncology glossary"
AUTHOR = "Oncology glossary service"

# Characters XML 1.0 cannot carry at all (echoed request values are checked
# before they get here; content never has them): dropped, not escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LISTS = {"entry", "link", "category"}


@dataclass
class Node:
    tag: str
    text: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    lang: str | None = None  # xml:lang, where it differs from the parent's

    def add(self, tag: str, text: str | None = None, **attrs: str) -> Node:
        node = Node(tag, text, {k: v for k, v in attrs.items() if v is not None})
        self.children.append(node)
        return node


@dataclass(frozen=True)
class Entry:
    term_id: str
    title: str
    summary: str
    content: str
    href: str
    #: The locale of the texts, and the fields shown in English instead.
    lang: str
    english_fields: frozenset[str]
    #: (scheme, term, label) naming what in the request this entry answers.
    categories: tuple[tuple[str, str, str | None], ...]


def feed_id(lang: str, echoed: list[tuple[str, str]]) -> str:
    """The same request in the same language always gets the same id."""
    key = json.dumps([lang, sorted(echoed)], ensure_ascii=False)
    return f"{TAG}infobutton/{hashlib.sha256(key.encode()).hexdigest()[:32]}"


def build(
    *,
    lang: str,
    updated: str,
    echoed: list[tuple[str, str]],
    entries: list[Entry],
    version: str,
    subtitle: str | None = None,
    status: tuple[int, str] | None = None,
    fallback_from: str | None = None,
) -> Node:
    """The feed: ``echoed`` are the request's (parameter, value) pairs;
    ``status`` (HTTP status, problem slug) makes it an error feed, with no entry;
    ``fallback_from`` is a requested language that is not served."""
    feed = Node("feed", lang=lang)
    feed.add("title", TITLE, type="text")
    if subtitle:
        feed.add("subtitle", subtitle, type="text")
    feed.add("updated", updated)
    feed.add("id", feed_id(lang, echoed))
    feed.add("author").add("name", AUTHOR)
    feed.add("generator", "glossary-service", version=version)
    for scheme, term in echoed:
        feed.add("category", scheme=scheme, term=term)
    if fallback_from:
        feed.add("category", scheme=LANGUAGE_FALLBACK, term=fallback_from, label=lang)
    if status:
        feed.add("category", scheme=STATUS, term=str(status[0]))
        feed.add("category", scheme=PROBLEM, term=status[1])
    for e in entries:
        entry = Node("entry", lang=e.lang)
        feed.children.append(entry)
        title = entry.add("title", e.title, type="text")
        entry.add("link", href=e.href, rel="alternate", type="text/html", hreflang=e.lang)
        entry.add("id", f"{TAG}term/{e.term_id}/{e.lang}")
        entry.add("updated", updated)
        summary = entry.add("summary", e.summary, type="text")
        content = entry.add("content", e.content, type="text")
        for node, name in ((title, "term"), (summary, "short_definition"), (content, "definition")):
            if name in e.english_fields:
                node.lang = "en"
        for scheme, term, label in e.categories:
            entry.add("category", scheme=scheme, term=term, label=label)
    return feed


def to_xml(feed: Node) -> bytes:
    # Imported here: a cold start that serves JSON never loads the XML writer.
    from xml.etree import ElementTree as ET

    ET.register_namespace("", ATOM_NS)

    def element(node: Node) -> ET.Element:
        el = ET.Element(f"{{{ATOM_NS}}}{node.tag}", {k: _clean(v) for k, v in node.attrs.items()})
        if node.lang:
            el.set(XML_LANG, node.lang)
        if node.text is not None:
            el.text = _clean(node.text)
        el.extend(element(child) for child in node.children)
        return el

    return ET.tostring(element(feed), encoding="utf-8", xml_declaration=True)


def to_json(feed: Node) -> dict:
    def obj(node: Node) -> dict:
        out: dict = dict(node.attrs)
        if node.lang:
            out["lang"] = node.lang
        if node.text is not None:
            out["_value"] = node.text
        for child in node.children:
            if child.tag in _LISTS:
                out.setdefault(child.tag, []).append(obj(child))
            else:
                out[child.tag] = obj(child)
        return out

    body = obj(feed)
    body.setdefault("entry", [])  # an answer with nothing found still has its list
    return {"feed": body}


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
