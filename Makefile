# The only way things are run, by people and by CI alike. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= data/partybuild.duckdb
PORT   ?= 8501

.DEFAULT_GOAL := help
.PHONY: help install install-test run sample-db test test-fast lint bench plotly-bundle clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed ## create .venv and install partybuild (idempotent)

install-test: $(VENV)/.installed-test ## install with the test and lint tools

sample-db: install ## build the sample warehouse from samples/ into $(DB)
	$(BIN)/partybuild etl run samples/ --db $(DB); status=$$?; [ $$status -eq 0 ] || [ $$status -eq 2 ]

run: sample-db ## set up, build the sample warehouse, serve the dashboard on http://localhost:$(PORT)
	$(BIN)/partybuild dashboard --db $(DB) --port $(PORT)

test: install-test ## set up and run the whole test suite, browser tests included
	$(BIN)/python -m pytest

test-fast: install-test ## the suite without the browser tests
	$(BIN)/python -m pytest -m "not browser"

lint: install-test ## ruff and mypy
	$(BIN)/ruff check etl warehouse dashboard tests bench
	$(BIN)/mypy etl warehouse dashboard

bench: install-test ## run the benchmarks, print a table, write bench/results.json
	$(BIN)/python bench/run.py

plotly-bundle: ## rebuild dashboard/static/plotly-partybuild.min.js from tools/plotly-bundle (needs Node.js and npm)
	cd tools/plotly-bundle && npm ci --no-audit --no-fund && npm run build

clean: ## remove the venv, the sample warehouse and caches
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
