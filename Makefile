# One-command set-up: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.osai-scan-installed

.PHONY: install demo test golden bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## demo: install, scan the bundled example AI repository and print the verdict
demo: $(STAMP)
	$(VENV)/bin/osai-scan scan fixtures/example --format table

## test: install test dependencies and run the whole suite
test: $(STAMP)
	$(PY) -m pytest -q

## golden: regenerate fixtures/expected/*.json (review the diff)
golden: $(STAMP)
	$(PY) -m tests.golden

## bench: osai-scan against plain ScanCode on a realistic tree (about 20 min; figures in bench/out/)
bench: $(STAMP)
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) build dist
