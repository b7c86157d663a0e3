# Two commands on a fresh machine: `make site` builds output/, `make test` runs every test.
# Each target installs what it needs (a virtualenv from requirements.lock; Chromium for the tests).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)
DATA ?= data/datapackage.json
CONF ?= pelicanconf.py
STRICT ?=
FORCE ?=
VALIDATE_FLAGS ?=
SUMMARY ?=
BASE_REF ?= origin/main
BENCH_DIR ?= bench-data

.PHONY: bench-languages bench-memory bench-demo bench-size bench-changes departements-map import bench-import translations check-size fuzz bench-split bench-search bench-wide-rows vendor-js bench-charts bench-downloads install data-diff site publish validate test lint serve bench bench-validate bench-data-diff demo-data national-data browser clean

NODE_STAMP := node_modules/.installed

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	rm -f $(VENV)/.installed-* && touch $@

## install: the virtualenv from requirements.lock, with the project's plugin installed in editable mode (the other targets do it too)
install: $(STAMP)

## node_modules: test tools from the npm registry (axe-core, html-validate), pinned in package-lock.json
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## site: validate data/ then build the site into output/ (the previous output survives a failure)
site: $(STAMP)
	$(PY) scripts/build.py --settings $(CONF) --data $(DATA) --output output --quiet $(if $(STRICT),--strict) $(if $(FORCE),--force) $(if $(SUMMARY),--summary "$(SUMMARY)")

## publish: production build (absolute URLs) with publishconf.py
publish: CONF = publishconf.py
publish: site

## check-size: refuse a built site over the static host's limits (1 GB, 100 000 files), naming the heaviest folders
check-size: $(STAMP)
	$(PY) scripts/pages_limits.py output $(if $(SUMMARY),--summary "$(SUMMARY)")

## translations: bring the translation catalogs in step with the French strings and list what is left to translate
translations: $(STAMP)
	$(PY) scripts/translations.py

## validate: check data/datapackage.json and explain every error (SUMMARY=file: also in Markdown there)
validate: $(STAMP)
	$(PY) scripts/validate.py $(DATA) $(VALIDATE_FLAGS) $(if $(SUMMARY),--summary "$(SUMMARY)")

## import: SOURCE=kind FILES="a.csv b.csv" OUTPUT=folder [MAPPING=choices.json]: import a source's files into a package (README, "Bring your own data")
SOURCE ?=
FILES ?=
OUTPUT ?=
MAPPING ?=
import: $(STAMP)
	@test -n "$(SOURCE)" -a -n "$(FILES)" -a -n "$(OUTPUT)" || { echo 'Usage : make import SOURCE=barometre-v1 FILES="export1.csv export2.csv" OUTPUT=dossier/du/paquet [MAPPING=choix.json]'; exit 2; }
	$(PY) scripts/import_data.py $(SOURCE) $(FILES) --output $(OUTPUT) $(if $(MAPPING),--mapping $(MAPPING))

## bench-import: seconds and peak memory of importing 15 000 structures and 1.5 million result rows (Opendatasoft format), and 30 000 rows of Canada's service standards
bench-import: $(STAMP)
	$(PY) scripts/bench_import.py --workdir $(BENCH_DIR)/import

## data-diff: what this branch changes in the data compared with BASE_REF, in Markdown
data-diff: $(STAMP)
	@$(PY) scripts/data_diff.py --base-ref $(BASE_REF) --head $(DATA)

## browser: Debian's Chromium for the browser tests
browser:
	bash scripts/ensure_chromium.sh

## test: lint, unit, integration and browser tests
test: $(STAMP) $(NODE_STAMP) browser
	$(PY) -m ruff check .
	$(PY) -m pytest

## fuzz: the differential robustness test at length (FUZZ_CASES mutated packages, FUZZ_SEED to replay one run)
FUZZ_CASES ?= 300
FUZZ_BUILDS ?= 40
FUZZ_SEED ?= 14
fuzz: $(STAMP)
	FUZZ_CASES=$(FUZZ_CASES) FUZZ_BUILDS=$(FUZZ_BUILDS) FUZZ_SEED=$(FUZZ_SEED) $(PY) -m pytest tests/hardening/test_differential.py -q -p no:cacheprovider

