# The two commands of the README: `make install` (set up, then run the main job on the bundled
# samples) and `make test` (the whole suite). Both install what they need themselves.
UV_ENV := UV_PYTHON_DOWNLOADS=never UV_LINK_MODE=copy
UV := $(UV_ENV) $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)

.PHONY: install setup test eval schema

setup:
	@command -v uv >/dev/null 2>&1 || test -x $(HOME)/.local/bin/uv || python3 -m pip install --quiet --user uv
	$(UV) sync --frozen
	@# PostgreSQL server for the store tests (tests/store/postgres.py starts it): Debian's package
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

install: setup
	.venv/bin/casus extract samples -o events.jsonl

test: setup
	.venv/bin/python -m pytest

eval: setup
	.venv/bin/python eval/evaluate.py

schema: setup
	.venv/bin/python scripts/event_schema.py > docs/event-record.schema.json
