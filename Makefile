# oretrace: `make demo` and `make test` work on a fresh Debian machine; both go through `make setup`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)
export ORETRACE_HOME ?= $(CURDIR)/.oretrace

.PHONY: setup system-deps demo test lint lock samples clean-demo eval-external bench

setup: system-deps $(STAMP)

system-deps:
	@scripts/install-system-deps.sh

# The environment is rebuilt only when the lock file or the project metadata changes.
$(STAMP):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $@

demo: setup
	$(BIN)/oretrace run sample_docs/inbox

test: setup
	@source scripts/postgres-test-db.sh && $(BIN)/python -m pytest

# Extraction scored on the third-party sets (see evaluation/adapters); EXTERNAL=tests/data/external for the CI copy.
EXTERNAL ?= ../shared/external
eval-external: setup
	$(BIN)/oretrace eval --external $(EXTERNAL) --misses

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# Re-pin every dependency after editing pyproject.toml.
lock:
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --quiet -o requirements.lock

samples: setup
	$(BIN)/python -m samplegen --out sample_docs --seed 7

# Speed and memory figures beside their baselines (about 20 min on 2 cores); BENCH_ARGS="--small --json" etc.
bench: setup
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)
