"""What every export needs: the documents behind an event and the country codes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlparse

from casus.model import Event

DocInfo = Mapping[str, Any]
"""A stored document's metadata: doc_id, title, url, published (Store.documents())."""


@dataclass(frozen=True)
class Country:
    iso3: str
    iso_numeric: int
    gw_code: int
    acled_region: str
    ucdp_region: str


@cache
def countries() -> dict[str, Country]:
    """ISO3 → codes, from export/countries.tsv."""
    text = (resources.files("casus.export") / "countries.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        iso3, num, gw, acled, ucdp = (line.split("\t") + [""] * 5)[:5]
        out[iso3] = Country(iso3, int(num), int(gw), acled, ucdp)
    return out


def country(iso3: str | None) -> Country | None:
    return countries().get(iso3 or "")


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
