"""FHIR R4 terminology under /fhir: every resource the service answers is
validated with the fhir.resources R4B models, from real responses."""

from __future__ import annotations

import pytest
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.conceptmap import ConceptMap
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.parameters import Parameters
from fhir.resources.R4B.terminologycapabilities import TerminologyCapabilities
from fhir.resources.R4B.valueset import ValueSet
from pydantic import ValidationError

from glossary_service.ehr.fhir import CODE_SYSTEM_URL, CONCEPT_MAP_URL, VALUE_SET_URL

ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
MODELS = {
    "CapabilityStatement": CapabilityStatement,
    "TerminologyCapabilities": TerminologyCapabilities,
    "CodeSystem": CodeSystem,
    "ValueSet": ValueSet,
    "ConceptMap": ConceptMap,
    "Parameters": Parameters,
    "OperationOutcome": OperationOutcome,
}


def fhir_get(client, url, status=200, headers=None):
    """GET, check the media type, validate the resource with its R4B model."""
    r = client.get(url, headers=headers or {})
    assert r.status_code == status, r.get_data(as_text=True)[:500]
    assert r.mimetype == "application/fhir+json"
    body = r.get_json()
    MODELS[body["resourceType"]].model_validate(body)
    return body


def params_of(body: dict) -> dict[str, list]:
    out: dict[str, list] = {}
    for p in body["parameter"]:
        out.setdefault(p["name"], []).append(p)
    return out


def parts(param: dict) -> dict:
    return {
        p["name"]: next(v for k, v in p.items() if k.startswith("value")) for p in param["part"]
    }


def test_the_validator_can_fail():
    with pytest.raises(ValidationError):
        CodeSystem.model_validate({"resourceType": "CodeSystem", "status": "active"})  # no content
    with pytest.raises(ValidationError):
        CodeSystem.model_validate(
            {"resourceType": "CodeSystem", "status": "active", "content": "complete", "bogus": 1}
        )


def test_capability_statement(client):
    body = fhir_get(client, "/fhir/metadata")
    assert body["resourceType"] == "CapabilityStatement"
    assert body["fhirVersion"] == "4.0.1" and "application/fhir+json" in body["format"]
    operations = {
        r["type"]: [o["name"] for o in r["operation"]] for r in body["rest"][0]["resource"]
    }
    assert operations == {
        "CodeSystem": ["lookup"],
        "ValueSet": ["expand"],
        "ConceptMap": ["translate"],
    }


def test_terminology_capabilities(client, glossary):
    body = fhir_get(client, "/fhir/metadata?mode=terminology")
    assert body["resourceType"] == "TerminologyCapabilities"
    version = body["codeSystem"][0]["version"][0]
    assert body["codeSystem"][0]["uri"] == CODE_SYSTEM_URL
    assert version["language"] == list(glossary.locales)


def test_code_system_is_the_whole_glossary_in_every_language(client, glossary):
    body = fhir_get(client, "/fhir/CodeSystem/oncology-glossary")
    assert body["url"] == CODE_SYSTEM_URL and body["content"] == "complete"
    concepts = {c["code"]: c for c in body["concept"]}
    assert concepts.keys() == glossary.content.terms.keys() and body["count"] == len(concepts)
    metastasis = concepts["metastasis"]
    english = glossary.english.terms["metastasis"]
    assert metastasis["display"] == english.term and metastasis["definition"] == english.definition
    designations = {d["language"]: d["value"] for d in metastasis["designation"]}
    assert designations.keys() == glossary.locales.keys()
    assert designations["es"] == glossary.view("es").terms["metastasis"].term
    assert designations["zh-Hant"] == glossary.view("zh-Hant").terms["metastasis"].term
    props = [(p["code"], p["valueCode"]) for p in metastasis["property"]]
    assert ("category", "staging") in props
    assert [v for k, v in props if k == "related"] == list(english.source.related)


@pytest.mark.parametrize(
    "path", ["/fhir/CodeSystem/$lookup", "/fhir/CodeSystem/oncology-glossary/$lookup"]
)
def test_lookup_in_the_display_language(client, glossary, path):
    body = fhir_get(
        client, f"{path}?system={CODE_SYSTEM_URL}&code=bone-metastasis&displayLanguage=ko"
    )
    p = params_of(body)
    view = glossary.view("ko")
    assert p["display"][0]["valueString"] == view.terms["bone-metastasis"].term
    designations = {parts(d)["language"]: parts(d)["value"] for d in p["designation"]}
    assert len(designations) == len(glossary.locales)
    props = {parts(x)["code"]: parts(x)["value"] for x in p["property"]}
    assert props["definition"] == view.terms["bone-metastasis"].definition
    assert props["category"] == "staging"


def test_lookup_properties_asked_for_only(client):
    body = fhir_get(
        client, f"/fhir/CodeSystem/$lookup?system={CODE_SYSTEM_URL}&code=hipec&property=category"
    )
    assert [parts(x)["code"] for x in params_of(body)["property"]] == ["category"]


def test_lookup_language_from_accept_language(client, glossary):
    body = fhir_get(
        client,
        f"/fhir/CodeSystem/$lookup?system={CODE_SYSTEM_URL}&code=hipec",
        headers={"Accept-Language": "ru"},
    )
    assert params_of(body)["display"][0]["valueString"] == glossary.view("ru").terms["hipec"].term


