"""The event store: documents with their extraction, merged into events, in DuckDB or PostgreSQL.

``Store.add(doc, events)`` writes one document in one transaction: the document, each event as
extracted (a report, in ``event_sources``) with its claims and spans, the actors and places
they use, and the merged events they join or found (resolve/merge.py). A document already
stored (same content hash) is left alone, so re-ingesting changes nothing, and a run killed
mid-way leaves only whole documents behind.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from casus.errors import ConfigError
from casus.model import Claim, Document, Event, Span
from casus.resolve.merge import best_match, merge_reports
from casus.store import rows as R
from casus.store.backend import Connection, connect
from casus.store.schema import MIGRATIONS, SCHEMA_VERSION, TABLES, VOLATILE

if TYPE_CHECKING:
    from casus.extract.actors import ActorRegistry

CANDIDATE_DAYS = 40
"""Merge candidates are looked up among events within this many days (then tested exactly)."""


@dataclass(frozen=True)
class EventFilter:
    """What ``casus events`` and ``casus export`` select. Text filters ignore case."""

    country: str | None = None
    """Country name or ISO3."""
    since: date | None = None
    until: date | None = None
    actor: str | None = None
    """Part of a side's name or of one of its actors."""
    event_type: str | None = None
    """ACLED event or sub-event type."""
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        parts, params = ["TRUE"], []
        if self.country:
            parts.append("(lower(country) = lower(?) OR lower(iso3) = lower(?))")
            params += [self.country, self.country]
        if self.since:
            parts.append("COALESCE(date_end, date_start) >= ?")
            params.append(self.since)
        if self.until:
            parts.append("date_start <= ?")
            params.append(self.until)
        if self.actor:
            # a plain substring match: no LIKE, so "%" and "_" in a filter mean themselves
            cols = ("side_a", "side_b", "side_a_actors", "side_b_actors")
            parts.append("(" + " OR ".join(f"strpos(lower(COALESCE({c}, '')), ?) > 0" for c in cols) + ")")
            params += [self.actor.lower()] * len(cols)
        if self.event_type:
            parts.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [self.event_type, self.event_type]
        return " AND ".join(parts), params


