"""``casus export --format ucdp|acled|geojson|parquet|jsonl -o FILE``: stored events out."""

from __future__ import annotations


from enum import Enum

import typer
from rich.console import Console

from casus.cli.outputs import check_writable, fail
from casus.export import FORMATS

from casus.cli.events import event_filter, open_or_exit
from casus.cli.options import DB_HELP, Actor, Country, EventType, Since, Until

err = Console(stderr=True)

ExportFormat = Enum("ExportFormat", {f: f for f in FORMATS}, type=str)  # type: ignore[misc]


def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="The export format (docs/exports.md)."),
    output: str = typer.Option(..., "-o", "--output", metavar="FILE", help="File to write; - for standard output."),
    db: str = typer.Option("casus.duckdb", "--db", help=DB_HELP),
    country: Country = None,
    since: Since = None,
    until: Until = None,
    actor: Actor = None,
    event_type: EventType = None,
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No count on stderr."),
) -> None:
    """Export stored events as UCDP GED CSV, ACLED CSV, GeoJSON, Parquet or JSON Lines."""
    from casus.export import export as write

    fmt = fmt.value
    check_writable(output)
    where = event_filter(country, since, until, actor, event_type)
    with open_or_exit(db) as store:
        events = store.events(where)
        docs = store.documents({d for e in events for d in e.doc_ids})
        updated = _updated(store) if fmt == "acled" else None
    try:
        n = write(fmt, events, output, docs, updated=updated)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    if not quiet:
        unit = {"acled": "rows (event-days)", "ucdp": "rows", "geojson": "features"}.get(fmt, "events")
        left = " (undated events left out: GED has no undated rows)" if fmt == "ucdp" and n < len(events) else ""
        err.print(f"{len(events)} events: {n} {unit} written to {'standard output' if output == '-' else output}{left}",
                  markup=False, highlight=False)


def _updated(store) -> dict[str, int]:
    """event_id → Unix time (UTC) the event last changed: ACLED's ``timestamp``."""
    from datetime import UTC

    return {eid: int(at.replace(tzinfo=UTC).timestamp())
            for eid, at in store.conn.fetch("SELECT event_id, updated_at FROM events")}
