"""Exports of stored events (docs/exports.md): UCDP GED and ACLED CSV, GeoJSON, Parquet, JSON Lines.

Every writer module has ``write(events, out, docs) -> count`` where ``docs`` maps doc_id to the
stored document's metadata (title, url, published); Parquet writes to a path, the others to
an open text file. Writers are imported when used (pyarrow is heavy).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

from casus.model import Event

FORMATS = ("ucdp", "acled", "geojson", "parquet", "jsonl")


def export(fmt: str, events: Iterable[Event], path: str | Path, docs: Mapping[str, Any],
           updated: Mapping[str, int] | None = None) -> int:
    """Write events to ``path`` (``-``: standard output) in a format; returns the rows (or
    features, or lines) written. ``updated``: event_id → Unix time it last changed (ACLED's
    ``timestamp``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    writer = import_module(f"casus.export.{fmt}")
    if str(path) == "-":
        if fmt == "parquet":
            return writer.write(events, sys.stdout.buffer, docs)
        n = writer.write(events, sys.stdout, docs, updated=updated)
        sys.stdout.flush()
        return n
    if fmt == "parquet":
        return writer.write(events, path, docs)
    with open(path, "w", encoding="utf-8", newline="") as out:
        return writer.write(events, out, docs, updated=updated)


__all__ = ["FORMATS", "export"]
