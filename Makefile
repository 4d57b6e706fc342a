# Two commands: `make run` (serve the demo) and `make test` (the whole suite, SQLite then
# PostgreSQL). Everything else here is what those two need.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app tracker
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test setup install browser translations migrate seed lint format extract-messages test-sqlite test-postgres bench bench-import wrk clean

run: setup migrate seed
	$(FLASK) run --host $(HOST) --port $(PORT)

test: setup lint test-sqlite test-postgres

setup: install translations browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Debian packages the tests need: Chromium for the browser tests (Playwright drives it; no
# browser is ever downloaded, no `playwright install`), poppler-utils to read PDFs back
# (pdftotext, pdffonts) and fonts-dejavu-core, the embedded PDF font. Installed here when
# missing and we are root (CI); elsewhere a loud message, and the tests that need them skip
# (they fail under CI=true).
CHROMIUM := /usr/bin/chromium
# command or file that shows the package is there → package
SYSTEM_PACKAGES := $(CHROMIUM):chromium /usr/bin/pdftotext:poppler-utils \
	/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf:fonts-dejavu-core
browser:
	@missing=""; for pair in $(SYSTEM_PACKAGES); do \
		[ -e "$${pair%%:*}" ] || missing="$$missing $${pair##*:}"; done; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "== Installing Debian packages for the tests:$$missing =="; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -q $$missing || { apt-get update -q && apt-get install -y -q $$missing; } \
		|| echo "!!!!!!!! apt-get could not install$$missing: the tests that need them will be SKIPPED (FAIL under CI=true) !!!!!!!!"; \
	else \
		echo "!!!!!!!! missing Debian packages:$$missing (not root, or no apt-get): install them,"; \
		echo "!!!!!!!! or the browser and PDF tests will be SKIPPED (FAIL under CI=true) !!!!!!!!"; \
	fi

# Catalogs are compiled here, never committed as .mo files.
translations: install
	$(BIN)/pybabel compile -d tracker/translations

migrate: setup
	$(FLASK) db upgrade

# Fill the database with the Kon Tum demo only when it has no users yet.
seed: migrate
	@if $(FLASK) db-is-empty; then $(FLASK) seed-demo; else echo "Database has data: demo not seeded."; fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-extract the strings and merge them into both catalogs (then translate the new ones).
extract-messages: install
	$(BIN)/pybabel extract -F babel.cfg --ignore-dirs ".*" -k _l -k lazy_gettext -k lazy_pgettext:1c,2 -o messages.pot --no-location --sort-output -w 100 .
	$(BIN)/pybabel update -i messages.pot -d tracker/translations --no-fuzzy-matching --ignore-obsolete -w 100
	rm -f messages.pot

test-sqlite: setup
	TRACKER_CONFIG=testing $(BIN)/pytest -q -p no:cacheprovider

# On CI a missing PostgreSQL is a failure; on a laptop it is skipped with a loud message.
# The browser pages ran in the SQLite pass; here they are deselected.
test-postgres: setup
	@if $(BIN)/python -c "import psycopg; psycopg.connect('postgresql://postgres@127.0.0.1:5432/test', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== Running the suite again on PostgreSQL =="; \
		TRACKER_CONFIG=testing TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -q -p no:cacheprovider -m "not browser"; \
	elif [ "$$CI" = "true" ]; then \
		echo "!! PostgreSQL is not answering at 127.0.0.1:5432 and CI=true: failing."; exit 1; \
	else \
		echo "!!!!!!!! PostgreSQL is not answering at 127.0.0.1:5432: the PostgreSQL run was SKIPPED !!!!!!!!"; \
	fi

# The pages' speed on the national-scale data (issue 12): builds it when the database is empty
# (SQLite instance/bench.db, or DATABASE_URL), runs gunicorn and wrk, writes bench/results.md.
# BENCH_SECONDS (per page, default 10), BENCH_CONNECTIONS (8), BENCH_NOTE (a line in the results).
bench: install translations wrk
	$(BIN)/python bench/bench.py

# The import's speed (issue 14): a generated 10,000-row workbook imported into an empty
# database (SQLite in a temporary folder, or BENCH_IMPORT_DATABASE_URL); time and peak memory
# into bench/results.md. Target: under 30 s.
bench-import: install translations
	$(BIN)/python bench/bench.py --import-only

# wrk drives the benchmark: Debian's package, installed when missing and we are root.
WRK := /usr/bin/wrk
wrk:
	@if command -v wrk >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "== Installing Debian's wrk for the benchmark =="; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -q wrk || { apt-get update -q && apt-get install -y -q wrk; } \
		|| { echo "!!!!!!!! apt-get could not install wrk: make bench cannot run !!!!!!!!"; exit 1; }; \
	else \
		echo "!!!!!!!! $(WRK) is missing and cannot be installed here (not root, or no apt-get):"; \
		echo "!!!!!!!! install the Debian package wrk to run make bench !!!!!!!!"; exit 1; \
	fi

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
	find tracker/translations -name '*.mo' -delete
