# Two entry points (see README): `make run` and `make test`. Everything else is set-up they share.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.requirements-installed

.PHONY: setup run test bench data assets system-deps clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $(STAMP)

assets:
	bash scripts/fetch_assets.sh

setup: $(STAMP) assets

system-deps:
	bash scripts/system_deps.sh

## Set up and open the dashboard on the built-in data at http://localhost:8501
run: setup
	$(BIN)/python -m ui.serve --server.headless true --server.port 8501

## Set up (incl. chromium, fonts, PostGIS when root) and run every test
test: setup system-deps
	bash scripts/test.sh

## Print the benchmark tables (see bench/README.md)
bench: setup
	$(BIN)/python -m bench

## Rebuild data/ from ../shared/data (see data/SOURCES.md)
data: $(STAMP)
	$(BIN)/python scripts/build_data.py

clean:
	rm -rf $(VENV) static/vendor
