# The project's interface: the README and CI call these targets and nothing else.
SHELL := /bin/bash
VENV := .venv
ZVENV := .venv-zensical
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export NLTK_DATA := $(CURDIR)/$(VENV)/nltk_data
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve build build-zensical preview check readability test lint clean kiosk kiosk-build pdf bench

# Python environment with the pinned packages; rebuilt when a requirements file changes.
$(VENV)/.site-installed: requirements.txt constraints.txt
	scripts/setup-debian.sh
	python3 -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt package-lock.json $(ZVENV)/.installed
	scripts/setup-debian.sh --test
	$(PY) -m pip install -q -r requirements-test.txt -c constraints.txt
	# Nu HTML Checker and Lighthouse at the versions in package-lock.json; no install scripts (vnu-jar's would fetch a Java)
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Zensical (Material's successor) in a venv of its own, so its updates never change the MkDocs build.
$(ZVENV)/.installed: requirements-zensical.txt constraints.txt
	python3 -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip install -q -r requirements-zensical.txt -c constraints.txt
	touch $@

## build-zensical: the same checks, then the site built with Zensical into site-zensical/ (no PDFs, no kiosk)
build-zensical: $(VENV)/.site-installed $(ZVENV)/.installed
	$(PY) -m scripts.check --strict
	$(ZVENV)/bin/python -m zensical build --clean --strict -f mkdocs-zensical.yml

## serve: set up, build with every check, and serve the built site at http://$(HOST):$(PORT)
serve: build
	@echo "Serving site/ at http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	$(PY) -m http.server --bind $(HOST) --directory site $(PORT)

## build: strict build with all content checks into site/ (the previous site stays if it fails)
build: $(VENV)/.site-installed
	$(PY) -m scripts.build

## pdf: the same build (site and PDFs), then list the booklet and handouts; PAPER=letter for US Letter
pdf: $(VENV)/.site-installed
	$(PY) -m scripts.build $(if $(PAPER),--paper $(PAPER))
	@ls -l site/pdf

## preview: live-reloading preview for editors (rebuilds on save; same checks)
preview: $(VENV)/.site-installed
	$(PY) -m mkdocs serve --strict -a $(HOST):$(PORT)

## check: the content checks alone, as editors and other renderers can run them
check: $(VENV)/.site-installed
	$(PY) -m scripts.check --strict

## readability: reading grade, words and sentence lengths per page
readability: $(VENV)/.site-installed
	$(PY) -m scripts.readability

## test: set up everything the tests need, then run the whole test suite
test: $(VENV)/.test-installed
	$(PY) -m pytest

## kiosk-build: strict build of the waiting-room kiosk variant (mkdocs-kiosk.yml) into site-kiosk/
kiosk-build: $(VENV)/.site-installed
	$(PY) -m scripts.build -f mkdocs-kiosk.yml

## kiosk: build the kiosk and run Chromium in kiosk mode on it (KIOSK_ARGS=--headless without a screen)
kiosk: $(VENV)/.site-installed
	command -v chromium >/dev/null || scripts/setup-debian.sh --test
	$(PY) -m scripts.kiosk $(KIOSK_ARGS)

## bench: build and page-weight benchmark against stock Material; prints a table, writes bench/results.md
bench: $(VENV)/.test-installed
	$(PY) -m bench

lint: $(VENV)/.test-installed
	$(PY) -m ruff check scripts tests bench

clean:
	rm -rf site site-kiosk site-zensical .cache .site-build-* .pytest_cache
