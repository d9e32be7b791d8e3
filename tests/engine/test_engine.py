"""The Dask engine against the serial path, through the installed command, on a LocalCluster of
two worker processes: the same JSON Lines byte for byte, and the same store table for table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from casus.store import open_store
from casus.store.schema import TABLES, VOLATILE

CASUS = Path(sys.executable).parent / "casus"


def run(*args: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(CASUS), *map(str, args)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def test_extract_on_two_workers_writes_what_the_serial_path_writes(root: Path, tmp_path: Path) -> None:
    inputs = [root / "eval" / "docs", root / "samples"]
    run("extract", *inputs, "-o", tmp_path / "serial.jsonl", "-q")
    run("extract", *inputs, "-o", tmp_path / "dask.jsonl", "-q", "--engine", "dask", "--workers", 2,
        "--parts", tmp_path / "parts")
    serial = (tmp_path / "serial.jsonl").read_bytes()
    assert serial.count(b"\n") > 100
    assert (tmp_path / "dask.jsonl").read_bytes() == serial
    parts = sorted((tmp_path / "parts").glob("part-*.jsonl"))
    assert len(parts) > 1
    assert b"".join(p.read_bytes() for p in parts) == serial


def _tables(db: Path) -> dict[str, list[tuple]]:
    with open_store(str(db)) as store:
        out = {}
        for table in TABLES:
            cols, _ = store.conn.columns(f"SELECT * FROM {table} LIMIT 0")
            kept = [c for c in cols if c not in VOLATILE.get(table, ())]
            rows = store.conn.fetch(f"SELECT {', '.join(kept)} FROM {table}")
            out[table] = sorted(rows, key=repr)
        return out


def test_ingest_on_two_workers_stores_what_the_serial_path_stores(root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for f in (root / "samples").iterdir():
        if f.name != "SOURCES.md":
            (folder / f.name).write_bytes(f.read_bytes())
    (folder / "wire.jsonl").write_bytes((root / "eval" / "merge" / "reports.jsonl").read_bytes())
    (folder / "again.txt").write_bytes((root / "samples" / "raid-on-dioura-2023.txt").read_bytes())
    serial = run("ingest", folder, "--db", tmp_path / "serial.duckdb")
    dask = run("ingest", folder, "--db", tmp_path / "dask.duckdb", "--engine", "dask", "--workers", 2)
    assert dask.stderr.split() == serial.stderr.split()
    assert "1 unchanged" in " ".join(serial.stderr.split())
    tables = _tables(tmp_path / "serial.duckdb")
    assert tables["events"] and tables["claims"]
    assert _tables(tmp_path / "dask.duckdb") == tables


def test_unknown_engine_is_refused(root: Path, tmp_path: Path) -> None:
    done = subprocess.run([str(CASUS), "extract", root / "samples", "--engine", "spark", "-q"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "spark" in done.stderr


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_engine_options_are_documented(command: str) -> None:
    done = subprocess.run([str(CASUS), command, "--help"], capture_output=True, text=True, timeout=60)
    assert "--engine" in done.stdout and "--scheduler" in done.stdout and "--workers" in done.stdout
