# One-command workflows. `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Where `make run` writes what its steps print (pip, migrations, modeltranslation's SQL).
RUN_LOG := var/log/make-run.log
STEP := cms/scripts/step $(RUN_LOG)

.PHONY: run test install lint format migrations-check migrate demo admin serve worker clean typescript-client

# Set up and serve on http://$(HOST):$(PORT) (admin at /admin/): a progress line per step, the
# details in $(RUN_LOG), its last lines shown if a step fails.
run:
	@mkdir -p $(dir $(RUN_LOG)) && : >$(RUN_LOG)
	@echo "make run: setting up (details in $(RUN_LOG))"
	@$(STEP) "Installing Python packages into $(VENV) (the first time takes a few minutes)" \
		$(MAKE) --no-print-directory install
	@$(STEP) "Migrating the database" $(MANAGE) migrate --noinput
	@$(STEP) "Loading the demo articles" $(MANAGE) load_demo
	@echo
	@$(MANAGE) ensure_dev_admin --host $(HOST) --port $(PORT)
	@echo "Stop the server with Ctrl-C. Setup details: $(RUN_LOG)"
	@echo
	@$(MANAGE) runserver $(HOST):$(PORT)

# Test workers (pytest-xdist): one per core, at most 4; TEST_WORKERS=0 runs in one process.
# xdist's default distribution keeps pytest-django's order (transactional tests, which empty the
# database, last); --dist loadfile would run them between other files' tests, and worksteal could
# hand a worker a database test after a transactional one. Chunks of at most TEST_CHUNK tests,
# each extended to the end of its module (tests/scheduling.py), keep both workers busy to the end
# without building a module's shared data on both (docs/performance.md, "The test suite's own
# time").
TEST_WORKERS ?= auto
TEST_CHUNK ?= 4

test: install lint  ## Lint, then the whole test suite (DATABASE_URL picks the database)
	$(BIN)/pytest -n $(TEST_WORKERS) --maxprocesses 4 --maxschedchunk $(TEST_CHUNK) --durations 15

install: $(STAMP)

$(STAMP): requirements/base.txt requirements/dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	touch $(STAMP)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

migrate: install
	$(MANAGE) migrate --noinput

demo: install
	$(MANAGE) load_demo

admin: install
	$(MANAGE) ensure_dev_admin --host $(HOST) --port $(PORT)

serve: install
	$(MANAGE) runserver $(HOST):$(PORT)

worker: install  ## Run a background task worker (for TASKS_BACKEND=database)
	TASKS_BACKEND=database $(MANAGE) db_worker

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache

typescript-client: install  ## Regenerate clients/typescript/ (OpenAPI document, types) and type-check it
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) spectacular --format openapi-json --file clients/typescript/openapi.json
	cd clients/typescript && npm ci --no-audit --no-fund && npm run generate && npm run typecheck
