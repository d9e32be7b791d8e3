"""``casus export --format ucdp|acled|geojson|parquet|jsonl -o FILE``: stored events out."""

from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console

from casus.cli.events import DB_HELP, event_filter, open_or_exit

err = Console(stderr=True)


def export(
    fmt: str = typer.Option(..., "--format", "-f", help="ucdp, acled, geojson, parquet or jsonl."),
    output: str = typer.Option(..., "-o", "--output", help="File to write."),
    db: str = typer.Option("casus.duckdb", "--db", help=DB_HELP),
    country: Optional[str] = typer.Option(None, "--country", help="Country name or ISO3."),
    since: Optional[str] = typer.Option(None, "--since", help="Events ending on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Events starting on or before this date."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Part of a side's or actor's name."),
    event_type: Optional[str] = typer.Option(None, "--event-type", help="ACLED event or sub-event type."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No count on stderr."),
) -> None:
    """Export stored events as UCDP GED CSV, ACLED CSV, GeoJSON, Parquet or JSON Lines."""
    from casus.export import FORMATS, export as write

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: one of {', '.join(FORMATS)}", param_hint="--format")
    where = event_filter(country, since, until, actor, event_type)
    with open_or_exit(db) as store:
        events = store.events(where)
        docs = store.documents({d for e in events for d in e.doc_ids})
    n = write(fmt, events, output, docs)
    if not quiet:
        unit = {"acled": "rows (event-days)", "ucdp": "rows", "geojson": "features"}.get(fmt, "events")
        err.print(f"{len(events)} events: {n} {unit} written to {output}")
