# One-command set-up: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.osai-scan-installed

.PHONY: install demo test fuzz chromium screenshot golden accuracy bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,distributed]'
	touch $(STAMP)

install: $(STAMP)

## demo: install, scan the bundled example AI repository and print the verdict
demo: $(STAMP)
	$(VENV)/bin/osai-scan scan fixtures/example --format table

## test: install test dependencies (and Debian's chromium for the HTML test) and run the whole suite
test: $(STAMP) chromium
	$(PY) -m pytest -q

## fuzz: the parsers of untrusted content (model card, REUSE.toml/dep5, safetensors, GGUF, notebooks,
## manifests) on at least 10,000 generated inputs each (hypothesis profile "fuzz"; `make test` runs 200)
fuzz: $(STAMP)
	OSAI_SCAN_FUZZ=fuzz $(PY) -m pytest -q -p no:cacheprovider tests/test_fuzz.py --hypothesis-show-statistics --durations=0

## chromium: the headless browser the HTML report test loads the page in (Debian package)
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

## screenshot: docs/report-example.png, the HTML report of fixtures/example in headless chromium
screenshot: $(STAMP) chromium
	$(PY) -m tests.report.screenshot

## accuracy: classify the labelled corpus (tests/corpus), tuning and held-out parts apart:
## per-component precision/recall, overall accuracy and every mislabelled path with the rule
## that fired. REAL=DIR (or ARGS="--real DIR") also classifies the real checkouts under DIR
## (one folder per corpus repository, named owner__name): the figure that counts.
accuracy: $(STAMP)
	$(PY) -m tests.corpus.accuracy $(if $(REAL),--real $(REAL)) $(ARGS)

## golden: regenerate fixtures/expected/*.json (review the diff)
golden: $(STAMP)
	$(PY) -m tests.golden

## bench: osai-scan against plain ScanCode on a realistic tree, then a cold single Hub scan's breakdown
## next to ScanCode's CLI, then fleet throughput over 200 fake-Hub repos, (b) and (c) three times each (about 32 min; figures in bench/out/)
bench: $(STAMP)
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) build dist
