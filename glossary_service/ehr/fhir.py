"""FHIR R4 terminology resources built from the glossary: plain dicts, no HTTP.

- ``CodeSystem`` oncology-glossary: every term as a concept (code = term id)
  with its English display and definition, a designation in every served
  language, and its category and related terms as properties.
- ``ValueSet`` oncology-glossary: all of that code system; ``$expand``
  with ``filter`` answers type-ahead, ranked as the API's search ranks.
- ``ConceptMap`` icd-10-cm-to-glossary: content/codes.toml, each mapping's
  terms in rank order; ``$translate`` follows the ICD-10-CM hierarchy.
- ``Parameters`` for ``$lookup`` and ``$translate``; ``OperationOutcome`` for errors.

Canonical URLs are ``tag:`` URIs like the problem types: they name the
content, not a deployment, so they are the same on every host.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import icd10cm

if TYPE_CHECKING:
    from ..glossary import Glossary, LocaleView
    from .icd10cm import CodeIndex

FHIR_VERSION = "4.0.1"
MEDIA_TYPE = "application/fhir+json"
BASE = "tag:glossary-service,2026:fhir/"
CODE_SYSTEM_ID = "oncology-glossary"
VALUE_SET_ID = "oncology-glossary"
CONCEPT_MAP_ID = "icd-10-cm-to-glossary"
CODE_SYSTEM_URL = f"{BASE}CodeSystem/{CODE_SYSTEM_ID}"
VALUE_SET_URL = f"{BASE}ValueSet/{VALUE_SET_ID}"
CONCEPT_MAP_URL = f"{BASE}ConceptMap/{CONCEPT_MAP_ID}"
TITLE = "Oncology glossary"
PUBLISHER = "Oncology glossary service"
DESIGNATION_USE = {
    "system": "http://terminology.hl7.org/CodeSystem/designation-usage",
    "code": "display",
}
#: Properties of each concept, and what $lookup can return.
PROPERTIES = {
    "category": ("code", "The term's category (staging, treatment...)."),
    "related": ("code", "A related term of this code system, one property per term."),
}
LOOKUP_PROPERTIES = ("definition", *PROPERTIES)
#: Problem slugs (errors.py) as FHIR issue types.
ISSUE_TYPES = {
    "bad-request": "invalid",
    "invalid-parameter": "invalid",
    "invalid-language-tag": "invalid",
    "invalid-body": "invalid",
    "not-found": "not-found",
    "term-not-found": "not-found",
    "no-match": "not-found",
    "method-not-allowed": "not-supported",
    "precondition-failed": "conflict",
    "payload-too-large": "too-long",
    "unsupported-media-type": "not-supported",
    "internal-error": "exception",
}


def version(glossary: Glossary) -> str:
    """The content's version: the date it was last changed."""
    return glossary.content.codes.updated[:10]


def _header(glossary: Glossary, resource: str, rid: str, url: str, name: str) -> dict:
    return {
        "resourceType": resource,
        "id": rid,
        "url": url,
        "version": version(glossary),
        "name": name,
        "title": TITLE if resource != "ConceptMap" else f"ICD-10-CM to {TITLE.lower()}",
        "status": "active",
        "experimental": False,
        "date": glossary.content.codes.updated,
        "publisher": PUBLISHER,
    }


# -- the server ------------------------------------------------------------------


def capability_statement(glossary: Glossary, software_version: str) -> dict:
    def resource(kind: str, operation: str, definition: str) -> dict:
        return {
            "type": kind,
            "interaction": [{"code": "read"}],
            "operation": [
                {
                    "name": operation,
                    "definition": f"http://hl7.org/fhir/OperationDefinition/{definition}",
                }
            ],
        }

    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": glossary.content.codes.updated,
        "publisher": PUBLISHER,
        "kind": "instance",
        "software": {"name": "glossary-service", "version": software_version},
        "implementation": {
            "description": f"{TITLE}: terminology in {len(glossary.locales)} languages"
        },
        "fhirVersion": FHIR_VERSION,
        "format": [MEDIA_TYPE, "json"],
        "rest": [
            {
                "mode": "server",
                "resource": [
                    resource("CodeSystem", "lookup", "CodeSystem-lookup"),
                    resource("ValueSet", "expand", "ValueSet-expand"),
                    resource("ConceptMap", "translate", "ConceptMap-translate"),
                ],
            }
        ],
    }


