"""Schemathesis against the served OpenAPI document, over real HTTP.

Every operation and documented parameter, with valid and invalid data
(positive and negative generation) and every built-in check: no server
error, no response outside the documented schema, status codes and content
types as documented, invalid data rejected, valid data accepted. Plus our
own check (schemathesis_hooks.py): every error is problem+json, every
response carries the security headers, no cookie, no stack trace.

Two runs, both bounded for CI (about a minute together on two cores):
- in-process, one pytest case per operation, fuzzing with Hypothesis;
- the ``st`` command line, for what only it does: the coverage phase
  (boundary values, undeclared methods, missing parameters).

For a longer hunt (make fuzz): SCHEMATHESIS_MAX_EXAMPLES=1000
SCHEMATHESIS_PHASES=examples,coverage,fuzzing,stateful .venv/bin/python -m pytest
tests/test_schemathesis.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

import tests.system.schemathesis_hooks  # noqa: F401 - registers the house_rules check
from glossary_service.content import load_content
from glossary_service.web.openapi import document
from tests.support.live_server import serve

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "50"))
# The API keeps no state between requests, so stateful sequences find little;
# add them for a long hunt with SCHEMATHESIS_PHASES=examples,coverage,fuzzing,stateful
PHASES = os.environ.get("SCHEMATHESIS_PHASES", "examples,coverage,fuzzing")
TESTS = Path(__file__).resolve().parent
ST = Path(sys.executable).with_name("st")
# /infobutton: whether a request is answerable depends on its parameters
# together (at least one concept; a code in the ICD-10-CM shape when .v.cs names
# ICD-10-CM), which OpenAPI cannot state parameter by parameter. A request each
# of whose parameters is valid may so be a documented 400: "valid data is
# accepted" cannot hold there. Every other check runs on it, invalid data
# rejected included.
COMBINED_PARAMETERS = {"/infobutton"}

# The document as the service serves it for this content
# (test_fuzzed_document_is_the_served_one proves it). Built at import, as
# schemathesis makes its tests at collection time (its lazy fixture loader
# does not work with pytest 9).
DOCUMENT = document(load_content().categories)
schema = schemathesis.openapi.from_dict(DOCUMENT)
schema.config.generation.update(
    modes=[schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE],
    max_examples=MAX_EXAMPLES,
)
# Every check, stated rather than left to the defaults.
schema.config.checks.update(included_check_names=["all"])


@pytest.fixture(scope="module")
def base_url(app):
    with serve(app) as url:
        yield url


@pytest.fixture(scope="module")
def http(base_url):
    with requests.Session() as session:
        yield session


def test_fuzzed_document_is_the_served_one(http, base_url):
    assert http.get(f"{base_url}/api/v1/openapi.json").json() == DOCUMENT


def test_every_documented_path_is_fuzzed():
    # The EHR faces (/infobutton, /fhir/...) included: they are in the document.
    fuzzed = {result.ok().path for result in schema.get_all_operations()}
    assert fuzzed == set(DOCUMENT["paths"])
    assert {"/infobutton", "/fhir/CodeSystem/$lookup", "/fhir/ConceptMap/$translate"} <= fuzzed


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_document(case, http, base_url):
    excluded = [positive_data_acceptance] if case.operation.path in COMBINED_PARAMETERS else None
    case.call_and_validate(base_url=base_url, session=http, excluded_checks=excluded)


@pytest.mark.parametrize("part", ["others", "combined"])
def test_command_line_run_finds_nothing(base_url, tmp_path, part):
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
        "SCHEMATHESIS_HOOKS": "schemathesis_hooks",
        "NO_COLOR": "1",
    }
    command = [
        str(ST),
        "run",
        f"{base_url}/api/v1/openapi.json",
        "--checks=all",
        "--mode=all",
        f"--phases={PHASES}",
        f"--max-examples={max(MAX_EXAMPLES // 2, 10)}",
        "--workers=2",
        "--request-timeout=10",
    ]
    for path in sorted(COMBINED_PARAMETERS):
        if part == "others":
            command.append(f"--exclude-path={path}")
        else:
            command.append(f"--include-path={path}")
    if part == "combined":
        command.append("--exclude-checks=positive_data_acceptance")
    run = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-5000:]
    assert "house_rules" not in run.stdout
