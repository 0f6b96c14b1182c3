# Two commands a user needs: `make run` and `make test`. Each sets up its virtual environment first
# (once per Python version, again only when pyproject.toml changes).
PYTHON ?= python3
PYTHON_TAG := $(shell $(PYTHON) -c 'import sys; print("py%d%d" % sys.version_info[:2])')
VENV ?= .venv/$(PYTHON_TAG)
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: setup run test test-fast typecheck schema model ship-model clean

setup: $(INSTALLED)

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	touch $@

run: setup
	$(BIN)/khabar extract --reference-date 2018-07-04 --format table

test: setup typecheck
	$(BIN)/python -m pytest

# The offset spaces kept apart, and the rule and candidate contracts (pyproject.toml [tool.mypy]).
typecheck: setup
	$(BIN)/python -m mypy

# The corpus and unit tests alone, for the edit-test loop (no shared corpora, processes or clusters).
test-fast: setup
	$(BIN)/python -m pytest -m 'not slow'

schema: setup
	$(BIN)/khabar schema -o schemas/document.schema.json

# The entity recognizer trained from PEYMA dev (../shared/data) on khabar's normalized text, fixed seed:
# model/prepare.py splits and converts, model/config.cfg trains (about 3 minutes on 2 cores) into
# model/build/pipeline; `make ship-model` puts model-best into the package (docs/model.md).
model: setup
	$(BIN)/python model/prepare.py
	$(BIN)/python -m spacy train model/config.cfg --output model/build/pipeline

ship-model: setup
	$(BIN)/python model/ship.py

clean:
	rm -rf .venv
