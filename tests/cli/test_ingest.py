"""``casus ingest``, ``casus events`` and ``casus show`` through the installed command, on
DuckDB and PostgreSQL; a run killed mid-way loses and doubles nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from casus.store import open_store
from tests.store.postgres import postgres_server, postgres_url  # noqa: F401

CASUS = Path(sys.executable).parent / "casus"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The command's result, with stderr's lines unwrapped (rich wraps at the terminal width)."""
    done = subprocess.run([str(CASUS), *map(str, args)], capture_output=True, text=True, timeout=600)
    done.stderr = " ".join(done.stderr.split())
    return done


@pytest.fixture(scope="module")
def many(root, tmp_path_factory) -> Path:
    """34 documents in one folder: the samples and the merge evaluation reports."""
    folder = tmp_path_factory.mktemp("many")
    for f in (root / "samples").iterdir():
        if f.name != "SOURCES.md":
            (folder / f.name).write_bytes(f.read_bytes())
    (folder / "wire.jsonl").write_bytes((root / "eval" / "merge" / "reports.jsonl").read_bytes())
    return folder


@pytest.fixture(scope="module")
def clean_db(many, tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("clean") / "clean.duckdb")
    result = run("ingest", many, "--db", db)
    assert result.returncode == 0, result.stderr
    return db


def dump(db: str) -> dict:
    with open_store(db, read_only=not db.startswith("postgresql")) as store:
        assert store.check() == []
        return store.dump()


def test_ingest_counts_and_reingest_changes_nothing(many, clean_db):
    before = dump(clean_db)
    result = run("ingest", many, "--db", clean_db)
    assert result.returncode == 0, result.stderr
    assert "0 stored" in result.stderr and "34 unchanged" in result.stderr
    assert dump(clean_db) == before
    assert len(before["documents"]) == 34


def test_killed_ingest_leaves_a_consistent_store_and_resumes(many, clean_db, tmp_path):
    db = str(tmp_path / "killed.duckdb")
    proc = subprocess.Popen([str(CASUS), "ingest", str(many), "--db", db, "-v"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    stored = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        stored += line.startswith("stored ")
        if stored == 10:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    with open_store(db) as store:
        assert store.check() == []
        assert 10 <= store.counts()["documents"] < 34
    result = run("ingest", many, "--db", db)
    assert result.returncode == 0, result.stderr
    assert dump(db) == dump(clean_db)


def test_bad_documents_are_refused_and_named(tmp_path, root):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "seed.txt").write_bytes((root / "samples" / "raid-on-dioura-2023.txt").read_bytes())
    result = run("ingest", folder, tmp_path / "missing.txt", "--db", tmp_path / "x.duckdb")
    assert result.returncode == 0, result.stderr
    assert "refused" in result.stderr and "empty.txt" in result.stderr and "missing.txt" in result.stderr
    assert "1 stored" in result.stderr and "3 refused" in result.stderr


def test_events_and_show(clean_db):
    listed = subprocess.run([str(CASUS), "events", "--db", clean_db, "--country", "Mali", "--limit", "0"],
                            capture_output=True, text=True, env={"COLUMNS": "250", "PATH": ""}, timeout=120)
    assert listed.returncode == 0, listed.stderr
    with open_store(clean_db, read_only=True) as store:
        events = [e for e in store.events() if e.country == "Mali"]
    merged = max(events, key=lambda e: (len(e.doc_ids), len(e.claims)))
    assert merged.event_id in listed.stdout and f"{len(events)} of" in listed.stdout
    shown = subprocess.run([str(CASUS), "show", merged.event_id[:12], "--db", clean_db],
                           capture_output=True, text=True, env={"COLUMNS": "400", "PATH": ""}, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert merged.event_id in shown.stdout
    for c in merged.claims:
        assert c.quote[:30] in shown.stdout.replace("\n", " ") or c.quote[:15] in shown.stdout
    for d in merged.doc_ids:
        assert d in shown.stdout
    assert run("show", "ev-nope", "--db", clean_db).returncode == 1
    assert run("events", "--db", "/nonexistent/x.duckdb").returncode == 2


def test_postgresql_store_through_the_cli(root, postgres_url):
    result = run("ingest", root / "samples", "--db", postgres_url)
    assert result.returncode == 0, result.stderr
    again = run("ingest", root / "samples", "--db", postgres_url)
    assert "0 stored" in again.stderr
    listed = run("events", "--db", postgres_url)
    assert listed.returncode == 0 and "Dioura" in listed.stdout
    with open_store(postgres_url) as store:
        assert store.check() == [] and store.counts()["documents"] == 7  # 3 files and a 4-line feed


def test_corpus_and_seed_twice_equal_once(shared, tmp_path):
    """The issue's bar: ../shared/corpus and the seed ingested twice give the database of once."""
    db = str(tmp_path / "corpus.duckdb")
    first = run("ingest", shared / "corpus", shared / "seed", "--db", db)
    assert first.returncode == 0, first.stderr
    once = dump(db)
    second = run("ingest", shared / "corpus", shared / "seed", "--db", db)
    assert second.returncode == 0 and "0 stored" in second.stderr, second.stderr
    assert dump(db) == once
    assert len(once["documents"]) >= 60
