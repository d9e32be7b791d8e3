"""The figures of an ACLED comparison: shares per field, overall and per country, and the
confusion table of event types."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from casus.evaluation.acled import Outcome

# (label, which rows count, whether the row agrees): the denominator is said in the label
MEASURES: list[tuple[str, Callable[[Outcome], bool], Callable[[Outcome], bool]]] = [
    ("event found", lambda o: True, lambda o: o.found),
    ("date exact", lambda o: True, lambda o: o.date_exact),
    ("date in coded range", lambda o: True, lambda o: o.date_in_range),
    ("date in range (undated)", lambda o: o.found and o.undated, lambda o: o.date_in_range),
    ("admin1", lambda o: bool(o.row.admin1), lambda o: o.admin1),
    ("distance <= 10 km", lambda o: o.row.latitude is not None, lambda o: o.km is not None and o.km <= 10),
    ("distance <= 50 km", lambda o: o.row.latitude is not None, lambda o: o.km is not None and o.km <= 50),
    ("event_type", lambda o: True, lambda o: o.event_type),
    ("sub_event_type", lambda o: True, lambda o: o.sub_event_type),
    ("fatalities exact", lambda o: o.row.fatalities is not None, lambda o: o.fatalities),
    ("fatalities ±1/±10%", lambda o: o.row.fatalities is not None, lambda o: o.fatalities_near),
    ("actor1 exact", lambda o: True, lambda o: o.actor1),
    ("actor1 relaxed", lambda o: True, lambda o: o.actor1_relaxed),
    ("actor2 exact", lambda o: True, lambda o: o.actor2),
    ("actor2 relaxed", lambda o: True, lambda o: o.actor2_relaxed),
]
NONE = "(no event)"


def shares(outcomes: list[Outcome]) -> dict[str, dict[str, float | int]]:
    """Per measure: rows counted (n), rows agreeing (agree) and the share. Every measure but
    "date in range (undated)" counts a row casus found no event for as a disagreement."""
    out: dict[str, dict[str, float | int]] = {}
    for label, counts, agrees in MEASURES:
        rows = [o for o in outcomes if counts(o)]
        ok = sum(1 for o in rows if o.found and agrees(o))
        out[label] = {"n": len(rows), "agree": ok, "share": round(ok / len(rows), 3) if rows else 0.0}
    return out


def by_country(outcomes: list[Outcome]) -> dict[str, dict[str, dict[str, float | int]]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.row.country or "?"].append(o)
    return {c: shares(g) for c, g in sorted(groups.items())}


def confusion(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    """ACLED's event type (rows) against casus's (columns); NONE when casus found no event."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        ours = (o.event.event_type or "(untyped)") if o.event is not None else NONE
        table[o.row.event_type or "?"][ours] += 1
    return {k: dict(v) for k, v in sorted(table.items())}


def report(outcomes: list[Outcome]) -> dict:
    return {"rows": len(outcomes), "refused": sum(1 for o in outcomes if o.error),
            "overall": shares(outcomes), "by_country": by_country(outcomes),
            "confusion": confusion(outcomes)}
