# The commands of the README: `make demo`, `make test` (the gate) and `make check` (the quick
# loop). They need nothing but python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.installed-cli
export PATH := $(CURDIR)/$(BIN):$(PATH)
# The suite starts `kling` in many subprocesses: let them load cached bytecode, not recompile.
unexport PYTHONDONTWRITEBYTECODE

# The suite runs on pytest-xdist workers, two per core: many tests wait (on a subprocess, a
# deadline, a socket), so one per core leaves the cores idle. `worksteal`, not `loadgroup`:
# loadgroup drops schemathesis's sub-test reports, so a broken mock would pass
# (tests/contract/test_parallel_failures.py holds this line to that).
WORKERS ?= $(shell echo $$(( 2 * $$(nproc 2>/dev/null || echo 1) )))
PYTEST_PARALLEL := -n $(WORKERS) --dist worksteal

.PHONY: venv demo test check lint typecheck regen regen-check spec-check unit bench bench-check live clean

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

# The gate (CI runs it): lint, mypy, the regeneration check and every test. The checks run while
# the tests do (`make -j`, quieter output with -O); any failure fails the target.
test: venv
	$(MAKE) --no-print-directory -j4 -Otarget lint typecheck regen-check unit

# The quick loop: ruff and every test not marked slow (no subprocess, no real-clock deadline).
check: venv lint
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) -m "not slow"

lint: venv
	$(BIN)/ruff check kling_ext _kling_cli.py tests benchmarks scripts/regenerate scripts/readme_tables conftest.py
	$(BIN)/ruff format --check kling_ext _kling_cli.py tests benchmarks scripts/regenerate scripts/readme_tables conftest.py

typecheck: venv
	$(BIN)/mypy --strict kling_ext _kling_cli.py

regen: venv
	$(BIN)/python scripts/regenerate

regen-check: venv
	$(BIN)/python scripts/regenerate --check

unit: venv
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL)

bench: venv
	$(BIN)/python -m benchmarks

bench-check: venv
	$(BIN)/python -m benchmarks --check

# Opt-in: the conformance suite against the real gateway with your key (never part of `make test`).
live: venv
	KLING_LIVE=1 $(BIN)/python -m pytest -q tests/live

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis out
