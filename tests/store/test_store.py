"""The store, on DuckDB and on a real PostgreSQL: one transaction per document, idempotent
re-ingestion, merging across documents, reading events back whole."""

from __future__ import annotations

from datetime import date

import pytest

from casus.model import Document
from casus.resolve.merge import merge_reports
from casus.store import SCHEMA_VERSION, EventFilter, open_store
from tests.store.helpers import claim, report


def doc(doc_id: str, text: str = "", published: date | None = None) -> Document:
    return Document(doc_id=doc_id, text=text or f"text of {doc_id}", published=published, lang="en")


def test_new_store_has_the_schema(store_url):
    with open_store(store_url) as store:
        assert store.version() == SCHEMA_VERSION
        assert set(store.counts().values()) == {0}
    with open_store(store_url) as store:  # opening again migrates nothing
        assert store.version() == SCHEMA_VERSION


def test_events_read_back_as_stored(store_url):
    d = doc("wire-1", published=date(2023, 9, 29))
    ev = report("wire-1", "x", date(2023, 9, 28), claims=[claim("wire-1", 12), claim("wire-1", 30, side="b")])
    with open_store(store_url) as store:
        added = store.add(d, [ev])
        assert (added.stored, added.reports, added.new_events, added.merged) == (True, 1, 1, 0)
        [back] = store.events()
        assert back == merge_reports(ev.event_id, [ev])
        assert back.deaths_a.best == 12 and back.best == 42
        assert store.event(ev.event_id[:10]) == back
        assert store.documents()["wire-1"]["published"] == date(2023, 9, 29)
        assert store.check() == []


def test_same_content_again_changes_nothing(store_url):
    d = doc("wire-1")
    ev = report("wire-1", "x", date(2023, 9, 28), claims=[claim("wire-1", 12)])
    with open_store(store_url) as store:
        store.add(d, [ev])
        before = store.dump()
        again = store.add(d, [ev])
        copy = store.add(d.model_copy(update={"doc_id": "elsewhere/wire-1"}), [ev])
        assert not again.stored and again.duplicate_of == "wire-1"
        assert not copy.stored
        assert store.dump() == before


def test_reports_of_one_incident_merge(store_url):
    first = report("wire-1", "a", date(2023, 9, 28), claims=[claim("wire-1", 12, on=date(2023, 9, 28))])
    second = report("wire-2", "b", date(2023, 9, 28), lat=14.83, lon=-5.25, side_b=None,
                    claims=[claim("wire-2", 30, claimant="a local official", claimant_side="third_party",
                                  on=date(2023, 9, 30))])
    other_year = report("wire-3", "c", date(2019, 1, 27), claims=[claim("wire-3", 5)])
    with open_store(store_url) as store:
        store.add(doc("wire-1", published=date(2023, 9, 28)), [first])
        added = store.add(doc("wire-2", published=date(2023, 9, 30)), [second])
        store.add(doc("wire-3"), [other_year])
        assert added.merged == 1
        events = store.events()
        assert [e.event_id for e in events] == [other_year.event_id, first.event_id]
        merged = events[1]
        assert merged.doc_ids == ["wire-1", "wire-2"]
        assert [(c.doc_id, c.low) for c in merged.claims] == [("wire-1", 12), ("wire-2", 30)]
        assert merged.side_b == "CSP-PSD"
        assert (merged.deaths_a.low, merged.deaths_a.best, merged.deaths_a.high) == (12, 30, 30)
        assert "Merged from 2 reports in 2 documents" in merged.reconciliation
        assert store.counts()["event_sources"] == 3 and store.check() == []


def test_one_document_is_one_transaction(store_url, monkeypatch):
    from casus.store.store import Store

    with open_store(store_url) as store:
        store.add(doc("wire-1"), [report("wire-1", "a", date(2023, 9, 28))])
        before = store.dump()
        calls = []

        def fail_second(self, rep, registry):
            calls.append(rep)
            if len(calls) == 2:
                raise RuntimeError("disk full")

        monkeypatch.setattr(Store, "_remember", fail_second)
        reports = [report("wire-2", "a", date(2024, 1, 1)), report("wire-2", "b", date(2024, 2, 1))]
        with pytest.raises(RuntimeError):
            store.add(doc("wire-2"), reports)
        assert store.dump() == before
        monkeypatch.undo()
        assert store.add(doc("wire-2"), reports).stored
        assert store.counts()["documents"] == 2 and store.check() == []


def test_check_finds_broken_links(store_url):
    with open_store(store_url) as store:
        store.add(doc("wire-1"), [report("wire-1", "a", date(2023, 9, 28), claims=[claim("wire-1", 3)])])
        store.conn.execute("DELETE FROM events")
        problems = store.check()
        assert any("reports of a missing event" in p for p in problems)


def test_filters(store_url):
    with open_store(store_url) as store:
        store.add(doc("d1"), [report("d1", "a", date(2023, 9, 28))])
        store.add(doc("d2"), [report("d2", "a", date(2024, 3, 1), location="Djibo", lat=14.1, lon=-1.63,
                                     iso3="BFA", side_a="Government of Burkina Faso", side_b="JNIM")])
        ids = lambda **kw: [e.location for e in store.events(EventFilter(**kw))]  # noqa: E731
        assert ids() == ["Dioura", "Djibo"]
        assert ids(country="bfa") == ["Djibo"]
        assert ids(country="Mali") == ["Dioura"]
        assert ids(since=date(2024, 1, 1)) == ["Djibo"]
        assert ids(until=date(2023, 12, 31)) == ["Dioura"]
        assert ids(actor="jnim") == ["Djibo"]
        assert ids(actor="Malian Armed") == ["Dioura"]
        assert ids(event_type="armed clash") == ["Dioura", "Djibo"]
        assert ids(event_type="Riots") == []
        assert ids(limit=1) == ["Dioura"]


def test_samples_twice_equal_once(store_url, root):
    from casus.extract.actors import registry
    from casus.extract.pipeline import extract
    from casus.ingest import read_paths

    docs = [d for d in read_paths([root / "samples"]) if isinstance(d, Document)]
    with open_store(store_url) as store:
        for d in docs:
            store.add(d, extract(d), registry())
        once = store.dump()
        for d in docs:
            assert not store.add(d, extract(d), registry()).stored
        assert store.dump() == once
        assert store.check() == []
        assert store.counts()["documents"] == len(docs)
