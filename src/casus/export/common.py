"""What every export needs: the documents behind an event and the country codes (pycountry for
ISO 3166, data/regions.yaml for ACLED regions and Gleditsch-Ward numbers)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlparse

import pycountry
import yaml

from casus.model import Event

DocInfo = Mapping[str, Any]
"""A stored document's metadata: doc_id, title, url, published (Store.documents())."""


@dataclass(frozen=True)
class Country:
    iso3: str
    iso_numeric: int | None
    gw_code: int | None
    acled_region: str | None
    ucdp_region: str | None


@cache
def _regions() -> dict[str, Any]:
    return yaml.safe_load((resources.files("casus.data") / "regions.yaml").read_text(encoding="utf-8"))


def _ucdp_region(gw: int | None) -> str | None:
    return next((name for lo, hi, name in _regions()["ucdp_regions"] if gw is not None and lo <= gw <= hi), None)


@cache
def country(iso3_or_name: str | None) -> Country | None:
    """The codes of a country given by ISO 3166 alpha-3 (or alpha-2, or name): ISO numeric from
    pycountry, ACLED region and Gleditsch-Ward number from data/regions.yaml, UCDP region from
    the G-W number. Kosovo (XKX, not in ISO 3166) has no ISO numeric code."""
    if not iso3_or_name:
        return None
    try:
        found = pycountry.countries.lookup(iso3_or_name)
        iso3, numeric = found.alpha_3, int(found.numeric)
    except LookupError:
        if iso3_or_name.upper() not in ("XKX", "KOSOVO"):
            return None
        iso3, numeric = "XKX", None
    data = _regions()
    region = next((r for r, codes in data["acled_region"].items() if iso3 in codes), None)
    gw = data["gw"].get(iso3)
    return Country(iso3, numeric, gw, region, _ucdp_region(gw))


def documents_of(event: Event, docs: Mapping[str, DocInfo]) -> list[DocInfo]:
    """The event's documents in order; a bare doc_id stands for one the export was not told about."""
    return [docs.get(d) or {"doc_id": d} for d in event.doc_ids]


def claimants(event: Event) -> list[str]:
    """Who the event's claims are attributed to, each once, in order."""
    return list(dict.fromkeys(c.claimant for c in event.claims if c.claimant))


def office(url: str | None) -> str | None:
    """The publisher as its web host (``www.`` dropped)."""
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def iso_date(d: date | None) -> str:
    return d.isoformat() if d else ""


def joined(values: list[Any], sep: str = "; ") -> str:
    return sep.join(str(v) for v in values if v not in (None, ""))