def test_expand_filter_ranks_like_search(client, glossary):
    body = fhir_get(
        client, f"/fhir/ValueSet/$expand?url={VALUE_SET_URL}&filter=met&displayLanguage=es&count=5"
    )
    view = glossary.view("es")
    expected = [m.term_id for m in view.index.search("met", 5)]
    contains = body["expansion"]["contains"]
    assert [c["code"] for c in contains] == expected and expected
    assert contains[0]["display"] == view.terms[expected[0]].term
    assert body["language"] == "es"


def test_expand_without_filter_is_every_term_in_the_language_order(client, glossary):
    body = fhir_get(client, "/fhir/ValueSet/oncology-glossary/$expand?displayLanguage=ar")
    assert [c["code"] for c in body["expansion"]["contains"]] == list(
        glossary.view("ar").sorted_ids
    )
    assert body["expansion"]["total"] == len(glossary.content.terms)


def test_value_set(client):
    body = fhir_get(client, "/fhir/ValueSet/oncology-glossary")
    assert body["compose"]["include"] == [{"system": CODE_SYSTEM_URL}]


def test_concept_map_is_the_codes_file(client, glossary):
    body = fhir_get(client, "/fhir/ConceptMap/icd-10-cm-to-glossary")
    group = body["group"][0]
    assert group["source"] == ICD10CM and group["target"] == CODE_SYSTEM_URL
    elements = {e["code"]: e for e in group["element"]}
    assert len(elements) == len(glossary.content.codes.icd10cm)
    c787 = elements["C78.7"]
    assert c787["display"] == "Secondary malignant neoplasm of liver and intrahepatic bile duct"
    assert [t["code"] for t in c787["target"]] == ["liver-metastasis"]


@pytest.mark.parametrize("code", ["C79.51", "C7951"])
@pytest.mark.parametrize(
    "path", ["/fhir/ConceptMap/$translate", "/fhir/ConceptMap/icd-10-cm-to-glossary/$translate"]
)
def test_translate_follows_the_hierarchy(client, glossary, path, code):
    body = fhir_get(client, f"{path}?system={ICD10CM}&code={code}&displayLanguage=pt")
    p = params_of(body)
    assert p["result"][0]["valueBoolean"] is True
    matches = [parts(m) for m in p["match"]]
    assert [m["concept"]["code"] for m in matches] == [
        "bone-metastasis",
        "metastasis",
        "stage-4-cancer",
        "distant-stage",
    ]
    assert [m["equivalence"] for m in matches] == ["relatedto", "wider", "wider", "wider"]
    assert matches[0]["concept"]["display"] == glossary.view("pt").terms["bone-metastasis"].term
    assert matches[0]["source"] == CONCEPT_MAP_URL


def test_translate_of_an_unmapped_code_is_no_result(client):
    p = params_of(fhir_get(client, f"/fhir/ConceptMap/$translate?system={ICD10CM}&code=I10"))
    assert p["result"][0]["valueBoolean"] is False and "match" not in p


# -- errors are OperationOutcome -----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "issue"),
    [
        ("/fhir/nothing", 404, "not-found"),
        ("/fhir/CodeSystem/other", 404, "not-found"),
        ("/fhir/ValueSet/other/$expand", 404, "not-found"),
        ("/fhir/ConceptMap/other", 404, "not-found"),
        (f"/fhir/CodeSystem/$lookup?system={CODE_SYSTEM_URL}&code=nope", 404, "not-found"),
        (f"/fhir/CodeSystem/$lookup?system={CODE_SYSTEM_URL}", 400, "invalid"),
        ("/fhir/CodeSystem/$lookup?system=http://snomed.info/sct&code=1", 400, "invalid"),
        (
            f"/fhir/CodeSystem/$lookup?system={CODE_SYSTEM_URL}&code=hipec&displayLanguage=e!",
            400,
            "invalid",
        ),
        ("/fhir/ValueSet/$expand", 400, "invalid"),
        (f"/fhir/ValueSet/$expand?url={VALUE_SET_URL}&count=0", 400, "invalid"),
        (f"/fhir/ValueSet/$expand?url={VALUE_SET_URL}&filter=" + "x" * 201, 400, "invalid"),
        (f"/fhir/ConceptMap/$translate?system={ICD10CM}&code=<b>", 400, "invalid"),
        ("/fhir/ConceptMap/$translate?code=C79", 400, "invalid"),
        ("/fhir/metadata?mode=everything", 400, "invalid"),
        ("/fhir/metadata?%zz", 400, "invalid"),
    ],
)
def test_errors_are_operation_outcomes(client, url, status, issue):
    body = fhir_get(client, url, status)
    assert body["resourceType"] == "OperationOutcome"
    assert body["issue"][0]["code"] == issue and body["issue"][0]["diagnostics"]
    assert "<b>" not in str(body)


def test_method_not_allowed_is_an_operation_outcome(client):
    r = client.delete("/fhir/CodeSystem/oncology-glossary")
    assert r.status_code == 405 and r.mimetype == "application/fhir+json"
    assert "GET" in r.headers["Allow"]
    OperationOutcome.model_validate(r.get_json())
    assert r.headers["Cache-Control"] == "no-store"


def test_fhir_answers_carry_cors_and_cache_headers(client):
    r = client.get("/fhir/CodeSystem/oncology-glossary")
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert r.headers["ETag"] and r.headers["Cache-Control"].startswith("public")
    assert (
        client.get(
            "/fhir/CodeSystem/oncology-glossary", headers={"If-None-Match": r.headers["ETag"]}
        ).status_code
        == 304
    )
