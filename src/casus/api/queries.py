"""Reading the store for the API. Events come from ``Store.events`` (with the store's own
filter, plus a bounding box); what the store's API does not offer yet, a page count, a
document's text with its spans and counts per period, region and actor, is read here with the
store's filter clause, so a filter means the same everywhere."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from casus.model import Event
from casus.store import EventFilter, Store
from casus.store.rows import as_date

BBox = tuple[float, float, float, float]
"""min longitude, min latitude, max longitude, max latitude (WGS 84), as in RFC 7946 §5."""


@dataclass(frozen=True)
class ApiFilter(EventFilter):
    """The store's filter and a bounding box (events without coordinates fall outside any box)."""

    bbox: BBox | None = None

    def where(self) -> tuple[str, list[Any]]:
        clause, params = super().where()
        if self.bbox is not None:
            west, south, east, north = self.bbox
            clause += " AND longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?"
            params += [west, east, south, north]
        return clause, params


def count(store: Store, where: ApiFilter) -> int:
    clause, params = where.where()
    return store.conn.fetch(f"SELECT count(*) FROM events WHERE {clause}", params)[0][0]


def page(store: Store, where: ApiFilter, limit: int, offset: int) -> list[Event]:
    """Events ``offset`` to ``offset + limit`` in the store's order (date, then id)."""
    return store.events(replace(where, limit=offset + limit))[offset:]


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The latest stored version of a document: its text and every claim span read from it."""
    cols, found = store.conn.columns(
        "SELECT content_hash, doc_id, format, title, url, published, lang, text FROM documents "
        "WHERE doc_id = ? ORDER BY seq DESC LIMIT 1",
        [doc_id],
    )
    if not found:
        return None
    doc = dict(zip(cols, found[0]))
    doc["published"] = as_date(doc["published"])
    cols, found = store.conn.columns(
        "SELECT es.event_id, c.claim_id, c.kind, c.side, c.stance, s.span_start AS start, s.span_end AS \"end\" "
        "FROM spans s JOIN claims c ON c.claim_id = s.claim_id JOIN event_sources es ON es.source_id = c.source_id "
        "WHERE es.content_hash = ? ORDER BY s.span_start, s.span_end, c.claim_id",
        [doc["content_hash"]],
    )
    doc["spans"] = [dict(zip(cols, r)) for r in found]
    return doc


def stats(store: Store, where: ApiFilter) -> dict[str, Any]:
    """Events and best deaths in total, per week, month, region, actor and event type."""
    clause, params = where.where()

    def rows(sql: str, times: int = 1) -> list[tuple[Any, ...]]:
        return store.conn.fetch(sql, params * times)

    def periods(unit: str) -> list[dict[str, Any]]:
        found = rows(f"SELECT date_trunc('{unit}', date_start) AS p, count(*), COALESCE(sum(best), 0) FROM events "
                     f"WHERE {clause} AND date_start IS NOT NULL GROUP BY p ORDER BY p")
        return [{"period": _day(p), "events": n, "best": int(b)} for p, n, b in found]

    total, best = rows(f"SELECT count(*), COALESCE(sum(best), 0) FROM events WHERE {clause}")[0]
    regions = rows(f"SELECT country, adm_1, count(*) AS n, COALESCE(sum(best), 0) FROM events WHERE {clause} "
                   "GROUP BY country, adm_1 ORDER BY n DESC, country, adm_1")
    actors = rows(
        f"SELECT actor, count(*) AS n, COALESCE(sum(best), 0) FROM (SELECT side_a AS actor, best FROM events "
        f"WHERE {clause} UNION ALL SELECT side_b AS actor, best FROM events WHERE {clause}) t "
        "WHERE actor IS NOT NULL GROUP BY actor ORDER BY n DESC, actor", times=2)
    types = rows(f"SELECT event_type, count(*) AS n, COALESCE(sum(best), 0) FROM events WHERE {clause} "
                 "GROUP BY event_type ORDER BY n DESC, event_type")
    return {
        "events": total,
        "best": int(best),
        "per_week": periods("week"),
        "per_month": periods("month"),
        "per_region": [{"country": c, "adm_1": a, "events": n, "best": int(b)} for c, a, n, b in regions],
        "per_actor": [{"actor": a, "events": n, "best": int(b)} for a, n, b in actors],
        "per_event_type": [{"event_type": t, "events": n, "best": int(b)} for t, n, b in types],
    }


def _day(value: Any) -> date:
    return as_date(value)


def events_of(store: Store, content: str) -> list[Event]:
    """The stored events a document (by content hash) reported."""
    ids = [r[0] for r in store.conn.fetch(
        "SELECT DISTINCT event_id FROM event_sources WHERE content_hash = ? ORDER BY event_id", [content])]
    return [e for e in map(store.event, ids) if e is not None]