## bench-wide-rows: validator time and memory on one row with 2 000 / 10 000 / 100 000 extra cells
bench-wide-rows: $(STAMP)
	$(PY) scripts/bench_wide_rows.py

lint: $(STAMP)
	$(PY) -m ruff check .

## serve: serve output/ on http://127.0.0.1:8000 and rebuild when data/, content/ or theme/ change
serve: $(STAMP)
	$(PY) scripts/serve.py --settings $(CONF) --data $(DATA)

## demo-data: overwrite data/ with the demo package (deterministic; the tests generate their own copy)
demo-data: $(STAMP)
	$(PY) scripts/generate_demo_data.py --output data

## national-data: a national-scale package for benchmarks (not committed)
national-data: $(STAMP)
	test -f $(BENCH_DIR)/national/datapackage.json || $(PY) scripts/generate_demo_data.py --scale national --output $(BENCH_DIR)/national

## bench-validate: validator speed and memory vs plain frictionless, demo and national scale
bench-validate: $(STAMP) national-data
	$(PY) scripts/bench_validate.py data/datapackage.json $(BENCH_DIR)/national/datapackage.json

## bench: build time, memory and pages written, search index time and size and a first query's bytes, demo and national scale
bench: $(STAMP) national-data
	$(PY) scripts/bench_build.py data/datapackage.json $(BENCH_DIR)/national/datapackage.json

## bench-demo: the same runs on the demo only, the forced rebuild and the one-value correction under cProfile (top costs printed, profile in $(BENCH_DIR)/profiles)
bench-demo: $(STAMP)
	$(PY) scripts/bench_build.py data/datapackage.json --profile $(BENCH_DIR)/profiles

## bench-memory: peak memory of a cold and a forced build at demo and regional scale (an eighth of national), and the national figure extrapolated from them
bench-memory: $(STAMP)
	$(PY) scripts/bench_memory.py --workdir $(BENCH_DIR)/memory

## bench-split: size of every data file and the largest one against the 25 MB budget, demo and national scale
bench-split: $(STAMP) national-data
	$(PY) scripts/bench_split.py data/datapackage.json $(BENCH_DIR)/national/datapackage.json

## bench-data-diff: time and memory of `make data-diff` on a network's quarter publication, demo and national scale
bench-data-diff: $(STAMP)
	$(PY) scripts/bench_data_diff.py $(DATA) $(BENCH_DIR)/national/datapackage.json

## departements-map: regenerate the départements' geometry (Natural Earth, public domain; fetched with npm pack)
departements-map: $(STAMP)
	$(PY) scripts/make_departements.py

## bench-search: search index build time and size, bytes of a first query (DATA, or SITE=output for a built site)
bench-search: $(STAMP)
	$(PY) scripts/bench_search.py $(if $(SITE),--site $(SITE),$(DATA))

## bench-charts: chart build and render cost per structure (cold, warm), Altair and vl-convert
bench-charts: $(STAMP)
	$(PY) scripts/bench_charts.py --structures 1000 --workers 2

## bench-languages: build time and output size of the bilingual site next to the French-only one (DATA; NATIONAL=1 adds the national package)
NATIONAL ?=
bench-languages: $(STAMP) $(if $(NATIONAL),national-data)
	$(PY) scripts/bench_languages.py $(DATA) $(if $(NATIONAL),$(BENCH_DIR)/national/datapackage.json)

## bench-size: bytes and files of output/ per page kind and per structure (national extrapolation), bytes a first visit transfers, and where a structure page's bytes go
bench-size: $(STAMP) browser
	$(PY) scripts/bench_site_size.py output
	$(PY) scripts/bench_page_parts.py output

## bench-downloads: cost and size of the per-page CSV, XLSX and JSON files
bench-downloads: $(STAMP)
	$(PY) scripts/bench_downloads.py $(DATA)

## bench-changes: like-with-like changes of national and network series, demo and national scale
bench-changes: $(STAMP) national-data
	$(PY) scripts/bench_changes.py $(DATA) $(BENCH_DIR)/national/datapackage.json

## vendor-js: refresh theme/static/vendor/ (vega, vega-embed; vega-lite stays build-side) from the pinned npm packages
vendor-js:
	bash scripts/vendor_js.sh

clean:
	rm -rf output output.* .cache
