# `make publish` and `make test` set everything up on a fresh machine: a virtual environment in
# .venv/ with the pinned dependencies, then the package itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: publish test validate bench generate clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $(STAMP)

publish: $(STAMP)
	$(BIN)/opendata publish --datasets datasets --out dist

validate: $(STAMP)
	$(BIN)/opendata validate --datasets datasets

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m opendata.bench

generate: $(STAMP)
	$(BIN)/opendata generate

clean:
	rm -rf $(VENV) dist .dist.builds .dist.lock
