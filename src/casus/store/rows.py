"""Model objects to table rows and back (columns as in store/schema.py)."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from casus.model import Claim, Deaths, Document, Event, Span

SIDES = ("a", "b", "civilians", "unknown")
EVENT_COLUMNS = (
    "event_id", "title", "date_start", "date_end", "date_prec", "country", "iso3", "adm_1", "adm_2",
    "location", "latitude", "longitude", "where_prec", "geo_precision", "place_id", "side_a", "side_b",
    "side_a_actors", "side_b_actors", "type_of_violence", "event_type", "sub_event_type",
    *(f"deaths_{s}_{k}" for s in SIDES for k in ("low", "best", "high")),
    "low", "best", "high", "fatalities", "reconciliation", "n_sources", "updated_at", "where_description",
)
CLAIM_COLUMNS = (
    "claim_id", "source_id", "ord", "doc_id", "kind", "side", "subject", "actor", "low", "high",
    "approx", "claimant", "claimant_side", "claim_date", "stance", "quote", "context_start", "context_end",
)
DOCUMENT_COLUMNS = (
    "content_hash", "doc_id", "format", "title", "url", "published", "lang", "text", "n_events", "seq",
    "ingested_at",
)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def content_hash(doc: Document) -> str:
    """What makes a document the same document: its text and what was read about it."""
    meta = [doc.format, doc.title, doc.url, doc.published.isoformat() if doc.published else None, doc.lang]
    return _digest(doc.text, json.dumps(meta))


def source_id(content: str, extracted_id: str) -> str:
    return "src-" + _digest(content, extracted_id)[:16]


def place_id(e: Event) -> str | None:
    if not e.location:
        return None
    return "pl-" + _digest(e.location, e.iso3 or "", f"{e.latitude}", f"{e.longitude}")[:16]


def placeholders(n: int) -> str:
    return ", ".join("?" * n)


def insert(table: str, columns: tuple[str, ...]) -> str:
    """An INSERT naming its columns (tables gain columns by migration, at the end)."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders(len(columns))})"


def event_row(e: Event, n_sources: int, now: datetime) -> tuple[Any, ...]:
    deaths = [getattr(getattr(e, f"deaths_{s}"), k) for s in SIDES for k in ("low", "best", "high")]
    return (
        e.event_id, e.title, e.date_start, e.date_end, e.date_prec, e.country, e.iso3, e.adm_1, e.adm_2,
        e.location, e.latitude, e.longitude, e.where_prec, e.geo_precision, place_id(e), e.side_a, e.side_b,
        json.dumps(e.side_a_actors), json.dumps(e.side_b_actors), e.type_of_violence, e.event_type,
        e.sub_event_type, *deaths, e.low, e.best, e.high, e.fatalities, e.reconciliation, n_sources, now,
        e.where_description,
    )


def event_from_row(row: dict[str, Any], doc_ids: list[str], claims: list[Claim]) -> Event:
    fields = {k: row[k] for k in Event.model_fields if k in row and not k.startswith("deaths_")}
    fields["side_a_actors"] = json.loads(row["side_a_actors"])
    fields["side_b_actors"] = json.loads(row["side_b_actors"])
    for s in SIDES:
        fields[f"deaths_{s}"] = Deaths(**{k: row[f"deaths_{s}_{k}"] for k in ("low", "best", "high")})
    return Event(**fields, doc_ids=doc_ids, claims=claims)


def claim_row(c: Claim, claim_id: str, source: str, ord_: int) -> tuple[Any, ...]:
    return (
        claim_id, source, ord_, c.doc_id, c.kind, c.side, c.subject, c.actor, c.low, c.high, c.approx,
        c.claimant, c.claimant_side, c.claim_date, c.stance, c.quote,
        c.context.start if c.context else None, c.context.end if c.context else None,
    )


def claim_from_row(row: dict[str, Any], spans: list[Span]) -> Claim:
    fields = {k: row[k] for k in Claim.model_fields if k in row}
    if row["context_start"] is not None:
        fields["context"] = Span(start=row["context_start"], end=row["context_end"])
    if isinstance(fields.get("claim_date"), datetime):
        fields["claim_date"] = fields["claim_date"].date()
    return Claim(**fields, spans=spans)


def document_row(doc: Document, content: str, n_events: int, seq: int, now: datetime) -> tuple[Any, ...]:
    return (content, doc.doc_id, doc.format, doc.title, doc.url, doc.published, doc.lang, doc.text,
            n_events, seq, now)


def record(e: Event) -> str:
    """An event as extracted, its claims left out (they have their own table)."""
    return e.model_copy(update={"claims": []}).model_dump_json()


def as_date(value: Any) -> date | None:
    return value.date() if isinstance(value, datetime) else value
