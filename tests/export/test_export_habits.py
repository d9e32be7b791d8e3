"""What an analyst expects of the exports (issue 16): UCDP rows are dated and "Clear" only when
coded, ACLED's timestamp is when the event last changed, GeoJSON carries quotes and status and
puts nothing at (0, 0), and ``-o -`` writes to standard output."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casus.cli import app
from casus.export import acled, geojson, ucdp
from casus.model import Claim, Document, Event, Span
from casus.store import open_store

runner = CliRunner()


def _event(eid: str, **kw) -> Event:
    base = dict(event_id=eid, doc_ids=["d1"], iso3="SYR", country="Syria")
    return Event(**{**base, **kw})


def test_ucdp_leaves_undated_out_and_checks_uncoded():
    events = [_event("ev-1", date_start=date(2024, 3, 1), type_of_violence=1),
              _event("ev-2", date_start=date(2024, 3, 2)),
              _event("ev-3")]
    buf = io.StringIO()
    assert ucdp.write(events, buf, {}) == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["id"] for r in rows] == ["ev-1", "ev-2"]
    assert [r["code_status"] for r in rows] == ["Clear", "Check type of violence"]
    assert all(r["year"].isdigit() for r in rows)
    assert rows[0]["country_id"] == "652" and rows[0]["region"] == "Middle East"


def test_acled_row_of_syria_has_iso_and_region():
    buf = io.StringIO()
    acled.write([_event("ev-1", date_start=date(2024, 3, 1))], buf, {}, updated={"ev-1": 1700000000})
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert (row["iso"], row["region"], row["timestamp"]) == ("760", "Middle East", "1700000000")


def test_geojson_quotes_status_and_no_null_island():
    claim = Claim(kind="killed", low=3, doc_id="d1", quote="three were killed", spans=[Span(start=0, end=5)],
                  stance="denies")
    events = [_event("ev-1", latitude=0.0, longitude=0.0, claims=[claim]),
              _event("ev-2", latitude=95.0, longitude=10.0),
              _event("ev-3", latitude=35.0, longitude=190.0),
              _event("ev-4", latitude=36.2, longitude=37.1)]
    buf = io.StringIO()
    geojson.write(events, buf)
    features = json.loads(buf.getvalue())["features"]
    assert [f["geometry"] is None for f in features] == [True, True, True, False]
    assert features[0]["properties"]["quotes"] == ["three were killed"]
    assert features[0]["properties"]["status"] == "disputed"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    from casus.extract.pipeline import extract

    path = str(tmp_path_factory.mktemp("habits") / "casus.duckdb")
    doc = Document(doc_id="wire/a.txt", lang="en", published=date(2024, 3, 2),
                   text="Gunmen killed five civilians in Gao, Mali, on 1 March 2024.")
    with open_store(path) as store:
        store.add(doc, extract(doc))
    return path


def test_acled_timestamp_is_stable_across_exports(db, tmp_path):
    import time

    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    assert runner.invoke(app, ["export", "-f", "acled", "-o", str(first), "--db", db]).exit_code == 0
    time.sleep(1.1)
    assert runner.invoke(app, ["export", "-f", "acled", "-o", str(second), "--db", db]).exit_code == 0
    assert first.read_text() == second.read_text()
    assert "timestamp" in first.read_text().splitlines()[0]


@pytest.mark.parametrize("fmt", ["jsonl", "acled", "ucdp", "geojson"])
def test_dash_is_standard_output(db, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "-f", fmt, "-o", "-", "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    assert result.stdout.strip()


@pytest.mark.parametrize("where", ["missing", "readonly", "folder"])
def test_unwritable_output_is_one_line(db, tmp_path, where):
    import os

    if where == "readonly":
        ro = tmp_path / "ro"
        ro.mkdir(mode=0o555)
        target = ro / "x.geojson" if os.geteuid() != 0 else Path("/proc/casus-x.geojson")  # root writes anywhere else
    else:
        target = tmp_path / "no" / "such" / "x.geojson" if where == "missing" else tmp_path
    result = runner.invoke(app, ["export", "-f", "geojson", "-o", str(target), "--db", db])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(target) in lines[0] and "Traceback" not in result.output
