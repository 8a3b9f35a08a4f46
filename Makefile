# Two commands matter: `make run` (the whole system with demo data) and `make test` (whole suite).
# `make run` = kreishaus.quickstart: PostgreSQL, Redis, gunicorn, Celery worker and beat and a
# mail sink on this machine, production-like (DEBUG off); Ctrl-C stops all of them.
# `make dev` = Django's runserver with autoreload and DEBUG on, tasks run in-process.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed-stamp

.PHONY: install run dev test test-fast lint messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,quickstart]'
	@if [ -d locale ] && command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages -l de --ignore '.venv*' --ignore 'var*' >/dev/null; fi
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m kreishaus.quickstart --port $(PORT)

dev: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_data --if-empty
	$(PY) manage.py rebuild_search_index --if-empty
	SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not browser and not worker" $(PYTEST_ARGS)

# ruff, and the import contracts of pyproject.toml ([tool.importlinter]): a lower floor
# importing a higher one fails.
lint: install
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports --no-cache

# Texts are written in German in the code; locale/de only overrides the wording of
# third-party packages, so there is nothing for makemessages to collect (it would mark
# those overrides obsolete). Recompile after editing locale/de/LC_MESSAGES/django.po.
messages: install
	$(PY) manage.py compilemessages -l de --ignore '.venv*' --ignore 'var*'

clean:
	rm -rf $(VENV) var
