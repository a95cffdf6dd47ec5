# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: run test test-sqlite test-postgres lint install clean

$(BIN)/radar: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/radar

run: install  ## the demo: bundled real feeds, offline, then the API on :8000
	$(BIN)/radar demo

test: install test-sqlite test-postgres  ## the whole suite on SQLite and on PostgreSQL

test-sqlite: install
	$(BIN)/pytest

# PostgreSQL is skipped only when it is unreachable and CI is unset.
test-postgres: install
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_URL)'.replace('+psycopg', ''), connect_timeout=3).close()" 2>/dev/null; then \
		RADAR_TEST_DATABASE_URL=$(PG_URL) $(BIN)/pytest; \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL at $(PG_URL) is unreachable and CI is set: failing"; exit 1; \
	else \
		echo "PostgreSQL at $(PG_URL) is unreachable: PostgreSQL run skipped (CI unset)"; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy app collectors signals alerts

clean:
	rm -rf $(VENV) radar.db* out
