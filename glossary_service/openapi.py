"""The OpenAPI 3.1 document of the JSON API, built once at import.

Tests validate it with openapi-spec-validator and check every documented
response schema against real responses, so it cannot drift from the code.
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Iterable
from functools import cache

from ._version import __version__

# Patterns are JSON Schema's (ECMA-262 with Unicode): clients and fuzzers read
# them that way, so each is written to mean the same in Python's ``re``, and
# the service checks parameters with exactly these meanings.

# A well-formed BCP 47 tag (RFC 5646 2.1, without grandfathered tags), in ASCII,
# "-" or "_" between subtags, any case. The service checks ``lang`` with this
# very pattern (negotiation.py), so what the document calls valid and what the
# service accepts cannot drift apart; schemathesis holds both to it.
_A, _AN = "[A-Za-z]", "[A-Za-z0-9]"
LANG_PATTERN = (
    rf"^(?:{_A}{{2,3}}(?:[-_]{_A}{{3}}){{0,3}}|{_A}{{5,8}})"  # language
    rf"(?:[-_]{_A}{{4}})?"  # script
    rf"(?:[-_](?:{_A}{{2}}|[0-9]{{3}}))?"  # region
    rf"(?:[-_](?:{_AN}{{5,8}}|[0-9]{_AN}{{3}}))*"  # variants
    rf"(?:[-_][A-WYZa-wyz0-9](?:[-_]{_AN}{{2,8}})+)*"  # extensions
    rf"(?:[-_][Xx](?:[-_]{_AN}{{1,8}})+)?$"  # private use
)
LANG_MAX_LENGTH = 64
# At least one character that str.strip() keeps: a blank q is a 400. Spelled
# out, because ECMA's \s and Python's differ (U+001C-1F, U+0085, U+FEFF).
NOT_BLANK_PATTERN = (
    "[^\\t-\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
)

LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": (
        "BCP 47 language tag (es, es-MX, zh-Hans, zh-TW, pt-BR, ar...). Wins over "
        "Accept-Language. A well-formed tag that is not served falls back to English; "
        "a malformed one is a 400 problem."
    ),
    "schema": {"type": "string", "maxLength": LANG_MAX_LENGTH, "pattern": LANG_PATTERN},
    "examples": {
        "spanish": {"value": "es"},
        "regional": {"summary": "Mexican Spanish: served as es", "value": "es-MX"},
        "traditional-chinese": {"summary": "served as zh-Hant", "value": "zh-TW"},
    },
}
ACCEPT_LANGUAGE = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "description": "Used when lang is absent, with its q-values; malformed entries are skipped.",
    "schema": {"type": "string"},
}
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "An ETag from an earlier response: answered with 304 if unchanged.",
    "schema": {"type": "string"},
}
Q = {
    "name": "q",
    "in": "query",
    "required": True,
    "description": "What the reader typed or saw.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": NOT_BLANK_PATTERN},
    "examples": {
        "plural": {"value": "metastases"},
        "abbreviation": {"value": "NED"},
        "misspelling": {"value": "metastisis"},
        "spanish": {"value": "quimioterapia"},
    },
}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def problem(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": ref("Problem")}},
    }


def ok(description: str, schema: str) -> dict:
    return {
        "description": description,
        "headers": {
            "ETag": {"schema": {"type": "string"}},
            "Cache-Control": {"schema": {"type": "string"}},
            "Content-Language": {"schema": {"type": "string"}},
            "Vary": {"schema": {"type": "string"}},
        },
        "content": {"application/json": {"schema": ref(schema)}},
    }


NOT_MODIFIED = {"description": "Not modified: the ETag in If-None-Match still matches."}
BAD_REQUEST = problem(
    "A parameter or the lang tag is invalid, or the query string is not percent-encoded UTF-8."
)
GET_PARAMS = [LANG, ACCEPT_LANGUAGE, IF_NONE_MATCH]

STRING = {"type": "string"}
CATEGORY = {
    "type": "object",
    "required": ["id", "label"],
    "properties": {"id": STRING, "label": STRING},
}
TERM_LINK = {
    "type": "object",
    "required": ["id", "term"],
    "properties": {"id": STRING, "term": STRING},
}

SCHEMAS = {
    "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details; title and detail are in the served locale.",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string", "format": "uri-reference"},
            "title": STRING,
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": STRING,
            "suggestions": {
                "type": "array",
                "description": "Terms the client may have meant (404 on terms and lookup).",
                "items": TERM_LINK,
            },
        },
    },
    "TermSummary": {
        "type": "object",
        "required": ["id", "term", "short_definition", "category", "url"],
        "properties": {
            "id": STRING,
            "term": STRING,
            "short_definition": STRING,
            "category": CATEGORY,
            "url": STRING,
        },
    },
    "TermList": {
        "type": "object",
        "required": ["locale", "count", "terms"],
        "properties": {
            "locale": STRING,
            "count": {"type": "integer", "minimum": 0},
            "terms": {"type": "array", "items": ref("TermSummary")},
        },
    },
    "Term": {
        "type": "object",
        "required": [
            "id",
            "locale",
            "term",
            "aliases",
            "short_definition",
            "definition",
            "category",
            "related",
            "sources",
            "translation",
            "other_languages",
            "url",
            "html_url",
        ],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "locale": STRING,
            "term": STRING,
            "aliases": {"type": "array", "items": STRING},
            "pronunciation": {
                "type": "string",
                "description": "English respelling, stressed syllable in capitals; only "
                "where it helps.",
            },
            "short_definition": {"type": "string", "description": "Tooltip text."},
            "definition": STRING,
            "category": CATEGORY,
            "related": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "term", "url"],
                    "properties": {"id": STRING, "term": STRING, "url": STRING},
                },
            },
            "sources": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["document", "title"],
                    "properties": {"document": STRING, "title": STRING},
                },
            },
            "translation": {
                "type": "object",
                "description": "Which fields are shown in English because their translation "
                "is missing or outdated (fuzzy).",
                "required": ["complete", "fallback_fields"],
                "properties": {
                    "complete": {"type": "boolean"},
                    "fallback_fields": {
                        "type": "array",
                        "items": {
                            "enum": [
                                "term",
                                "aliases",
                                "short_definition",
                                "definition",
                                "category",
                            ]
                        },
                    },
                },
            },
            "other_languages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["locale", "term", "url"],
                    "properties": {"locale": STRING, "term": STRING, "url": STRING},
                },
            },
            "url": STRING,
            "html_url": STRING,
        },
    },
    "LookupResult": {
        "allOf": [
            ref("Term"),
            {
                "type": "object",
                "required": ["matched"],
                "properties": {
                    "matched": {
                        "type": "object",
                        "required": ["query", "by", "score"],
                        "properties": {
                            "query": STRING,
                            "by": {
                                "enum": [
                                    "term",
                                    "alias",
                                    "inflection",
                                    "english",
                                    "misspelling",
                                ],
                                "description": "term/alias: a name in the served locale; "
                                "inflection: a generated plural; english: an English name; "
                                "misspelling: a close spelling.",
                            },
                            "score": {"type": "number", "minimum": 0, "maximum": 1},
                        },
                    }
                },
            },
        ]
    },
    "SearchResults": {
        "type": "object",
        "required": ["query", "locale", "results"],
        "properties": {
            "query": STRING,
            "locale": STRING,
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "term", "short_definition", "score"],
                    "properties": {
                        "id": STRING,
                        "term": STRING,
                        "short_definition": STRING,
                        "score": {"type": "number", "minimum": 0, "maximum": 1},
                    },
                },
            },
        },
    },
    "AnnotateRequest": {
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": {"type": "string"},
            "lang": {
                "type": "string",
                "maxLength": LANG_MAX_LENGTH,
                "pattern": LANG_PATTERN,
                "description": "Language of the text (BCP 47); the lang query parameter "
                "wins. A malformed tag is a 400 problem, a value that is not a string 422.",
            },
        },
    },
    "Annotations": {
        "type": "object",
        "required": ["locale", "matches"],
        "properties": {
            "locale": STRING,
            "matches": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["start", "end", "text", "id", "term", "short_definition"],
                    "properties": {
                        "start": {"type": "integer", "minimum": 0},
                        "end": {"type": "integer", "minimum": 1},
                        "text": STRING,
                        "id": STRING,
                        "term": STRING,
                        "short_definition": STRING,
                    },
                },
            },
        },
    },
    "Locales": {
        "type": "object",
        "required": ["default", "locales"],
        "properties": {
            "default": STRING,
            "locales": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "code",
                        "name",
                        "english_name",
                        "direction",
                        "completeness",
                        "review",
                    ],
                    "properties": {
                        "code": STRING,
                        "name": STRING,
                        "english_name": STRING,
                        "direction": {"enum": ["ltr", "rtl"]},
                        "completeness": {"type": "number", "minimum": 0, "maximum": 1},
                        "review": {
                            "type": "string",
                            "description": "How the translation was reviewed, honestly.",
                        },
                    },
                },
            },
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "terms", "locales", "version"],
        "properties": {
            "status": {"const": "ok"},
            "terms": {"type": "integer"},
            "locales": {"type": "array", "items": STRING},
            "version": STRING,
        },
    },
}

PATHS = {
    "/api/v1/terms": {
        "get": {
            "operationId": "listTerms",
            "summary": "All terms, sorted alphabetically for the served locale.",
            "parameters": [
                *GET_PARAMS,
                {
                    "name": "letter",
                    "in": "query",
                    "required": False,
                    "description": "First letter of the localized term, accents ignored: "
                    "one letter or digit, in any script.",
                    # The served document adds the pattern (see document()).
                    "schema": {"type": "string", "minLength": 1, "maxLength": 1},
                },
                {
                    "name": "category",
                    "in": "query",
                    "required": False,
                    "description": "A category id; unknown ids are a 400 problem.",
                    # The served document lists the ids (see document()).
                    "schema": {"type": "string"},
                },
            ],
            "responses": {
                "200": ok("The terms.", "TermList"),
                "304": NOT_MODIFIED,
                "400": BAD_REQUEST,
            },
        }
    },
    "/api/v1/terms/{id}": {
        "get": {
            "operationId": "getTerm",
            "summary": "One whole term.",
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "description": "The term's stable id, lowercase English kebab-case.",
                    "schema": {"type": "string"},
                    "examples": {
                        "metastasis": {"value": "metastasis"},
                        "abbreviation": {"value": "no-evidence-of-disease"},
                    },
                },
                *GET_PARAMS,
            ],
            "responses": {
                "200": ok("The term.", "Term"),
                "304": NOT_MODIFIED,
                "400": BAD_REQUEST,
                "404": problem("No such id; suggestions lists close terms."),
            },
        }
    },
    "/api/v1/lookup": {
        "get": {
            "operationId": "lookup",
            "summary": "Resolve a name, alias, abbreviation, inflection or misspelling.",
            "description": "Matches in the served locale, then in English.",
            "parameters": [Q, *GET_PARAMS],
            "responses": {
                "200": ok("The term, with how it matched.", "LookupResult"),
                "304": NOT_MODIFIED,
                "400": BAD_REQUEST,
                "404": problem("Nothing close enough; suggestions lists close terms."),
            },
        }
    },
    "/api/v1/search": {
        "get": {
            "operationId": "search",
            "summary": "Ranked suggestions for a search box.",
            "description": "Prefix matches first, then later words, then inside words, "
            "then close misspellings; accent- and case-insensitive.",
            "parameters": [
                Q,
                {
                    "name": "limit",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
                },
                *GET_PARAMS,
            ],
            "responses": {
                "200": ok("Suggestions, best first.", "SearchResults"),
                "304": NOT_MODIFIED,
                "400": BAD_REQUEST,
            },
        }
    },
    "/api/v1/annotate": {
        "post": {
            "operationId": "annotate",
            "summary": "Find every glossary term in a text.",
            "description": "Offsets are Unicode code points; longest match wins; no "
            "overlaps; whole words in scripts with spaces. Bodies over 64 KiB: 413.",
            "parameters": [LANG, ACCEPT_LANGUAGE],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": ref("AnnotateRequest"),
                        "examples": {
                            "spanish": {
                                "value": {
                                    "text": "Tiene metástasis en el hígado; recibe quimioterapia.",
                                    "lang": "es",
                                }
                            },
                            "english": {"value": {"text": "NED after HIPEC. PD-L1 was high."}},
                        },
                    },
                    "text/plain": {
                        "schema": {"type": "string"},
                        "example": "The scan showed bone metastases; PS is 1.",
                    },
                },
            },
            "responses": {
                "200": {
                    "description": "The matches, in text order.",
                    "content": {"application/json": {"schema": ref("Annotations")}},
                },
                "400": problem("Invalid JSON (or nested too deeply) or UTF-8, or an invalid lang."),
                "413": problem("Body over 64 KiB (65,536 bytes), chunked or not."),
                "415": problem("Not JSON or UTF-8 text."),
                "422": problem("JSON of the wrong shape."),
            },
        }
    },
    "/api/v1/locales": {
        "get": {
            "operationId": "locales",
            "summary": "The served locales.",
            "parameters": GET_PARAMS,
            "responses": {
                "200": ok("The locales.", "Locales"),
                "304": NOT_MODIFIED,
                "400": BAD_REQUEST,
            },
        }
    },
    "/api/v1/openapi.json": {
        "get": {
            "operationId": "openapi",
            "summary": "This document.",
            "parameters": GET_PARAMS,
            "responses": {
                "200": {
                    "description": "OpenAPI 3.1",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "304": NOT_MODIFIED,
                "400": BAD_REQUEST,
            },
        }
    },
    "/healthz": {
        "get": {
            "operationId": "health",
            "summary": "Liveness and what is served.",
            "parameters": GET_PARAMS,
            "responses": {
                "200": ok("Healthy.", "Health"),
                "304": NOT_MODIFIED,
                "400": BAD_REQUEST,
            },
        }
    },
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Oncology glossary service",
        "version": __version__,
        "description": (
            "Plain-language definitions of cancer terms in many languages. Every response "
            "says its locale (Content-Language, `locale`) and carries Vary: Accept-Language. "
            "Successful GETs carry ETag and Cache-Control and answer If-None-Match with 304. "
            "CORS: any origin may GET and POST, without credentials. Errors are RFC 9457 "
            "problem details with a stable `type` (tag:glossary-service,2026:problem/<slug>) "
            "and a translated title and detail. JSON bodies write <, > and & as \\u003c, "
            "\\u003e and \\u0026 (the same string to any JSON parser), so text a reader "
            "sent never comes back as markup. No cookies. Security headers on every response: "
            "X-Content-Type-Options: nosniff, Referrer-Policy: strict-origin-when-cross-origin, "
            "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'."
        ),
    },
    "servers": [{"url": "/"}],
    "paths": PATHS,
    "components": {"schemas": SCHEMAS},
}


@cache
def letter_pattern() -> str:
    """``^[...]$`` listing every letter and digit (Unicode L and N), which is
    what str.isalnum() accepts and so what the service's check accepts.

    Spelled out because neither shorter form means that everywhere: Python's
    ``re`` (which openapi-spec-validator checks patterns with) has no
    ``\\p{L}``, and ECMA's ``\\w`` is ASCII. Built on first use (0.15 s), not
    at import, to keep cold starts fast.
    """
    parts = []
    for low, high in ((0, 0xD7FF), (0xE000, sys.maxunicode)):  # no surrogates
        chars = "".join(map(chr, range(low, high + 1)))
        for run in re.finditer(r"[^\W_]+", chars):
            first, last = run.group()[0], run.group()[-1]
            parts.append(first if first == last else f"{first}-{last}")
    return f"^[{''.join(parts)}]$"


def document(categories: Iterable[str]) -> dict:
    """The document as served: DOCUMENT with what depends on the content.

    The category ids come from the content files, so they are filled in here
    rather than written above; a client (or a fuzzer) can then tell a known
    category from an unknown one, which is a 400.
    """
    served = copy.deepcopy(DOCUMENT)
    for param in served["paths"]["/api/v1/terms"]["get"]["parameters"]:
        if param["name"] == "category":
            param["schema"]["enum"] = sorted(categories)
        elif param["name"] == "letter":
            param["schema"]["pattern"] = letter_pattern()
    return served
