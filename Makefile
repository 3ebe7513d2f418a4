# The project's interface: the README and CI call these targets and nothing else.
SHELL := /bin/bash
VENV := .venv
ZVENV := .venv-zensical
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export NLTK_DATA := $(CURDIR)/$(VENV)/nltk_data
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve build build-zensical preview check readability test lint clean kiosk kiosk-build pdf bench signoff

# The project's folder on the environment's import path (a .pth file, Python's standard way), so the
# plain commands `mkdocs build`, `mkdocs serve`, `zensical build` and `zensical serve` find the
# `scripts` package from the project root. No packaging step: the checkout itself is what runs.
define link-project
	echo "$(CURDIR)" > "$$($(1) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/numb-hands-and-feet.pth"
endef

# Python environment with the pinned packages; rebuilt when a requirements file changes.
$(VENV)/.site-installed: requirements.txt constraints.txt
	scripts/setup-debian.sh
	python3 -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.txt -c constraints.txt
	$(call link-project,$(PY))
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
	$(call link-project,$(ZVENV)/bin/python)
	touch $@

## build-zensical: the same checks, then the site built with Zensical into site-zensical/ (no PDFs, no kiosk; the last good site stays if it fails)
build-zensical: $(VENV)/.site-installed $(ZVENV)/.installed
	$(PY) -m scripts.build --renderer zensical -f mkdocs-zensical.yml

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
	$(PY) -m mkdocs serve --strict --dirty -a $(HOST):$(PORT)

## check: the content checks alone, as editors and other renderers can run them
check: $(VENV)/.site-installed
	$(PY) -m scripts.check --strict

## signoff: record that a clinician checked a page: make signoff PAGE=neck REVIEWER="Full name" ROLE="Their job" [DATE=YYYY-MM-DD]
## (without PAGE: list each page's status). Only for a clinician who read the page as it is now; any later change voids it.
signoff: $(VENV)/.site-installed
	@# From the environment, not pasted into the command: a name with a quote in it stays one argument.
	$(PY) -m scripts.signoff "$${PAGE:---list}" $${PAGE:+--reviewer "$$REVIEWER" --role "$$ROLE"} $${DATE:+--date "$$DATE"}

## readability: reading grade per English page, then reading ease per Russian page (docs-ru/; report only)
readability: $(VENV)/.site-installed
	@status=0; $(PY) -m scripts.readability || status=$$?; \
	if [ -d docs-ru ]; then echo; $(PY) -m scripts.readability_ru || status=$$?; fi; exit $$status

## test: set up everything the tests need, then run the whole test suite
test: $(VENV)/.test-installed
	$(PY) -m pytest

## kiosk-build: strict build of the waiting-room kiosk (mkdocs-kiosk.yml) into site-kiosk/, with the Russian kiosk (mkdocs-kiosk.ru.yml) in site-kiosk/ru/
kiosk-build: $(VENV)/.site-installed
	$(PY) -m scripts.build -f mkdocs-kiosk.yml

## kiosk: build both kiosks and run Chromium in kiosk mode on the English home (KIOSK_ARGS=--headless without a screen)
kiosk: $(VENV)/.site-installed
	command -v chromium >/dev/null || scripts/setup-debian.sh --test
	$(PY) -m scripts.kiosk $(KIOSK_ARGS)

## bench: speed against stock Material and stock Zensical (SIZES="16 100 500 2000"), preview, page weight, PDFs, Lighthouse (SKIP=lighthouse,pdf); writes bench/results.md
bench: $(VENV)/.test-installed
	$(PY) -m bench $(if $(SIZES),--sizes "$(SIZES)") $(if $(SKIP),--skip "$(SKIP)") $(if $(RUNS),--runs $(RUNS))

lint: $(VENV)/.test-installed
	$(PY) -m ruff check scripts tests bench

clean:
	rm -rf site site-kiosk site-zensical .cache .site-build-* .pytest_cache
