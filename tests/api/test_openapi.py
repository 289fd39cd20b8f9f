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
]


@pytest.mark.parametrize(("method", "path", "url", "body", "status"), CASES)
def test_real_responses_match_documented_schemas(client, spec, method, path, url, body, status):
    r = client.open(url, method=method.upper(), json=body)
    assert r.status_code == status
    assert str(status) in spec["paths"][path][method]["responses"]
    schema = schema_for(spec, path, method, status, r.mimetype)
    Draft202012Validator(schema).validate(r.get_json())


def test_every_route_is_documented(app, spec):
    """Every JSON route: the API, the health check, the widget's release."""
    routes = {
        rule.rule.replace("<term_id>", "{id}").replace("<file>", "{file}")
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(("/api/", "/widget/matcher/"))
        or rule.rule in ("/healthz", "/widget/release.json")
    }
    assert routes == set(spec["paths"])
