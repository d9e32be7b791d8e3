"""One small connection interface over DuckDB (a file) and PostgreSQL (a ``postgresql://`` URL).

SQL is written once with ``?`` placeholders; the PostgreSQL connection turns them into
psycopg's ``%s``. Transactions are explicit: ``with conn.transaction(): ...`` commits on
success and rolls back on any exception.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casus.errors import ConfigError

Row = tuple[Any, ...]


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


class Connection:
    """A database connection: execute, fetch, and a transaction context."""

    dialect = "duckdb"

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def _sql(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.raw.execute(self._sql(sql), list(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.raw.executemany(self._sql(sql), [list(r) for r in rows])

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self.raw.execute(self._sql(sql), list(params))
        return [tuple(r) for r in cur.fetchall()]

    def columns(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Row]]:
        cur = self.raw.execute(self._sql(sql), list(params))
        rows = [tuple(r) for r in cur.fetchall()]
        return [d[0] for d in cur.description], rows

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def close(self) -> None:
        self.raw.close()


class PostgresConnection(Connection):
    dialect = "postgresql"

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.raw.cursor() as cur:
            cur.execute(self._sql(sql), list(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.raw.cursor() as cur:
                cur.executemany(self._sql(sql), [list(r) for r in rows])

    def columns(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Row]]:
        with self.raw.cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            rows = [tuple(r) for r in cur.fetchall()]
            return [d.name for d in cur.description], rows

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.columns(sql, params)[1]


def connect(url: str, read_only: bool = False) -> Connection:
    """A connection to a DuckDB file path or a PostgreSQL URL. Raises ConfigError."""
    if is_postgres(url):
        import psycopg

        try:
            return PostgresConnection(psycopg.connect(url, autocommit=True))
        except psycopg.Error as exc:
            raise ConfigError(f"cannot connect to {_redacted(url)}: {exc}") from exc
    import duckdb

    if read_only and not Path(url).exists():
        raise ConfigError(f"no database at {url} (run `casus ingest` first)")
    try:
        return Connection(duckdb.connect(url, read_only=read_only))
    except duckdb.Error as exc:
        raise ConfigError(f"cannot open {url}: {exc}") from exc


def _redacted(url: str) -> str:
    """The URL without its password."""
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, creds = head.partition("//")
    return f"{scheme}//{creds.split(':', 1)[0]}:***@{tail}"
