"""UCDP GED CSV: GED's 49 columns in GED's order, one row per event (docs/exports.md says how
each column is filled; UCDP's own identifiers for conflicts, dyads and actors stay empty)."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from casus.export.common import DocInfo, claimants, country, documents_of, iso_date, joined, office
from casus.model import Event

COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name",
    "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
    "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
)
assert len(COLUMNS) == 49


def priogrid_gid(latitude: float, longitude: float) -> int:
    """The PRIO-GRID cell (0.5° × 0.5°, numbered row by row from (-180, -90), starting at 1)."""
    row = min(359, math.floor((latitude + 90) / 0.5))
    col = min(719, math.floor((longitude + 180) / 0.5))
    return row * 720 + col + 1


def _gw(side: str | None) -> int | None:
    """The Gleditsch-Ward number of a side that is a government."""
    from casus.extract.actors import registry

    actor = registry().get(side) if side else None
    if actor is None or actor.actor_type != "state_forces" or actor.name != actor.government:
        return None
    found = country(actor.country)
    return found.gw_code if found else None


def row(e: Event, docs: Mapping[str, DocInfo]) -> dict[str, Any]:
    sources = documents_of(e, docs)
    located = e.latitude is not None and e.longitude is not None
    where = country(e.iso3)
    return {
        "id": e.event_id,
        "year": e.date_start.year if e.date_start else None,
        "code_status": "Clear" if e.type_of_violence else "Check type of violence",
        "type_of_violence": e.type_of_violence,
        "dyad_name": f"{e.side_a} - {e.side_b}" if e.side_a and e.side_b else None,
        "side_a": e.side_a,
        "side_b": e.side_b,
        "number_of_sources": len(sources),
        "source_article": joined([f"{d.get('title') or d['doc_id']} ({d.get('url') or d['doc_id']})" for d in sources], ";"),
        "source_office": joined(list(dict.fromkeys(office(d.get("url")) for d in sources)), ";"),
        "source_date": joined([iso_date(d.get("published")) for d in sources], ";"),
        "source_headline": joined([d.get("title") for d in sources], ";"),
        "source_original": joined(claimants(e), ";"),
        "where_prec": e.where_prec,
        "where_coordinates": e.location,
        "where_description": e.where_description or joined([e.location, e.adm_2, e.adm_1, e.country], ", "),
        "adm_1": e.adm_1,
        "adm_2": e.adm_2,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geom_wkt": f"POINT ({e.longitude} {e.latitude})" if located else None,
        "priogrid_gid": priogrid_gid(e.latitude, e.longitude) if located else None,
        "country": e.country,
        "country_id": where.gw_code if where else None,
        "region": where.ucdp_region if where else None,
        "event_clarity": 1 if e.date_prec is not None and e.date_prec <= 3 else 2,
        "date_prec": e.date_prec,
        "date_start": iso_date(e.date_start),
        "date_end": iso_date(e.date_end or e.date_start),
        "deaths_a": e.deaths_a.best,
        "deaths_b": e.deaths_b.best,
        "deaths_civilians": e.deaths_civilians.best,
        "deaths_unknown": e.deaths_unknown.best,
        "best": e.best,
        "high": e.high,
        "low": e.low,
        "gwnoa": _gw(e.side_a),
        "gwnob": _gw(e.side_b),
    }


def write(events: Iterable[Event], out: TextIO, docs: Mapping[str, DocInfo], **_: Any) -> int:
    """Write the CSV; returns the number of rows. Undated events are left out: GED has no
    undated rows, and one empty ``year`` makes the column a float in pandas."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        if e.date_start is None:
            continue
        writer.writerow({k: ("" if v is None else v) for k, v in row(e, docs).items()})
        n += 1
    return n
