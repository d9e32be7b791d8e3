"""RFC 7946 GeoJSON: a FeatureCollection with one Point feature per event, ``[longitude,
latitude]`` in WGS 84. An event with no coordinates is kept, with ``"geometry": null`` (which
RFC 7946 §3.2 allows for an unlocated feature), so the file holds every selected event."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from casus.export.common import DocInfo, claimants, iso_date
from casus.model import Event

PROPERTIES = (
    "title", "date_prec", "country", "iso3", "adm_1", "adm_2", "location", "where_description", "where_prec", "geo_precision",
    "side_a", "side_b", "side_a_actors", "side_b_actors", "type_of_violence", "event_type",
    "sub_event_type", "low", "best", "high", "fatalities", "doc_ids", "reconciliation",
)


def feature(e: Event) -> dict[str, Any]:
    geometry = None
    if e.latitude is not None and e.longitude is not None:
        geometry = {"type": "Point", "coordinates": [e.longitude, e.latitude]}
    props: dict[str, Any] = {"event_id": e.event_id, "date_start": iso_date(e.date_start) or None,
                             "date_end": iso_date(e.date_end) or None}
    props.update({k: getattr(e, k) for k in PROPERTIES})
    props["claimants"] = claimants(e)
    props["n_claims"] = len(e.claims)
    return {"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": props}


def write(events: Iterable[Event], out: TextIO, docs: Mapping[str, DocInfo] | None = None) -> int:
    """Write the FeatureCollection; returns the number of features."""
    features = [feature(e) for e in events]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(features)
