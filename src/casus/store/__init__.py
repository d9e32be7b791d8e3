"""The event store: documents, reports, claims and merged events in DuckDB or PostgreSQL
(docs/store.md)."""

from casus.store.backend import is_postgres
from casus.store.schema import SCHEMA_VERSION
from casus.store.store import Added, EventFilter, Store, open_store

__all__ = ["SCHEMA_VERSION", "Added", "EventFilter", "Store", "is_postgres", "open_store"]
