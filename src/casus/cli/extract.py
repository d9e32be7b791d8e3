"""``casus extract PATH... -o FILE``: documents in, events out as JSON Lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casus.cli.summary import summary_table
from casus.errors import CasusError, DocumentError
from casus.export.jsonl import write_event
from casus.cli.options import MaxBytes, Scheduler, Timeout, Workers, set_limits

err = Console(stderr=True, width=None if Console(stderr=True).is_terminal else 160)


def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively).", exists=False),
    output: str = typer.Option("-", "-o", "--output", help="JSON Lines file to write, '-' for stdout."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of every document (default: detected)."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor registry YAML file(s)."),
    summary: bool = typer.Option(True, "--summary/--no-summary", help="Print a summary table on stderr."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress or summary."),
    max_bytes: MaxBytes = None,
    timeout: Timeout = None,
    engine: str = typer.Option("serial", "--engine", help="serial, or dask: extraction on Dask workers (docs/scaling.md)."),
    scheduler: Scheduler = None,
    workers: Workers = 2,
    parts: Optional[Path] = typer.Option(None, "--parts", help="With --engine dask: also write part-NNNNN.jsonl files here."),
) -> None:
    """Extract coded events from documents and write them as JSON Lines."""
    from casus.extract.pipeline import extract_many as extract_events
    from casus.ingest import read_paths

    set_limits(max_bytes, timeout, err)
    if engine != "serial":
        return _on_engine(paths, output, lang, actors, summary, quiet, engine, scheduler, workers, parts)

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        _refused(f"{p}: no such file or folder")
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    extracted = refused = len(missing)
    read = 0
    events_all = []
    extra = tuple(str(a) for a in actors)
    try:
        with Progress(
            TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            TimeElapsedColumn(), console=err, transient=True, disable=quiet or not err.is_terminal,
        ) as progress:
            task = progress.add_task("", total=None)
            # documents are parsed in batches (casus.extract.pipeline.extract_many); results, and
            # refusals of unreadable documents, still come one a document in input order
            for item, events in extract_events(read_paths([p for p in paths if p.exists()], lang=lang), actors=extra):
                progress.advance(task)
                if isinstance(item, DocumentError):
                    refused += 1
                    _refused(f"{item.doc_id}: {item.reason}")
                    continue
                read += 1
                progress.update(task, description=item.doc_id[-50:])
                if isinstance(events, CasusError):
                    refused += 1
                    _refused(str(events))
                    continue
                extracted += 1
                for event in events:
                    write_event(event, out)
                events_all += events
    finally:
        if out is not sys.stdout:
            out.close()
    if summary and not quiet and events_all:
        err.print(summary_table(events_all))
    if not quiet:
        err.print(f"{read} read, {extracted - len(missing)} extracted ({len(events_all)} events), {refused} refused")
    if read == 0:
        raise typer.Exit(1)


def _on_engine(paths: list[Path], output: str, lang: Optional[str], actors: list[Path], summary: bool, quiet: bool,
               engine: str, scheduler: Optional[str], workers: int, parts: Optional[Path]) -> None:
    """The same command with extraction on Dask workers (casus.engine)."""
    if engine != "dask":
        raise typer.BadParameter(f"unknown engine {engine!r} (serial or dask)", param_hint="--engine")
    from casus.engine.commands import EngineOptions, extract as extract_on_engine

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        _refused(f"{p}: no such file or folder")
    options = EngineOptions(scheduler=scheduler, workers=workers, parts=parts)
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    try:
        counts = extract_on_engine([p for p in paths if p.exists()], lang, tuple(str(a) for a in actors), out,
                                   options, _refused)
    finally:
        if out is not sys.stdout:
            out.close()
    if summary and not quiet and counts.events:
        table = summary_table(counts.first)
        table.title = f"{counts.events} events"
        table.caption = f"first {len(counts.first)} of {counts.events}" if counts.events > len(counts.first) else None
        err.print(table)
    if not quiet:
        err.print(f"{counts.read} read, {counts.extracted} extracted ({counts.events} events), "
                  f"{counts.refused + len(missing)} refused")
    if counts.read == 0:
        raise typer.Exit(1)


def _refused(message: str) -> None:
    """One line a refusal, printed as it is: paths are never wrapped or read as markup."""
    err.print("refused", style="red", end=" ")
    err.print(message, markup=False, highlight=False, soft_wrap=True)
