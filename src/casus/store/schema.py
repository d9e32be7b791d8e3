"""The store's tables as versioned DDL, one text for DuckDB and PostgreSQL alike.

    documents ─< event_sources >─ events ─ places
                   │    (one row per event as extracted from one document: a report)
                   └─< claims ─< spans
    actors: the registry entries (or bare names) that events and claims use
    schema_version: one row per migration applied

Only portable SQL: TEXT, INTEGER, BIGINT, DOUBLE PRECISION, DATE, BOOLEAN, TIMESTAMP; lists
and small records (actor lists, an event as extracted) are JSON in TEXT columns. docs/store.md
describes every column.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

_V1 = [
    """CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY,
        applied_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS documents (
        content_hash TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published DATE,
        lang TEXT,
        text TEXT NOT NULL,
        n_events INTEGER NOT NULL,
        seq BIGINT NOT NULL UNIQUE,
        ingested_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS places (
        place_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        country TEXT,
        iso3 TEXT,
        adm_1 TEXT,
        adm_2 TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION
    )""",
    """CREATE TABLE IF NOT EXISTS actors (
        name TEXT PRIMARY KEY,
        actor_type TEXT,
        country TEXT,
        government TEXT,
        registered BOOLEAN NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id TEXT PRIMARY KEY,
        title TEXT,
        date_start DATE,
        date_end DATE,
        date_prec INTEGER,
        country TEXT,
        iso3 TEXT,
        adm_1 TEXT,
        adm_2 TEXT,
        location TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        where_prec INTEGER,
        geo_precision INTEGER,
        place_id TEXT,
        side_a TEXT,
        side_b TEXT,
        side_a_actors TEXT NOT NULL,
        side_b_actors TEXT NOT NULL,
        type_of_violence INTEGER,
        event_type TEXT,
        sub_event_type TEXT,
        deaths_a_low INTEGER NOT NULL, deaths_a_best INTEGER NOT NULL, deaths_a_high INTEGER NOT NULL,
        deaths_b_low INTEGER NOT NULL, deaths_b_best INTEGER NOT NULL, deaths_b_high INTEGER NOT NULL,
        deaths_civilians_low INTEGER NOT NULL, deaths_civilians_best INTEGER NOT NULL,
        deaths_civilians_high INTEGER NOT NULL,
        deaths_unknown_low INTEGER NOT NULL, deaths_unknown_best INTEGER NOT NULL,
        deaths_unknown_high INTEGER NOT NULL,
        low INTEGER NOT NULL,
        best INTEGER NOT NULL,
        high INTEGER NOT NULL,
        fatalities INTEGER NOT NULL,
        reconciliation TEXT NOT NULL,
        n_sources INTEGER NOT NULL,
        updated_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS event_sources (
        source_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        extracted_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        ord INTEGER NOT NULL,
        record TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS claims (
        claim_id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        ord INTEGER NOT NULL,
        doc_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        side TEXT NOT NULL,
        subject TEXT,
        actor TEXT,
        low INTEGER,
        high INTEGER,
        approx BOOLEAN NOT NULL,
        claimant TEXT,
        claimant_side TEXT NOT NULL,
        claim_date DATE,
        stance TEXT NOT NULL,
        quote TEXT NOT NULL,
        context_start INTEGER,
        context_end INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS spans (
        claim_id TEXT NOT NULL,
        ord INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        PRIMARY KEY (claim_id, ord)
    )""",
    "CREATE INDEX IF NOT EXISTS events_date ON events (date_start)",
    "CREATE INDEX IF NOT EXISTS sources_event ON event_sources (event_id)",
    "CREATE INDEX IF NOT EXISTS claims_source ON claims (source_id)",
]

_V2 = [
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS where_description TEXT",
    # DuckDB (1.5.6) can replay its write-ahead log after a kill into secondary indexes that
    # miss rows (tests/cli/test_ingest.py caught it); scans use DuckDB's zone maps instead.
    "DROP INDEX IF EXISTS events_date",
    "DROP INDEX IF EXISTS sources_event",
    "DROP INDEX IF EXISTS claims_source",
]

MIGRATIONS: dict[int, list[str]] = {1: _V1, 2: _V2}
"""Version → the statements that bring the previous version to it. Append, never edit."""

TABLES = ("documents", "places", "actors", "events", "event_sources", "claims", "spans")
"""Data tables in the order a dump lists them."""

VOLATILE = {"documents": ("ingested_at",), "events": ("updated_at",)}
"""Columns that record when, not what: left out when two stores are compared."""
