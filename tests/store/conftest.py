"""Store tests run on DuckDB and on a real PostgreSQL server (tests/store/postgres.py)."""

from __future__ import annotations

import pytest

from tests.store.postgres import postgres_server, postgres_url  # noqa: F401


@pytest.fixture(params=["duckdb", "postgresql"])
def store_url(request, tmp_path):
    """A fresh store, once in a DuckDB file and once in PostgreSQL."""
    if request.param == "duckdb":
        return str(tmp_path / "casus.duckdb")
    return request.getfixturevalue("postgres_url")
