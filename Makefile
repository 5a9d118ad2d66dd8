# The two commands of the README: `make demo` and `make test`. Both need nothing but python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.installed-cli
export PATH := $(CURDIR)/$(BIN):$(PATH)
# The suite starts `kling` in many subprocesses: let them load cached bytecode, not recompile.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: venv demo test lint typecheck regen regen-check spec-check unit bench bench-check live clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

# The demo needs only the CLI: its own lighter install, not the whole dev extra.
$(DEMO_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[cli]'
	@touch $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/kling demo --output out/

test: venv lint typecheck regen-check unit

lint: venv
	$(BIN)/ruff check kling_ext tests benchmarks scripts/regenerate conftest.py
	$(BIN)/ruff format --check kling_ext tests benchmarks scripts/regenerate conftest.py

typecheck: venv
	$(BIN)/mypy --strict kling_ext

regen: venv
	$(BIN)/python scripts/regenerate

regen-check: venv
	$(BIN)/python scripts/regenerate --check

unit: venv
	$(BIN)/python -m pytest -q

bench: venv
	$(BIN)/python -m benchmarks

bench-check: venv
	$(BIN)/python -m benchmarks --check

# Opt-in: the conformance suite against the real gateway with your key (never part of `make test`).
live: venv
	KLING_LIVE=1 $(BIN)/python -m pytest -q tests/live

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis out
