"""A readable table of events for the terminal."""

from __future__ import annotations

from rich.table import Table

from casus.model import Event


def _deaths(e: Event) -> str:
    return str(e.best) if e.low == e.high else f"{e.low}–{e.high} (best {e.best})"


def summary_table(events: list[Event], limit: int = 50) -> Table:
    table = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("date", "place", "side A", "side B", "type", "deaths", "claims"):
        table.add_column(col, overflow="fold")
    for e in events[:limit]:
        date = str(e.date_start or "?") + ("" if e.date_prec in (1, None) else f" (±{e.date_prec})")
        place = ", ".join(x for x in (e.location, e.adm_1, e.country) if x) or "?"
        kind = e.sub_event_type or e.event_type or ""
        table.add_row(date, place, e.side_a or "", e.side_b or "", kind, _deaths(e), str(len(e.claims)))
    if len(events) > limit:
        table.caption = f"first {limit} of {len(events)}"
    return table
