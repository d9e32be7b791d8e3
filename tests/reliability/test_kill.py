"""``casus ingest`` SIGKILLed at random points, over many runs: after every kill the DuckDB file
is consistent and holds whole documents only (each exactly as a clean run stores it, and those
of a prefix of the run), and a re-run gives exactly the database of a clean run.

The kill points come from a seeded RNG: after the k-th document stored (k from 0, the start of
the process, to the last), plus a random fraction of a second, so kills land while the models
load, while the schema is created, between documents and inside their transactions.
tests/cli/test_ingest.py has the deterministic kill (after the 10th document); this one adds
the randomness and the per-document comparison."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from casus.store import open_store
from tests.cli.test_ingest import CASUS, clean_db, dump, many, run  # noqa: F401  (fixtures)

RUNS = 9
SEED = 20240508
PER_DOCUMENT = ("event_sources", "claims", "spans")


def kill_at(after_stored: int, extra: float, many: Path, db: str) -> bool:
    """Start ``casus ingest -v``, wait for its ``after_stored``-th "stored" line (0: its start),
    then ``extra`` seconds more, and SIGKILL it; False when it finished first."""
    proc = subprocess.Popen([str(CASUS), "ingest", str(many), "--db", db, "-v"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    stored = 0
    while stored < after_stored and (line := proc.stderr.readline()):
        stored += line.startswith("stored ")
    time.sleep(extra)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stderr.close()
    return proc.returncode == -signal.SIGKILL


def by_document(tables: dict[str, list[tuple]]) -> dict[str, dict[str, set]]:
    """Each document's own rows (its reports, their claims and spans), by content hash."""
    docs = {row[0]: {t: set() for t in PER_DOCUMENT} for row in tables["documents"]}
    source_doc = {}
    for row in tables["event_sources"]:
        source_id, content_hash = row[0], row[2]
        source_doc[source_id] = content_hash
        docs.setdefault(content_hash, {t: set() for t in PER_DOCUMENT})["event_sources"].add(row)
    claim_doc = {}
    for row in tables["claims"]:
        claim_doc[row[0]] = source_doc.get(row[1])
        docs.setdefault(source_doc.get(row[1]), {t: set() for t in PER_DOCUMENT})["claims"].add(row)
    for row in tables["spans"]:
        docs.setdefault(claim_doc.get(row[0]), {t: set() for t in PER_DOCUMENT})["spans"].add(row)
    return docs


def test_random_kills_leave_whole_documents_and_resume_to_the_clean_database(many, clean_db, tmp_path):
    rng = random.Random(SEED)
    clean = dump(clean_db)
    clean_docs = by_document(clean)
    with open_store(clean_db, read_only=True) as store:
        clean_order = [h for h, in store.conn.fetch("SELECT content_hash FROM documents ORDER BY seq")]
    outcomes = []
    for i in range(RUNS):
        db = str(tmp_path / f"killed-{i}.duckdb")
        kills = 1 + (i % 3 == 2)  # every third run is killed twice (the resume killed too)
        for _ in range(kills):
            after, extra = (0 if i == 0 else rng.randrange(1, len(clean_order))), rng.uniform(0, 0.15)
            if after == 0:
                extra = rng.uniform(0.5, 4.0)  # during start-up: models, opening the store
            killed = kill_at(after, extra, many, db)
            where = f"after {after} stored + {extra:.2f} s"
            if not Path(db).exists():
                outcomes.append((where, "before the store", 0))
                continue
            with open_store(db) as store:
                assert store.check() == [], (i, where)
                tables = store.dump()
                order = [h for h, in store.conn.fetch("SELECT content_hash FROM documents ORDER BY seq")]
            assert order == clean_order[: len(order)], (i, where, "not the documents the run had stored first")
            stored = by_document(tables)
            assert set(stored) <= set(clean_docs), (i, where, "rows of a document not in the clean run")
            for content_hash, rows in stored.items():
                assert rows == clean_docs[content_hash], (i, where, "a half-written or different document")
            outcomes.append((where, "killed" if killed else "finished", len(order)))
        result = run("ingest", many, "--db", db)
        assert result.returncode == 0, result.stderr
        assert dump(db) == clean, f"run {i}: the resumed database differs from a clean run's"
    killed_mid = [o for o in outcomes if o[1] == "killed" and 0 < o[2] < len(clean_order)]
    print("kills (where, outcome, documents stored):", *outcomes, sep="\n  ")
    assert len(killed_mid) >= RUNS // 2, f"too few kills landed while documents were stored: {outcomes}"
