"""``casus export --format ucdp|acled|geojson|parquet|jsonl -o FILE``: stored events out."""

from __future__ import annotations


import typer
from rich.console import Console

from casus.cli.events import event_filter, open_or_exit
from casus.cli.options import DB_HELP, Actor, Country, EventType, Since, Until

err = Console(stderr=True)


def export(
    fmt: str = typer.Option(..., "--format", "-f", help="ucdp, acled, geojson, parquet or jsonl."),
    output: str = typer.Option(..., "-o", "--output", help="File to write."),
    db: str = typer.Option("casus.duckdb", "--db", help=DB_HELP),
    country: Country = None,
    since: Since = None,
    until: Until = None,
    actor: Actor = None,
    event_type: EventType = None,
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