@dataclass(frozen=True)
class Added:
    """What storing one document did."""

    doc_id: str
    stored: bool
    """False when the same content was already stored (``duplicate_of`` names it)."""
    reports: int = 0
    new_events: int = 0
    merged: int = 0
    duplicate_of: str | None = None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Store:
    """A database of documents, reports, claims and merged events."""

    def __init__(self, conn: Connection, read_only: bool = False) -> None:
        self.conn = conn
        if not read_only:
            self.migrate()
        elif self.version() != SCHEMA_VERSION:
            raise ConfigError(f"database schema version {self.version()} (casus needs {SCHEMA_VERSION})")

    # --- schema -------------------------------------------------------------------------------

    def version(self) -> int:
        try:
            return self.conn.fetch("SELECT max(version) FROM schema_version")[0][0] or 0
        except Exception:
            return 0

    def migrate(self) -> None:
        for version in range(self.version() + 1, SCHEMA_VERSION + 1):
            with self.conn.transaction():
                for ddl in MIGRATIONS[version]:
                    self.conn.execute(ddl)
                self.conn.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------

    def stored_as(self, doc: Document) -> str | None:
        """The doc_id under which this very content is already stored, or None."""
        found = self.conn.fetch("SELECT doc_id FROM documents WHERE content_hash = ?", [R.content_hash(doc)])
        return found[0][0] if found else None

    def add(self, doc: Document, events: Sequence[Event], registry: ActorRegistry | None = None) -> Added:
        """Store a document and its events in one transaction, merging them into the store's events."""
        content = R.content_hash(doc)
        with self.conn.transaction():
            dup = self.conn.fetch("SELECT doc_id FROM documents WHERE content_hash = ?", [content])
            if dup:
                return Added(doc.doc_id, stored=False, duplicate_of=dup[0][0])
            now = _now()
            seq = (self.conn.fetch("SELECT max(seq) FROM documents")[0][0] or 0) + 1
            self.conn.execute(
                R.insert("documents", R.DOCUMENT_COLUMNS),
                R.document_row(doc, content, len(events), seq, now),
            )
            new = merged = 0
            for ord_, report in enumerate(events):
                joined = self._join(report, content, seq, ord_, now)
                new, merged = new + (not joined), merged + joined
                self._remember(report, registry)
        return Added(doc.doc_id, stored=True, reports=len(events), new_events=new, merged=merged)

    def _join(self, report: Event, content: str, seq: int, ord_: int, now: datetime) -> bool:
        """Store one report; True when it joined an existing event, False when it founded one."""
        candidates = self._candidates(report)
        i = best_match(report, candidates)
        if i is not None:
            event_id = candidates[i].event_id
        else:
            event_id = report.event_id
            if self.conn.fetch("SELECT 1 FROM events WHERE event_id = ?", [event_id]):
                event_id = "ev-" + R.source_id(content, report.event_id)[4:]
        sid = R.source_id(content, report.event_id)
        self.conn.execute(
            "INSERT INTO event_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [sid, event_id, content, report.doc_ids[0], report.event_id, seq, ord_, R.record(report)],
        )
        claims = [(R.claim_row(c, f"{sid}-{k}", sid, k), c) for k, c in enumerate(report.claims)]
        self.conn.executemany(
            R.insert("claims", R.CLAIM_COLUMNS), [row for row, _ in claims]
        )
        self.conn.executemany(
            "INSERT INTO spans VALUES (?, ?, ?, ?)",
            [(row[0], n, s.start, s.end) for row, c in claims for n, s in enumerate(c.spans)],
        )
        self._rebuild(event_id, now)
        return i is not None

    def _candidates(self, report: Event) -> list[Event]:
        """Stored events near the report's dates, as events (claims left out)."""
        if report.date_start is None:
            return []
        lo = report.date_start - timedelta(days=CANDIDATE_DAYS)
        hi = (report.date_end or report.date_start) + timedelta(days=CANDIDATE_DAYS)
        near, params = "TRUE", []
        if report.latitude is not None and report.longitude is not None and (report.where_prec or 7) <= 2:
            near = ("(where_prec > 2 OR location = ? OR (latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?))")
            params = [report.location, report.latitude - 1, report.latitude + 1, report.longitude - 1, report.longitude + 1]
        cols, found = self.conn.columns(
            f"SELECT * FROM events WHERE date_start <= ? AND COALESCE(date_end, date_start) >= ? AND {near} "
            "ORDER BY event_id",
            [hi, lo, *params],
        )
        if not found:
            return []
        ids = [r[0] for r in found]
        docs = self._doc_ids(ids)
        reports, published = self._reports(ids)
        claims = {i: merge_reports(i, reports[i], published).claims for i in ids}
        return [R.event_from_row(dict(zip(cols, r)), docs.get(r[0], []), claims[r[0]]) for r in found]

    def _rebuild(self, event_id: str, now: datetime) -> None:
        """Merge an event's reports again and write the result."""
        reports, published = self._reports([event_id])
        event = merge_reports(event_id, reports[event_id], published)
        row = R.event_row(event, len(reports[event_id]), now)
        if self.conn.fetch("SELECT 1 FROM events WHERE event_id = ?", [event_id]):
            sets = ", ".join(f"{c} = ?" for c in R.EVENT_COLUMNS[1:])  # never delete and re-insert a key
            self.conn.execute(f"UPDATE events SET {sets} WHERE event_id = ?", [*row[1:], event_id])
        else:
            self.conn.execute(R.insert("events", R.EVENT_COLUMNS), row)
        self._place(event)

    def _place(self, e: Event) -> None:
        pid = R.place_id(e)
        if pid:
            self.conn.execute(
                "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [pid, e.location, e.country, e.iso3, e.adm_1, e.adm_2, e.latitude, e.longitude],
            )

    def _remember(self, report: Event, registry: ActorRegistry | None) -> None:
        """The actors a report names, as the registry knows them (or bare names)."""
        self._place(report)
        names = {*report.side_a_actors, *report.side_b_actors, *(c.actor for c in report.claims if c.actor)}
        for name in sorted(names):
            actor = registry.get(name) if registry else None
            self.conn.execute(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [name, actor.actor_type if actor else None, actor.country if actor else None,
                 actor.government if actor else None, actor is not None],
            )

    # --- reading ------------------------------------------------------------------------------

    def _doc_ids(self, event_ids: Sequence[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        if not event_ids:
            return out
        found = self.conn.fetch(
            f"SELECT event_id, doc_id FROM event_sources WHERE event_id IN ({R.placeholders(len(event_ids))}) "
            "ORDER BY seq, ord",
            list(event_ids),
        )
        for event_id, doc_id in found:
            if doc_id not in out[event_id]:
                out[event_id].append(doc_id)
        return out

    def _claims(self, where: str, params: list[Any]) -> dict[str, list[Claim]]:
        """Claims per source_id, in order, for sources matching ``where`` (on event_sources es)."""
        sub = f"SELECT es.source_id FROM event_sources es WHERE {where}"
        spans: dict[str, list[Span]] = defaultdict(list)
        for claim_id, start, end in self.conn.fetch(
            f"SELECT s.claim_id, s.span_start, s.span_end FROM spans s JOIN claims c ON c.claim_id = s.claim_id "
            f"WHERE c.source_id IN ({sub}) ORDER BY s.claim_id, s.ord", params,
        ):
            spans[claim_id].append(Span(start=start, end=end))
        cols, found = self.conn.columns(
            f"SELECT * FROM claims WHERE source_id IN ({sub}) ORDER BY source_id, ord", params
        )
        out: dict[str, list[Claim]] = defaultdict(list)
        for r in found:
            row = dict(zip(cols, r))
            out[row["source_id"]].append(R.claim_from_row(row, spans[row["claim_id"]]))
        return out

    def _reports(self, event_ids: Sequence[str]) -> tuple[dict[str, list[Event]], dict[str, date]]:
        """Each event's reports in the order stored, and the documents' publication dates."""
        where = f"es.event_id IN ({R.placeholders(len(event_ids))})"
        claims = self._claims(where, list(event_ids))
        found = self.conn.fetch(
            f"SELECT es.event_id, es.source_id, es.record, d.doc_id, d.published FROM event_sources es "
            f"JOIN documents d ON d.content_hash = es.content_hash WHERE {where} ORDER BY es.seq, es.ord",
            list(event_ids),
        )
        reports: dict[str, list[Event]] = defaultdict(list)
        published: dict[str, date] = {}
        for event_id, sid, record, doc_id, pub in found:
            event = Event.model_validate_json(record).model_copy(update={"claims": claims.get(sid, [])})
            reports[event_id].append(event)
            if pub is not None:
                published[doc_id] = R.as_date(pub)
        return reports, published

    def events(self, where: EventFilter = EventFilter()) -> list[Event]:
        """Events matching a filter, by date then id, with their claims and documents."""
        clause, params = where.where()
        limit = f" LIMIT {int(where.limit)}" if where.limit else ""
        cols, found = self.conn.columns(
            f"SELECT * FROM events WHERE {clause} ORDER BY date_start NULLS LAST, event_id{limit}", params
        )
        if not found:
            return []
        ids = [r[0] for r in found]
        reports, published = self._reports(ids)
        docs = self._doc_ids(ids)
        out = []
        for r in found:
            row = dict(zip(cols, r))
            claims = merge_reports(row["event_id"], reports[row["event_id"]], published).claims
            out.append(R.event_from_row(row, docs[row["event_id"]], claims))
        return out

    def event(self, event_id: str) -> Event | None:
        """One event by id (a unique prefix of the id is enough)."""
        found = self.conn.fetch("SELECT event_id FROM events WHERE left(event_id, length(?)) = ? ORDER BY event_id LIMIT 2",
                                [event_id, event_id])
        if len(found) != 1:
            return None
        cols, rows = self.conn.columns("SELECT * FROM events WHERE event_id = ?", [found[0][0]])
        reports, published = self._reports([found[0][0]])
        eid = found[0][0]
        claims = merge_reports(eid, reports[eid], published).claims
        return R.event_from_row(dict(zip(cols, rows[0])), self._doc_ids([eid])[eid], claims)

    def documents(self, doc_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """Stored documents' metadata (doc_id, title, url, published, format, lang) by doc_id."""
        cols, found = self.conn.columns(
            "SELECT doc_id, title, url, published, format, lang FROM documents ORDER BY seq"
        )
        wanted = set(doc_ids) if doc_ids is not None else None
        out = {}
        for r in found:
            row = dict(zip(cols, r))
            row["published"] = R.as_date(row["published"])
            if wanted is None or row["doc_id"] in wanted:
                out[row["doc_id"]] = row
        return out

    def counts(self) -> dict[str, int]:
        return {t: self.conn.fetch(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}

    def dump(self) -> dict[str, list[tuple]]:
        """Every table's rows, sorted, without the columns that record when: for comparing stores."""
        out = {}
        for table in TABLES:
            cols, found = self.conn.columns(f"SELECT * FROM {table}")
            keep = [i for i, c in enumerate(cols) if c not in VOLATILE.get(table, ())]
            out[table] = sorted((tuple(r[i] for i in keep) for r in found), key=repr)
        return out

    def check(self) -> list[str]:
        """Integrity problems, each as a sentence; empty when the store is consistent."""
        q = {
            "events without a report": "SELECT count(*) FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM event_sources s WHERE s.event_id = e.event_id)",
            "reports of a missing event": "SELECT count(*) FROM event_sources s WHERE NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.event_id = s.event_id)",
            "reports of a missing document": "SELECT count(*) FROM event_sources s WHERE NOT EXISTS "
            "(SELECT 1 FROM documents d WHERE d.content_hash = s.content_hash)",
            "claims of a missing report": "SELECT count(*) FROM claims c WHERE NOT EXISTS "
            "(SELECT 1 FROM event_sources s WHERE s.source_id = c.source_id)",
            "spans of a missing claim": "SELECT count(*) FROM spans p WHERE NOT EXISTS "
            "(SELECT 1 FROM claims c WHERE c.claim_id = p.claim_id)",
            "documents whose reports are not all stored": "SELECT count(*) FROM documents d WHERE d.n_events <> "
            "(SELECT count(*) FROM event_sources s WHERE s.content_hash = d.content_hash)",
            "events whose source count is wrong": "SELECT count(*) FROM events e WHERE e.n_sources <> "
            "(SELECT count(*) FROM event_sources s WHERE s.event_id = e.event_id)",
        }
        problems = []
        for what, sql in q.items():
            n = self.conn.fetch(sql)[0][0]
            if n:
                problems.append(f"{n} {what}")
        return problems


def open_store(url: str, read_only: bool = False) -> Store:
    """The store at a DuckDB path or a ``postgresql://`` URL (created and migrated when writing)."""
    conn = connect(url, read_only=read_only)
    try:
        return Store(conn, read_only=read_only)
    except BaseException:
        conn.close()
        raise
