# Two commands (see README):
#   make demo   set up and code the bundled example article
#   make test   set up and run the test suite
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test bench clean

# demo needs the package only; tests also need the dev and Spark extras (pytest, Playwright, PySpark)
$(VENV)/.base: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(BIN)/pip install -q -e ".[dev,spark]"
	touch $@

setup: $(VENV)/.dev

demo: $(VENV)/.base
	$(BIN)/eventcoder extract examples/nato-russia-brussels-2015.txt

test: $(VENV)/.dev
	$(BIN)/python -m pytest -q

bench: $(VENV)/.dev
	$(BIN)/python bench/throughput.py --n 200

clean:
	rm -rf $(VENV) build dist src/*.egg-info
