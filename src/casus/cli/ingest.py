"""``casus ingest PATH... [--db casus.duckdb]``: documents in, merged events into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casus.errors import CasusError, DocumentError
from casus.limits import MAX_BYTES_HELP, TIMEOUT_HELP, configure as configure_limits

err = Console(stderr=True)
DB_HELP = "DuckDB file or postgresql:// URL."


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively).", exists=False),
    db: str = typer.Option("casus.duckdb", "--db", help=DB_HELP),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of every document (default: detected)."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor registry YAML file(s)."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="A line for every document."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress or counts."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
    timeout: Optional[float] = typer.Option(None, "--timeout", help=TIMEOUT_HELP),
) -> None:
    """Extract events from documents and store them, merged with the reports already stored."""
    from casus.extract.pipeline import extract as extract_events
    from casus.extract.actors import registry
    from casus.ingest import read_paths
    from casus.store import open_store

    try:
        configure_limits(max_bytes=max_bytes, timeout=timeout)
    except CasusError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc

    extra = tuple(str(a) for a in actors)
    try:
        store = open_store(db)
    except CasusError as exc:
        err.print(f"[red]error[/] {exc}")
        raise typer.Exit(2) from exc
    read = stored = unchanged = refused = reports = new = merged = 0
    with store, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        TimeElapsedColumn(), console=err, transient=True, disable=quiet or not err.is_terminal,
    ) as progress:
        task = progress.add_task("", total=None)
        for item in read_paths(paths, lang=lang):
            progress.advance(task)
            if isinstance(item, DocumentError):
                refused += 1
                err.print(f"[red]refused[/] {item.doc_id}: {item.reason}")
                continue
            read += 1
            progress.update(task, description=item.doc_id[-50:])
            if store.stored_as(item) is not None:
                unchanged += 1
                if verbose:
                    err.print(f"unchanged {item.doc_id}")
                continue
            try:
                events = extract_events(item, actors=extra)
            except CasusError as exc:
                refused += 1
                err.print(f"[red]refused[/] {exc}")
                continue
            added = store.add(item, events, registry(extra))
            if not added.stored:
                unchanged += 1
                continue
            stored, reports = stored + 1, reports + added.reports
            new, merged = new + added.new_events, merged + added.merged
            if verbose:
                err.print(f"stored {item.doc_id}: {added.reports} events ({added.new_events} new, {added.merged} merged)")
        counts = store.counts()
    if not quiet:
        err.print(
            f"{read} read, {stored} stored ({reports} events: {new} new, {merged} merged into earlier ones), "
            f"{unchanged} unchanged, {refused} refused; the store holds {counts['documents']} documents "
            f"and {counts['events']} events"
        )
    if read == 0 and refused:
        raise typer.Exit(1)
