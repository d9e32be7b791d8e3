# The two commands of the README: `make install` (set up, then run the main job on the bundled
# samples) and `make test` (the whole suite). Both install what they need themselves.
UV_ENV := UV_PYTHON_DOWNLOADS=never UV_LINK_MODE=copy
UV := $(UV_ENV) $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)

.PHONY: install setup test eval schema

setup:
	@command -v uv >/dev/null 2>&1 || test -x $(HOME)/.local/bin/uv || python3 -m pip install --quiet --user uv
	$(UV) sync --frozen

install: setup
	.venv/bin/casus extract samples -o events.jsonl

test: setup
	.venv/bin/python -m pytest

eval: setup
	.venv/bin/python eval/evaluate.py

schema: setup
	.venv/bin/python scripts/event_schema.py > docs/event-record.schema.json
