"""``casus eval acled EXPORT.csv...``: casus read against ACLED's own coding of the same notes."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Measure casus against coded datasets.", no_args_is_help=True)
err = Console(stderr=True)


@app.command("acled")
def acled(
    paths: list[Path] = typer.Argument(..., help="ACLED CSV export(s), old or new layout."),
    sample_n: int = typer.Option(0, "--sample", help="Only N rows, the same on every run (0: all)."),
    country: Optional[str] = typer.Option(None, "--country", help="Only rows of this country (ACLED's name)."),
    misses: int = typer.Option(0, "--misses", help="Also list N rows where casus disagrees."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON on stdout."),
) -> None:
    """For each ACLED row, run casus on its notes and report how often it agrees with ACLED."""
    from casus.evaluation.acled import evaluate, sample
    from casus.evaluation.acled_csv import AcledFileError, read_acled
    from casus.evaluation.report import report

    rows, skipped = [], []
    for p in paths:
        try:
            rows += list(read_acled(p, skipped))
        except AcledFileError as exc:
            err.print(f"[red]refused[/red] {exc}", highlight=False)
            raise typer.Exit(2) from None
    for s in skipped:
        err.print(f"[yellow]skipped[/yellow] {s}", highlight=False)
    if country:
        rows = [r for r in rows if r.country.lower() == country.lower()]
    rows = sample(rows, sample_n)
    if not rows:
        err.print("no ACLED rows to measure")
        raise typer.Exit(1)
    t = time.perf_counter()
    outcomes = list(evaluate(rows))
    figures = report(outcomes)
    figures["seconds"] = round(time.perf_counter() - t, 1)
    figures["skipped"] = len(skipped)  # rows without notes or date, named above
    for o in outcomes:
        if o.error:
            err.print(f"[yellow]refused[/yellow] {o.error}", highlight=False)
    if as_json:
        json.dump(figures, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        out = Console(width=200)
        out.print(_shares_table(figures))
        out.print(_confusion_table(figures["confusion"]))
        out.print(f"{figures['rows']} rows, {figures['skipped']} skipped, {figures['refused']} refused, "
                  f"{figures['seconds']} s")
    if misses:
        _misses(outcomes, misses)


def _shares_table(figures: dict) -> Table:
    countries = list(figures["by_country"])
    table = Table(title="casus against ACLED: share of rows that agree")
    table.add_column("measure")
    table.add_column(f"all (n={figures['rows']})", justify="right")
    for c in countries:
        table.add_column(c, justify="right")
    for label, f in figures["overall"].items():
        cells = [_cell(f)] + [_cell(figures["by_country"][c][label]) for c in countries]
        table.add_row(label, *cells)
    return table


def _cell(f: dict) -> str:
    return f"{f['share']:.2f} ({f['n']})" if f["n"] else "–"


def _confusion_table(conf: dict[str, dict[str, int]]) -> Table:
    cols = sorted({c for row in conf.values() for c in row})
    table = Table(title="event types: ACLED (rows) × casus (columns)")
    table.add_column("ACLED")
    for c in cols:
        table.add_column(c, justify="right")
    for acled_type, row in conf.items():
        table.add_row(acled_type, *(str(row.get(c, "")) for c in cols))
    return table


def _misses(outcomes: list, n: int) -> None:
    shown = 0
    for o in outcomes:
        if shown >= n:
            break
        if o.found and o.event_type and o.date_exact:
            continue
        shown += 1
        e = o.event
        ours = "no event" if e is None else (f"{e.event_type} / {e.sub_event_type}, {e.date_start}–{e.date_end}, "
                                             f"{e.adm_1}, {e.fatalities} killed, {o.ours_actor1} v {o.ours_actor2}")
        err.print(f"[bold]{o.row.event_id}[/bold] ACLED: {o.row.event_type} / {o.row.sub_event_type}, "
                  f"{o.row.event_date}, {o.row.admin1}, {o.row.fatalities} killed, {o.row.actor1} v {o.row.actor2}\n"
                  f"  casus: {ours}\n  note: {o.row.notes[:300]}", highlight=False)
