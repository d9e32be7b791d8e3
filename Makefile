# The two commands of the README: `make install` (set up, then run the main job on the bundled
# samples) and `make test` (the whole suite). Both install what they need themselves.
UV_ENV := UV_PYTHON_DOWNLOADS=never UV_LINK_MODE=copy
UV := $(UV_ENV) $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)

.PHONY: install setup test-deps test eval schema screenshot

setup:
	@command -v uv >/dev/null 2>&1 || test -x $(HOME)/.local/bin/uv || python3 -m pip install --quiet --user uv
	$(UV) sync --frozen
	$(UV) run --frozen python -m casus.resolve.world

# What only the tests need, from Debian's packages when missing: a PostgreSQL server for the
# store tests (tests/store/postgres.py starts it), and Chromium for the browser tests (tests/web/).
test-deps:
	@command -v chromium >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

# The main job: the bundled samples into the embedded database (casus.duckdb), the events as
# JSON Lines (events.jsonl), and a table of them.
install: setup
	.venv/bin/casus ingest samples
	.venv/bin/casus export --format jsonl -o events.jsonl
	.venv/bin/casus events

test: setup test-deps
	.venv/bin/python -m pytest

eval: setup
	.venv/bin/python eval/evaluate.py

# The page's picture in docs/ (the suite writes it to build/screenshot.png on every run).
screenshot: setup test-deps
	CASUS_SCREENSHOT=docs/screenshot.png .venv/bin/python -m pytest tests/web -q -k screenshot

schema: setup
	.venv/bin/python scripts/event_schema.py > docs/event-record.schema.json
