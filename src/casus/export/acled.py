"""ACLED CSV: ACLED's 31 columns, one row per event-day (docs/exports.md).

An event over a few exact days (``date_prec`` ≤ 2, at most ``MAX_DAYS``) gives one row per
day, its fatalities spread evenly (the remainder on the first days), as ACLED codes a
multi-day battle; any other event gives one row on its first day with ACLED's
``time_precision`` (1 day, 2 week, 3 month or vaguer).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Iterator, Mapping
from datetime import timedelta
from typing import Any, TextIO

from casus.export.common import DocInfo, claimants, country, documents_of, office
from casus.model import Event

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
assert len(COLUMNS) == 31

INTER = {"state_forces": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4,
         "rioters": 5, "protesters": 6, "civilians": 7, "external_forces": 8}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Riots": "Political violence",
            "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}
TIME_PRECISION = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3}
MAX_DAYS = 14
CIVILIANS = "Civilians"


def _actor(name: str | None, e: Event) -> tuple[str | None, int | None]:
    """ACLED's name for an actor (the registry's ``acled_name`` when it has one) and its inter code."""
    from casus.extract.actors import registry

    if not name:
        return None, None
    if name == CIVILIANS:
        return (f"Civilians ({e.country})" if e.country else "Civilians"), 7
    reg = registry()
    actor = reg.get(name)
    acled = reg.extra.get(name, {}).get("acled_name") if actor else None
    return acled or name, INTER.get(actor.actor_type) if actor and actor.actor_type else None


def _side(e: Event, which: str) -> tuple[str | None, str, int | None]:
    """(actor, associated actors, inter code) of side A or B."""
    side = getattr(e, f"side_{which}")
    actors = getattr(e, f"side_{which}_actors") or ([side] if side else [])
    if side == CIVILIANS:
        actors = [CIVILIANS]
    named = [_actor(a, e) for a in actors]
    if not named:
        return None, "", None
    return named[0][0], "; ".join(n for n, _ in named[1:] if n), named[0][1]


def _place(e: Event) -> str:
    where = ", ".join(p for p in (e.adm_1, e.country) if p)
    prep = {1: "at", 2: "near"}.get(e.geo_precision or 3, "in the area of")
    return f" {prep} {e.location}" + (f" ({where})" if where else "") if e.location else ""


def _when(e: Event) -> str:
    if e.date_start is None:
        return "On an unknown date"
    start, end = e.date_start, e.date_end or e.date_start
    if e.date_prec == 5:
        return f"In {start.year}"
    if e.date_prec == 4:
        return f"In {start:%B %Y}"
    if e.date_prec == 3 or start != end:
        return f"Between {start.day} {start:%B %Y} and {end.day} {end:%B %Y}"
    return f"On {start.day} {start:%B %Y}"


def notes(e: Event, actor1: str | None, actor2: str | None) -> str:
    """One sentence: when, what, between whom, where, and the toll."""
    what = (e.sub_event_type or e.event_type or "an incident of political violence").lower()
    if e.sub_event_type or e.event_type:
        what = ("an " if what[0] in "aeiou" else "a ") + what
    who = f" between {actor1} and {actor2}" if actor1 and actor2 else f" by {actor1}" if actor1 else ""
    toll = f"; {e.fatalities} fatalit{'y was' if e.fatalities == 1 else 'ies were'} reported" if e.fatalities else ""
    return f"{_when(e)}, {what}{who} took place{_place(e)}{toll}."


def _days(e: Event) -> list[tuple[Any, int]]:
    """(date, fatalities) per row."""
    if e.date_start is None:
        return [(None, e.fatalities)]
    end = e.date_end or e.date_start
    n = (end - e.date_start).days + 1
    if e.date_prec not in (1, 2) or n > MAX_DAYS or n < 1:
        return [(e.date_start, e.fatalities)]
    share, rest = divmod(e.fatalities, n)
    return [(e.date_start + timedelta(days=i), share + (i < rest)) for i in range(n)]


def rows(e: Event, docs: Mapping[str, DocInfo], timestamp: int) -> Iterator[dict[str, Any]]:
    actor1, assoc1, inter1 = _side(e, "a")
    actor2, assoc2, inter2 = _side(e, "b")
    codes = sorted(c for c in (inter1, inter2) if c)
    interaction = int(f"{codes[0]}{codes[1]}") if len(codes) == 2 else codes[0] * 10 if codes else None
    where = country(e.iso3)
    sources = [office(d.get("url")) or d.get("title") or d["doc_id"] for d in documents_of(e, docs)]
    days = _days(e)
    base = (e.iso3 or "XXX") + e.event_id.removeprefix("ev-")
    for i, (day, fatalities) in enumerate(days):
        yield {
            "event_id_cnty": base if len(days) == 1 else f"{base}-{i + 1}",
            "event_date": day.isoformat() if day else "",
            "year": day.year if day else None,
            "time_precision": TIME_PRECISION.get(e.date_prec or 5, 3) if len(days) == 1 else 1,
            "disorder_type": DISORDER.get(e.event_type or ""),
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
            "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
            "interaction": interaction,
            "civilian_targeting": "Civilian targeting" if inter2 == 7 or e.event_type == "Violence against civilians" else "",
            "iso": where.iso_numeric if where else None,
            "region": where.acled_region if where else None,
            "country": e.country,
            "admin1": e.adm_1, "admin2": e.adm_2, "admin3": None,
            "location": e.location, "latitude": e.latitude, "longitude": e.longitude,
            "geo_precision": e.geo_precision,
            "source": "; ".join(dict.fromkeys([*claimants(e), *sources])),
            "source_scale": None,
            "notes": notes(e, actor1, actor2),
            "fatalities": fatalities,
            "tags": None,
            "timestamp": timestamp,
        }


def write(events: Iterable[Event], out: TextIO, docs: Mapping[str, DocInfo], timestamp: int | None = None,
          updated: Mapping[str, int] | None = None) -> int:
    """Write the CSV; returns the number of rows (event-days). ``timestamp`` is, as in ACLED, when
    the event last changed: ``updated`` (event_id → Unix time, from the store), else ``timestamp``,
    else now."""
    stamp = int(time.time()) if timestamp is None else timestamp
    updated = updated or {}
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        for r in rows(e, docs, updated.get(e.event_id, stamp)):
            writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
            n += 1
    return n
