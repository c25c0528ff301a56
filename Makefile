# oretrace: `make demo` and `make test` work on a fresh Debian machine; both go through `make setup`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements-installer.lock requirements.lock pyproject.toml | sha256sum | cut -c1-12)
export ORETRACE_HOME ?= $(CURDIR)/.oretrace

.PHONY: setup system-deps demo test lint lock samples clean-demo eval-external bench

setup: system-deps $(STAMP)

system-deps:
	@scripts/install-system-deps.sh

# The environment is rebuilt only when a lock file or the project metadata changes. The pinned installer comes
# first; the project itself is built with the locked setuptools (no build isolation: nothing unpinned is fetched).
# tesserocr is compiled against the system's libtesseract: its wheel carries another Tesseract, which reads
# differently from the `tesseract` program.
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check
$(STAMP):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements-installer.lock
	$(PIP) install --require-hashes --no-binary tesserocr -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-* && touch $@

demo: setup
	$(BIN)/python -m samplegen.history
	$(BIN)/oretrace run sample_docs/inbox

test: setup
	@source scripts/postgres-test-db.sh && $(BIN)/python -m pytest

# Extraction scored on the third-party sets (see evaluation/adapters); EXTERNAL=tests/data/external for the CI copy.
EXTERNAL ?= ../shared/external
eval-external: setup
	$(BIN)/oretrace eval --external $(EXTERNAL) --misses

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# Re-pin every dependency after editing pyproject.toml; INSTALLER=pip==X.Y moves the pinned installer too.
INSTALLER ?= $(shell sed -n 's/^\(pip==[^ ]*\).*/\1/p' requirements-installer.lock)
lock:
	$(PIP) install uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --quiet -o requirements.lock
	echo "$(INSTALLER)" | $(BIN)/uv pip compile - --python-version 3.11 --generate-hashes --quiet \
		-o requirements-installer.lock

samples: setup
	$(BIN)/python -m samplegen --out sample_docs --seed 7 --families original

# Speed and memory figures beside their baselines (about 20 min on 2 cores); BENCH_ARGS="--small --json" etc.
bench: setup
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)