def terminology_capabilities(glossary: Glossary) -> dict:
    return {
        "resourceType": "TerminologyCapabilities",
        "status": "active",
        "date": glossary.content.codes.updated,
        "publisher": PUBLISHER,
        "kind": "instance",
        "codeSystem": [
            {
                "uri": CODE_SYSTEM_URL,
                "version": [
                    {
                        "code": version(glossary),
                        "isDefault": True,
                        "language": list(glossary.locales),
                        "property": list(PROPERTIES),
                    }
                ],
            }
        ],
        "expansion": {
            "hierarchical": False,
            "paging": False,
            "textFilter": "Type-ahead: names that start with the filter first, then later "
            "words, then inside words, then misspellings, in the display language.",
        },
        "translation": {"needsMap": False},
    }


# -- CodeSystem -------------------------------------------------------------------


def code_system(glossary: Glossary) -> dict:
    english = glossary.english
    concepts = []
    for term_id, t in english.terms.items():
        concepts.append(
            {
                "code": term_id,
                "display": t.term,
                "definition": t.definition,
                "designation": _designations(glossary, term_id),
                "property": _properties(t.source, PROPERTIES),
            }
        )
    return {
        **_header(glossary, "CodeSystem", CODE_SYSTEM_ID, CODE_SYSTEM_URL, "OncologyGlossary"),
        "description": "Plain-language definitions of cancer terms for patients, "
        f"in {len(glossary.locales)} languages.",
        "caseSensitive": True,
        "valueSet": VALUE_SET_URL,
        "content": "complete",
        "count": len(concepts),
        "property": [
            {"code": code, "type": kind, "description": description}
            for code, (kind, description) in PROPERTIES.items()
        ],
        "concept": concepts,
    }


def _designations(glossary: Glossary, term_id: str) -> list[dict]:
    return [
        {"language": code, "use": DESIGNATION_USE, "value": glossary.term_name(code, term_id)}
        for code in glossary.locales
    ]


def _properties(term, wanted) -> list[dict]:
    props = []
    if "category" in wanted:
        props.append({"code": "category", "valueCode": term.category})
    if "related" in wanted:
        props.extend({"code": "related", "valueCode": rid} for rid in term.related)
    return props


def lookup(glossary: Glossary, view: LocaleView, term_id: str, wanted: list[str] | None) -> dict:
    """$lookup's answer: display in the view's language, every designation,
    and the properties asked for (all when none is named)."""
    t = view.terms[term_id]
    wanted_set = set(wanted or LOOKUP_PROPERTIES)
    params = [
        {"name": "name", "valueString": TITLE},
        {"name": "version", "valueString": version(glossary)},
        {"name": "display", "valueString": t.term},
    ]
    for d in _designations(glossary, term_id):
        params.append(
            {
                "name": "designation",
                "part": [
                    {"name": "language", "valueCode": d["language"]},
                    {"name": "use", "valueCoding": d["use"]},
                    {"name": "value", "valueString": d["value"]},
                ],
            }
        )
    if "definition" in wanted_set:
        params.append(_property("definition", {"valueString": t.definition}))
    for prop in _properties(t.source, wanted_set):
        params.append(_property(prop["code"], {"valueCode": prop["valueCode"]}))
    return {"resourceType": "Parameters", "parameter": params}


def _property(code: str, value: dict) -> dict:
    return {
        "name": "property",
        "part": [{"name": "code", "valueCode": code}, {"name": "value", **value}],
    }


