"""The OpenAPI document is valid 3.1 and true to what the service answers."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

SPEC_PATH = "/api/v1/openapi.json"


@pytest.fixture(scope="module")
def spec(app):
    return app.test_client().get(SPEC_PATH).get_json()


def test_document_is_valid_openapi_31(spec):
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def schema_for(spec, path, method, status, media):
    op = spec["paths"][path][method]
    content = op["responses"][str(status)]["content"][media]
    # Resolve $refs against the whole document.
    return {**content["schema"], "components": spec["components"]}


CASES = [
    ("get", "/api/v1/terms", "/api/v1/terms?lang=es", None, 200),
    ("get", "/api/v1/terms", "/api/v1/terms?letter=ab", None, 400),
    ("get", "/api/v1/terms/{id}", "/api/v1/terms/metastasis?lang=es", None, 200),
    ("get", "/api/v1/terms/{id}", "/api/v1/terms/hipec", None, 200),
    ("get", "/api/v1/terms/{id}", "/api/v1/terms/nope", None, 404),
    ("get", "/api/v1/lookup", "/api/v1/lookup?q=NED", None, 200),
    ("get", "/api/v1/lookup", "/api/v1/lookup?q=chemotherapy&lang=es", None, 200),
    ("get", "/api/v1/lookup", "/api/v1/lookup?q=zzzzqq", None, 404),
    ("get", "/api/v1/lookup", "/api/v1/lookup", None, 400),
    ("get", "/api/v1/search", "/api/v1/search?q=met", None, 200),
    ("get", "/api/v1/search", "/api/v1/search?q=met&limit=99", None, 400),
    ("post", "/api/v1/annotate", "/api/v1/annotate", {"text": "NED and HIPEC"}, 200),
    ("post", "/api/v1/annotate", "/api/v1/annotate", {"txt": 1}, 422),
    ("post", "/api/v1/annotate", "/api/v1/annotate", {"text": "a" * 70000}, 413),
    ("get", "/api/v1/locales", "/api/v1/locales", None, 200),
    ("get", "/healthz", "/healthz", None, 200),
    ("get", "/healthz", "/healthz?lang=!!", None, 400),
    ("get", "/widget/matcher/{file}", "/widget/matcher/es.json", None, 200),
    ("get", "/widget/matcher/{file}", "/widget/matcher/xx.json", None, 404),
    ("get", "/widget/release.json", "/widget/release.json", None, 200),
    ("get", "/infobutton", "/infobutton?mainSearchCriteria.v.c=C79.51", None, 200),
    (
        "get",
        "/infobutton",
        "/infobutton?mainSearchCriteria.v.dn=ascites&knowledgeResponseType=application/json",
        None,
        200,
    ),
    ("get", "/infobutton", "/infobutton?knowledgeResponseType=application/json", None, 400),
    (
        "get",
        "/infobutton",
        "/infobutton?mainSearchCriteria.v.c=C79.5.1&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90",
        None,
        400,
    ),
    ("get", "/fhir/metadata", "/fhir/metadata", None, 200),
    ("get", "/fhir/metadata", "/fhir/metadata?mode=terminology", None, 200),
    ("get", "/fhir/CodeSystem/{id}", "/fhir/CodeSystem/oncology-glossary", None, 200),
    ("get", "/fhir/CodeSystem/{id}", "/fhir/CodeSystem/other", None, 404),
    (
        "get",
        "/fhir/CodeSystem/{id}/$lookup",
        "/fhir/CodeSystem/oncology-glossary/$lookup?code=hipec&displayLanguage=es",
        None,
        200,
    ),
    ("get", "/fhir/CodeSystem/$lookup", "/fhir/CodeSystem/$lookup?code=hipec", None, 400),
    (
        "get",
        "/fhir/ValueSet/{id}/$expand",
        "/fhir/ValueSet/oncology-glossary/$expand?filter=met",
        None,
        200,
    ),
    ("get", "/fhir/ConceptMap/{id}", "/fhir/ConceptMap/icd-10-cm-to-glossary", None, 200),
    (
        "get",
        "/fhir/ConceptMap/$translate",
        "/fhir/ConceptMap/$translate?system=http://hl7.org/fhir/sid/icd-10-cm&code=C78.7",
        None,
        200,
    ),
]


@pytest.mark.parametrize(("method", "path", "url", "body", "status"), CASES)
def test_real_responses_match_documented_schemas(client, spec, method, path, url, body, status):
    r = client.open(url, method=method.upper(), json=body)
    assert r.status_code == status
    assert str(status) in spec["paths"][path][method]["responses"]
    schema = schema_for(spec, path, method, status, r.mimetype)
    if r.mimetype.endswith("json"):
        Draft202012Validator(schema).validate(r.get_json())
    else:
        Draft202012Validator(schema).validate(r.get_data(as_text=True))


def test_every_route_is_documented(app, spec):
    """Every JSON route: the API, the health check, the widget's release."""
    routes = {
        rule.rule.replace("<term_id>", "{id}").replace("<rid>", "{id}").replace("<file>", "{file}")
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(("/api/", "/infobutton", "/fhir/", "/widget/matcher/"))
        or rule.rule in ("/healthz", "/widget/release.json")
    }
    assert routes == set(spec["paths"])
