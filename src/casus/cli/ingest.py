"""``casus ingest PATH... [--db casus.duckdb]``: documents in, merged events into the store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casus.errors import CasusError, DocumentError
from casus.cli.options import DB_HELP, MaxBytes, Scheduler, Timeout, Workers, set_limits

if TYPE_CHECKING:
    from casus.store import Store

err = Console(stderr=True)


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively).", exists=False),
    db: str = typer.Option("casus.duckdb", "--db", help=DB_HELP),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of every document (default: detected)."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor registry YAML file(s)."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="A line for every document."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress or counts."),
    max_bytes: MaxBytes = None,
    timeout: Timeout = None,
    engine: str = typer.Option("serial", "--engine", help="serial, or dask: extraction on Dask workers, one writer (docs/scaling.md)."),
    scheduler: Scheduler = None,
    workers: Workers = 2,
) -> None:
    """Extract events from documents and store them, merged with the reports already stored."""
    from casus.extract.pipeline import extract as extract_events
    from casus.extract.actors import registry
    from casus.ingest import read_paths
    from casus.store import open_store

    set_limits(max_bytes, timeout, err)

    extra = tuple(str(a) for a in actors)
    try:
        store = open_store(db)
    except CasusError as exc:
        _say("error", str(exc), "red")
        raise typer.Exit(2) from exc
    if engine != "serial":
        return _on_engine(store, paths, lang, extra, verbose, quiet, engine, scheduler, workers)
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
                _say("refused", f"{item.doc_id}: {item.reason}", "red")
                continue
            read += 1
            progress.update(task, description=item.doc_id[-50:])
            if store.stored_as(item) is not None:
                unchanged += 1
                if verbose:
                    _say("unchanged", item.doc_id)
                continue
            try:
                events = extract_events(item, actors=extra)
            except CasusError as exc:
                refused += 1
                _say("refused", str(exc), "red")
                continue
            added = store.add(item, events, registry(extra))
            if not added.stored:
                unchanged += 1
                continue
            stored, reports = stored + 1, reports + added.reports
            new, merged = new + added.new_events, merged + added.merged
            if verbose:
                _say("stored", f"{item.doc_id}: {added.reports} events ({added.new_events} new, {added.merged} merged)")
        counts = store.counts()
    if not quiet:
        err.print(
            f"{read} read, {stored} stored ({reports} events: {new} new, {merged} merged into earlier ones), "
            f"{unchanged} unchanged, {refused} refused; the store holds {counts['documents']} documents "
            f"and {counts['events']} events"
        )
    if read == 0 and refused:
        raise typer.Exit(1)


def _say(label: str, message: str, style: str | None = None) -> None:
    """One line about a document, printed as it is: ids and paths from untrusted input are never
    read as markup ("[/x]" in a feed id stopped the run with a MarkupError)."""
    err.print(label, style=style, end=" ")
    err.print(message, markup=False, highlight=False, soft_wrap=True)


def _plain(line: str) -> None:
    """A line from the engine, never read as markup (it holds ids and paths)."""
    err.print(line, markup=False, highlight=False, soft_wrap=True)


def _on_engine(store: Store, paths: list[Path], lang: Optional[str], extra: tuple[str, ...], verbose: bool,
               quiet: bool, engine: str, scheduler: Optional[str], workers: int) -> None:
    """The same command with extraction on Dask workers and this process the one writer."""
    from casus.engine.commands import EngineOptions, ingest as ingest_on_engine

    with store:
        if engine != "dask":
            raise typer.BadParameter(f"unknown engine {engine!r} (serial or dask)", param_hint="--engine")
        c = ingest_on_engine(store, paths, lang, extra, EngineOptions(scheduler=scheduler, workers=workers), _plain,
                             verbose)
        counts = store.counts()
    if not quiet:
        err.print(
            f"{c.read} read, {c.stored} stored ({c.reports} events: {c.new} new, {c.merged} merged into earlier ones), "
            f"{c.unchanged} unchanged, {c.refused} refused; the store holds {counts['documents']} documents "
            f"and {counts['events']} events"
        )
    if c.read == 0 and c.refused:
        raise typer.Exit(1)
