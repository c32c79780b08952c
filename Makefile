# `make publish` and `make test` set everything up on a fresh machine: a virtual environment in
# .venv/ with the pinned dependencies, then the package itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: publish test test-integration check lint validate bench bench-1m generate clean bench-extract bench-extract-real bench-virtuoso

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $(STAMP)

publish: $(STAMP)
	$(BIN)/opendata publish --datasets datasets --out dist

validate: $(STAMP)
	$(BIN)/opendata validate --datasets datasets

# ruff (lint, then the formatter's check), mypy and the import contract (pyproject.toml): zero findings.
lint: $(STAMP)
	$(BIN)/ruff check opendata tests
	$(BIN)/ruff format --check opendata tests
	$(BIN)/mypy
	$(BIN)/lint-imports

# Two tiers of tests, each on $(JOBS) cores (pytest-xdist), each printing its 25 slowest tests.
# `make test`: everything not marked integration, in a few minutes. `make test-integration`: the real
# clients and servers (environments built once into .test-envs/), the killed publishes, stress and
# scale. Each test file runs on one worker (--dist loadfile), so a module's fixture (a scenario, a
# synthetic corpus, a server) is built once, not once per worker. `make check`: lint and both tiers.
# Compiled bytecode (the package's, and the tests' with pytest's rewritten asserts) is kept in
# .venv/pycache, never in the checkout, even where PYTHONDONTWRITEBYTECODE is set: otherwise every
# `opendata` process a test starts compiles the package again (~0.12 s each).
JOBS ?= 2
PYTEST := PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache \
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile

test: $(STAMP)
	$(PYTEST) -m "not integration"

test-integration: $(STAMP)
	$(PYTEST) -m integration

check: lint test test-integration

bench: $(STAMP)
	$(BIN)/python -m opendata.bench

# A million letters (issue 16): hours of machine time and ~100 GB of disk, so not run by CI.
bench-1m: $(STAMP)
	$(BIN)/python -m opendata.bench --sizes 1000000 --quick --name latest-1m

# Extraction scored per field on 1,000 synthetic letters per rendering and on the seed (docs/ingest.md).
bench-extract: $(STAMP)
	$(BIN)/python -m opendata.ingest.bench --letters 1000

# The same on real letter texts: make bench-extract-real DIR=/path/to/texts (facts in tests/corpus/).
bench-extract-real: $(STAMP)
	@test -n "$(DIR)" || { echo "usage: make bench-extract-real DIR=/path/to/letter-texts"; exit 2; }
	$(BIN)/python -m opendata.ingest.bench --real "$(DIR)"

# The example queries from Virtuoso after the documented bulk load (docs/virtuoso-reload.sh), with the
# load's time: make bench-virtuoso DIST=dist (a private server in a temporary folder; docs/sparql.md).
bench-virtuoso: $(STAMP)
	@test -n "$(DIST)" || { echo "usage: make bench-virtuoso DIST=/path/to/dist"; exit 2; }
	$(BIN)/python -m opendata.bench_virtuoso "$(DIST)"

generate: $(STAMP)
	$(BIN)/opendata generate

clean:
	rm -rf $(VENV) dist .dist.builds .dist.lock
