# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast eval abuse lint format extract update compile i18n-check sort-keys bench bench-matcher peers load audit fuzz system-deps package coldstart clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check pip==26.3
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Compiled catalogs are build output: always rebuilt from the .po sources.
compile: $(STAMP)
	$(BIN)/pybabel compile -d translations --statistics

# `make run PORT=8000` for another port (macOS keeps 5000 for AirPlay);
# `make run RELOAD=1` restarts on code, content and catalog edits.
PORT ?= 5000
RELOAD ?=
run: compile
	$(BIN)/flask --app glossary_service.wsgi run --host 127.0.0.1 --port $(PORT) \
	  $(if $(RELOAD),--reload --extra-files "$$(find glossary_service/content translations -name '*.toml' -o -name '*.mo' | tr '\n' ':')",)

# Browsers, fonts and wrk from Debian, axe-core from npm: the tests drive them for real.
system-deps:
	tools/release/system_deps.sh

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

test: compile lint i18n-check eval system-deps node_modules/.package-lock.json
	$(BIN)/python -m pytest -q

# The fast loop while editing: no browser, no servers, no Lambda build.
test-fast: compile
	$(BIN)/python -m pytest -q -m "not system"

# Linking measured on the gold texts of every locale, with the gates (eval/README.md).
eval: compile
	$(BIN)/python eval/evaluate.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Translation workflow: content and code -> messages.pot -> every messages.po.
extract: $(STAMP)
	PYTHONPATH=. $(BIN)/pybabel extract -F babel.cfg --omit-header --sort-by-file \
	  --add-comments=Translators: -k lazy_gettext -o translations/messages.pot .

update: extract
	$(BIN)/python tools/i18n/sync_markers.py
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-wrap

# Catalogs current, complete, no fuzzy entry, placeholders kept, tooltips short.
i18n-check: $(STAMP)
	$(BIN)/python tools/i18n/check.py

# Pinyin sort keys for Simplified Chinese, from the catalog.
sort-keys: $(STAMP)
	$(BIN)/python tools/i18n/make_sort_keys.py

bench: compile
	$(BIN)/python bench/run.py

# The browser matcher in Chromium against the engine, 60 KB per locale.
bench-matcher: compile
	$(BIN)/python bench/matcher_browser.py

# The engine against pyahocorasick, flashtext and rapidfuzz, memory and the Lambda zip (issue 15).
peers: compile
	$(BIN)/python bench/peers.py

# AWS Lambda: build/lambda.zip from a runtime-only venv, plus build/boto3-standin for local runs.
# `make package STAGE=production` builds the production stage's package.
STAGE ?= dev
package: $(STAMP)
	$(BIN)/python tools/release/build_lambda.py --stage $(STAGE)

# Lambda package size and cold start, side by side (about 1 minute).
coldstart: $(STAMP)
	$(BIN)/python bench/coldstart.py

# gunicorn (2 workers) driven by wrk, 60 s per run.
load: compile system-deps
	$(BIN)/python bench/load.py

# Hostile bodies to gunicorn and the Lambda handler: memory, largest answer, worst latency.
abuse: compile
	$(BIN)/python bench/abuse.py

# Known vulnerabilities; exit 2 means "could not check", never a pass.
audit: $(STAMP)
	$(BIN)/python tools/release/audit.py

# A longer schemathesis hunt than the one in `make test`.
fuzz: compile
	SCHEMATHESIS_MAX_EXAMPLES=1000 SCHEMATHESIS_PHASES=examples,coverage,fuzzing,stateful \
	  $(BIN)/python -m pytest -q tests/test_schemathesis.py

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache
	find translations -name '*.mo' -delete