# -- ValueSet ---------------------------------------------------------------------


def value_set(glossary: Glossary) -> dict:
    return {
        **_header(glossary, "ValueSet", VALUE_SET_ID, VALUE_SET_URL, "OncologyGlossary"),
        "description": "Every term of the oncology glossary.",
        "compose": {"include": [{"system": CODE_SYSTEM_URL}]},
    }


def expansion(
    glossary: Glossary,
    view: LocaleView,
    term_ids: list[str],
    parameters: list[dict],
    total: int | None,
) -> dict:
    """The value set expanded to ``term_ids``, displayed in the view's language."""
    expanded = {
        "identifier": f"{VALUE_SET_URL}/expansion",
        "timestamp": glossary.content.codes.updated,
        "parameter": parameters,
        "contains": [
            {
                "system": CODE_SYSTEM_URL,
                "version": version(glossary),
                "code": term_id,
                "display": view.terms[term_id].term,
            }
            for term_id in term_ids
        ],
    }
    if total is not None:
        expanded["total"] = total
    return {**value_set(glossary), "language": view.info.code, "expansion": expanded}


# -- ConceptMap -------------------------------------------------------------------


def concept_map(glossary: Glossary, codes: CodeIndex) -> dict:
    english = glossary.english
    elements = [
        {
            "code": mapping.code,
            "display": mapping.description,
            "target": [
                {
                    "code": term_id,
                    "display": english.terms[term_id].term,
                    "equivalence": "relatedto",
                    "comment": f"Rank {rank}",
                }
                for rank, term_id in enumerate(mapping.terms, 1)
            ],
        }
        for mapping in codes
    ]
    return {
        **_header(
            glossary, "ConceptMap", CONCEPT_MAP_ID, CONCEPT_MAP_URL, "Icd10CmToOncologyGlossary"
        ),
        "description": "Glossary terms that explain ICD-10-CM codes to patients, best first. "
        "A mapping covers the code's descendants in the ICD-10-CM hierarchy; $translate "
        "follows it (C79.51 is answered by C79.5, then by C79).",
        "targetCanonical": VALUE_SET_URL,
        "group": [
            {
                "source": icd10cm.SYSTEM,
                "target": CODE_SYSTEM_URL,
                "targetVersion": version(glossary),
                "element": elements,
            }
        ],
    }


def translate(glossary: Glossary, view: LocaleView, codes: CodeIndex, code: str) -> dict:
    """$translate for a normalized ICD-10-CM code: ``relatedto`` for the terms
    mapped to the code itself, ``wider`` for those of an ancestor's mapping."""
    found = codes.resolve(code)
    params: list[dict] = [{"name": "result", "valueBoolean": bool(found)}]
    if not found:
        params.append(
            {"name": "message", "valueString": f"No glossary term explains {icd10cm.dotted(code)}."}
        )
    else:
        params.append(
            {
                "name": "message",
                "valueString": "Matched through "
                + ", ".join(dict.fromkeys(m.mapping.code for m in found))
                + ".",
            }
        )
    for m in found:
        params.append(
            {
                "name": "match",
                "part": [
                    {"name": "equivalence", "valueCode": "relatedto" if m.exact else "wider"},
                    {
                        "name": "concept",
                        "valueCoding": {
                            "system": CODE_SYSTEM_URL,
                            "version": version(glossary),
                            "code": m.term_id,
                            "display": view.terms[m.term_id].term,
                        },
                    },
                    {"name": "source", "valueUri": CONCEPT_MAP_URL},
                ],
            }
        )
    return {"resourceType": "Parameters", "parameter": params}


# -- errors -----------------------------------------------------------------------


def operation_outcome(slug: str, title: str, detail: str) -> dict:
    return {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error",
                "code": ISSUE_TYPES.get(slug, "processing"),
                "details": {"text": title},
                "diagnostics": detail,
            }
        ],
    }
