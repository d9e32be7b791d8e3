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


def _on_earth(e: Event) -> bool:
    """Coordinates that place the event: inside the world, and not (0, 0), the null island a
    failed geocoder writes."""
    if e.latitude is None or e.longitude is None:
        return False
    return -90 <= e.latitude <= 90 and -180 <= e.longitude <= 180 and (e.latitude, e.longitude) != (0, 0)


def feature(e: Event) -> dict[str, Any]:
    geometry = None
    if _on_earth(e):
        geometry = {"type": "Point", "coordinates": [e.longitude, e.latitude]}
    props: dict[str, Any] = {"event_id": e.event_id, "date_start": iso_date(e.date_start) or None,
                             "date_end": iso_date(e.date_end) or None}
    props.update({k: getattr(e, k) for k in PROPERTIES})
    props["claimants"] = claimants(e)
    props["n_claims"] = len(e.claims)
    props["quotes"] = list(dict.fromkeys(c.quote for c in e.claims))
    props["status"] = "disputed" if any(c.stance == "denies" for c in e.claims) else "reported" if e.claims else None
    return {"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": props}


def write(events: Iterable[Event], out: TextIO, docs: Mapping[str, DocInfo] | None = None, **_: Any) -> int:
    """Write the FeatureCollection; returns the number of features."""
    features = [feature(e) for e in events]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(features)
