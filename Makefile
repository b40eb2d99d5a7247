# One-command workflows. `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint format migrations-check migrate demo admin serve clean typescript-client

run: install migrate demo admin serve  ## Set up and serve on http://127.0.0.1:8000 (admin at /admin/)

test: install lint  ## Lint, then the whole test suite (DATABASE_URL picks the database)
	$(BIN)/pytest

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
	$(MANAGE) ensure_dev_admin

serve: install
	$(MANAGE) runserver $(HOST):$(PORT)

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache

typescript-client: install  ## Regenerate clients/typescript/ (OpenAPI document, types) and type-check it
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) spectacular --format openapi-json --file clients/typescript/openapi.json
	cd clients/typescript && npm ci --no-audit --no-fund && npm run generate && npm run typecheck
