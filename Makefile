# Curator: `make run` starts the desk app on the demo database, `make test` runs every test headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: run test screenshots bench clean

$(BIN)/curator: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,postgres]'
	touch $@

$(DEMO_DB): | $(BIN)/curator
	$(BIN)/curator demo --db $(DEMO_DB)

run: $(BIN)/curator $(DEMO_DB)
	$(BIN)/python main.py --db $(DEMO_DB)

test: $(BIN)/curator
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
