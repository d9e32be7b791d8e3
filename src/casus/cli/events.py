"""``casus events`` (stored events as a table, with filters) and ``casus show EVENT_ID`` (one
event with every claim, its quote, claimant, date and document)."""

from __future__ import annotations

from datetime import date
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from casus.cli.options import DB_HELP, Actor, Country, EventType, Since, Until
from casus.errors import CasusError
from casus.model import Event

out = Console(width=None if Console().is_terminal else 160)  # a pipe or log gets whole rows
err = Console(stderr=True)


def parse_day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from exc


def event_filter(country: str | None, since: str | None, until: str | None, actor: str | None,
                 event_type: str | None, limit: int | None = None):
    from casus.store import EventFilter

    return EventFilter(country=country, since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                       actor=actor, event_type=event_type, limit=limit)


def open_or_exit(db: str):
    from casus.store import open_store

    try:
        return open_store(db, read_only=True)
    except CasusError as exc:
        err.print(f"[red]error[/] {exc}")
        raise typer.Exit(2) from exc


def _when(e: Event) -> str:
    if e.date_start is None:
        return "?"
    text = e.date_start.isoformat()
    if e.date_end and e.date_end != e.date_start:
        text += f"…{e.date_end.isoformat()}"
    return text


def _deaths(low: int, best: int, high: int) -> str:
    return str(best) if low == best == high else f"{best} ({low}–{high})"


def _place(e: Event) -> str:
    return ", ".join(p for p in (e.location, e.adm_1, e.country) if p) or "?"


def events(
    db: str = typer.Option("casus.duckdb", "--db", help=DB_HELP),
    country: Country = None,
    since: Since = None,
    until: Until = None,
    actor: Actor = None,
    event_type: EventType = None,
    limit: Optional[int] = typer.Option(50, "--limit", help="At most this many events (0: all)."),
) -> None:
    """List stored events as a table."""
    where = event_filter(country, since, until, actor, event_type, limit or None)
    with open_or_exit(db) as store:
        found = store.events(where)
        total = store.counts()["events"]
    table = Table(title=f"{len(found)} of {total} events", title_justify="left")
    for col in ("event", "date", "place", "side A", "side B", "type", "deaths", "docs", "claims"):
        table.add_column(col, overflow="fold")
    for e in found:
        table.add_row(e.event_id, _when(e), _place(e), e.side_a or "", e.side_b or "",
                      e.sub_event_type or e.event_type or "", _deaths(e.low, e.best, e.high),
                      str(len(e.doc_ids)), str(len(e.claims)))
    out.print(table)


def show(
    event_id: str = typer.Argument(..., help="An event id (or a unique prefix of one)."),
    db: str = typer.Option("casus.duckdb", "--db", help=DB_HELP),
) -> None:
    """Print one event with all its claims, their quotes, claimants, dates and sources."""
    with open_or_exit(db) as store:
        event = store.event(event_id)
        docs = store.documents(event.doc_ids) if event else {}
    if event is None:
        err.print(f"[red]error[/] no event {event_id!r} (or the prefix is not unique)")
        raise typer.Exit(1)
    e = event
    out.print(f"[bold]{e.event_id}[/]  {e.title or ''}")
    rows = [
        ("date", f"{_when(e)} (date_prec {e.date_prec})"),
        ("place", f"{_place(e)}  [{e.latitude}, {e.longitude}] (where_prec {e.where_prec})"),
        ("sides", f"A: {e.side_a or '?'} {e.side_a_actors}  B: {e.side_b or '?'} {e.side_b_actors}"),
        ("type", f"UCDP {e.type_of_violence or '?'}; ACLED {e.event_type or '?'} / {e.sub_event_type or '?'}"),
        ("deaths", f"low {e.low}, best {e.best}, high {e.high} (A {e.deaths_a.best}, B {e.deaths_b.best}, "
                   f"civilians {e.deaths_civilians.best}, unknown {e.deaths_unknown.best})"),
        ("reconciled", e.reconciliation),
    ]
    for k, v in rows:
        out.print(f"  [bold]{k:>10}[/] {v}")
    claims = Table(title=f"{len(e.claims)} claims", title_justify="left")
    for col in ("date", "document", "claimant", "stance", "claim", "side", "figure", "quote"):
        claims.add_column(col, overflow="fold")
    for c in e.claims:
        figure = "" if c.low is None else str(c.low) if c.high in (None, c.low) else f"{c.low}–{c.high}"
        claims.add_row(c.claim_date.isoformat() if c.claim_date else "", c.doc_id,
                       f"{c.claimant or ''} ({c.claimant_side})", c.stance, c.kind, c.side,
                       ("~" if c.approx else "") + figure, c.quote)
    out.print(claims)
    sources = Table(title=f"{len(e.doc_ids)} documents", title_justify="left")
    for col in ("document", "published", "title", "url"):
        sources.add_column(col, overflow="fold")
    for d in e.doc_ids:
        info = docs.get(d, {})
        sources.add_row(d, str(info.get("published") or ""), info.get("title") or "", info.get("url") or "")
    out.print(sources)
