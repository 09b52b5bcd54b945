# Curator: `make run` starts the desk app on the demo database, `make test` runs every test headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: run test test-pg lint wheel-check screenshots bench clean translations

$(BIN)/curator: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,postgres]'
	touch $@

$(DEMO_DB): | $(BIN)/curator
	$(BIN)/curator demo --db $(DEMO_DB)

# The desk's translations compiled for this source tree (the wheel compiles its own: build_hook.py).
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
$(QM) &: $(TS) | $(BIN)/curator
	$(BIN)/python build_translations.py compile

# After adding or changing a user-visible string in ui/: new strings come in unfinished; translate them.
translations: $(BIN)/curator
	$(BIN)/python build_translations.py update

run: $(BIN)/curator $(DEMO_DB) $(QM)
	$(BIN)/python main.py --db $(DEMO_DB)

test: $(BIN)/curator $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# ruff (style and bugs), mypy (types) and import-linter (the package boundaries); settings in pyproject.toml.
lint: $(BIN)/curator
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The same suite on a throwaway PostgreSQL server (Debian's postgresql package, installed when missing),
# started on a free loopback port as an unprivileged user and stopped afterwards.
test-pg: $(BIN)/curator
	@dir=$$(mktemp -d -t curator-pg.XXXXXX); \
	trap '.ci/pg-server.sh stop "$$dir"' EXIT; trap 'exit 130' INT TERM; \
	.ci/pg-server.sh start "$$dir" && \
	CURATOR_TEST_DB=$$(cat "$$dir/url") CURATOR_TEST_PG_DIR="$$dir" QT_QPA_PLATFORM=offscreen \
	  $(BIN)/python -m pytest $(PYTEST_ARGS)

# The wheel installed in a fresh virtual environment, run outside the source tree (.ci/wheel-check.sh).
wheel-check: $(BIN)/curator
	.ci/wheel-check.sh $(BIN)/python

# Each view and the main dialogs of the demo database rendered on a virtual X display (Xvfb) to
# docs/screenshots/*.png, and in Chinese to docs/screenshots/zh/*.png.
screenshots: $(BIN)/curator $(QM)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python -m ui.screenshots docs/screenshots
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python -m ui.screenshots docs/screenshots/zh --language zh_CN

# Benchmarks at facility scale (bench/out/large.db is built once: 100k samples, 1M events); not part of test.
bench: $(BIN)/curator
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(QM)
