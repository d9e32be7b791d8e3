"""Options several commands share, defined once (Typer reads them from ``Annotated`` types)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console

from casus.errors import CasusError
from casus.limits import MAX_BYTES_HELP, TIMEOUT_HELP, configure as configure_limits

DB_HELP = "DuckDB file or postgresql:// URL."

Db = Annotated[str, typer.Option("--db", help=DB_HELP)]

# filters of stored events (casus events, casus export)
Country = Annotated[Optional[str], typer.Option("--country", help="Country name or ISO3.")]
Since = Annotated[Optional[str], typer.Option("--since", help="Events ending on or after this date (YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option("--until", help="Events starting on or before this date.")]
Actor = Annotated[Optional[str], typer.Option("--actor", help="Part of a side's or actor's name.")]
EventType = Annotated[Optional[str], typer.Option("--event-type", help="ACLED event or sub-event type.")]

# document limits (casus extract, casus ingest)
MaxBytes = Annotated[Optional[int], typer.Option("--max-bytes", help=MAX_BYTES_HELP)]
Timeout = Annotated[Optional[float], typer.Option("--timeout", help=TIMEOUT_HELP)]

# the distributed engine (casus extract, casus ingest)
Scheduler = Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: a scheduler address (default: a local cluster).")]
Workers = Annotated[int, typer.Option("--workers", help="With --engine dask: local worker processes, one core each.")]


def set_limits(max_bytes: int | None, timeout: float | None, err: Console) -> None:
    """Apply --max-bytes / --timeout; a bad value ends the command with exit code 2."""
    try:
        configure_limits(max_bytes=max_bytes, timeout=timeout)
    except CasusError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
