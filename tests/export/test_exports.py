"""Exports load back: DuckDB and the csv module read the CSVs with the official columns, the
GeoJSON keeps RFC 7946's rules, the Parquet and JSON Lines give back the very same events."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from casus.cli import app
from casus.export import acled, parquet, ucdp
from casus.model import Document, Event
from casus.store import EventFilter, open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, root) -> str:
    """A store of the samples and the merge evaluation reports."""
    from casus.extract.actors import registry
    from casus.extract.pipeline import extract
    from casus.ingest import read_paths

    path = str(tmp_path_factory.mktemp("export") / "casus.duckdb")
    with open_store(path) as store:
        for d in read_paths([root / "samples", root / "eval" / "merge" / "reports.jsonl"]):
            if isinstance(d, Document):
                store.add(d, extract(d), registry())
    return path


@pytest.fixture(scope="module")
def events(db) -> list[Event]:
    with open_store(db, read_only=True) as store:
        return store.events()


def export(db: str, fmt: str, out: Path, *args: str) -> Path:
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", db, *args])
    assert result.exit_code == 0, result.output
    return out


def test_ucdp_csv_has_geds_49_columns(db, events, tmp_path):
    path = export(db, "ucdp", tmp_path / "ged.csv")
    rel = duckdb.read_csv(str(path), header=True, all_varchar=True)
    assert rel.columns == list(ucdp.COLUMNS) and len(rel.columns) == 49
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    dated = [e for e in events if e.date_start is not None]  # GED has no undated rows
    assert len(rows) == len(dated)
    by_id = {r["id"]: r for r in rows}
    for e in dated:
        r = by_id[e.event_id]
        assert int(r["best"]) == e.best and int(r["number_of_sources"]) == len(e.doc_ids)
        if e.latitude is not None:
            assert r["geom_wkt"] == f"POINT ({e.longitude} {e.latitude})"
            assert 1 <= int(r["priogrid_gid"]) <= 259200
        if e.side_a == "Government of Mali":
            assert r["gwnoa"] == "432"


def test_priogrid_cells():
    assert ucdp.priogrid_gid(-89.9, -179.9) == 1
    assert ucdp.priogrid_gid(89.9, 179.9) == 259200
    assert ucdp.priogrid_gid(14.8252, -5.2547) == 209 * 720 + 349 + 1


def test_acled_csv_has_31_columns_and_one_row_per_event_day(db, events, tmp_path):
    path = export(db, "acled", tmp_path / "acled.csv")
    rel = duckdb.read_csv(str(path), header=True, all_varchar=True)
    assert rel.columns == list(acled.COLUMNS) and len(rel.columns) == 31
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for e in events:
        base = (e.iso3 or "XXX") + e.event_id.removeprefix("ev-")
        mine = [r for r in rows if r["event_id_cnty"].split("-")[0] == base]
        assert sum(int(r["fatalities"]) for r in mine) == e.fatalities
        if e.date_prec in (1, 2) and e.date_start and e.date_end:
            assert len(mine) == (e.date_end - e.date_start).days + 1
    for r in rows:
        assert r["notes"].endswith(".") and r["notes"].count(". ") == 0
        assert r["inter1"] in {"", *map(str, range(1, 9))} and r["inter2"] in {"", *map(str, range(1, 9))}
        if r["inter1"] and r["inter2"]:
            assert r["interaction"] == "".join(sorted(r["inter1"] + r["inter2"]))
    assert any(r["iso"] == "466" and r["region"] == "Western Africa" for r in rows)


def validate_rfc7946(doc: dict) -> list[str]:
    """What breaks RFC 7946 in a FeatureCollection of points (empty when nothing)."""
    problems = []
    if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        return ["not a FeatureCollection with a features array"]
    if "crs" in doc:
        problems.append("crs member (removed by RFC 7946 §4)")
    for i, f in enumerate(doc["features"]):
        if f.get("type") != "Feature" or "geometry" not in f or "properties" not in f:
            problems.append(f"feature {i}: needs type Feature, geometry and properties (§3.2)")
        if "id" in f and not isinstance(f["id"], (str, int, float)):
            problems.append(f"feature {i}: id is neither string nor number (§3.2)")
        if f.get("properties") is not None and not isinstance(f["properties"], dict):
            problems.append(f"feature {i}: properties is not an object")
        g = f.get("geometry")
        if g is None:
            continue
        pos = g.get("coordinates")
        if g.get("type") != "Point" or not isinstance(pos, list) or len(pos) not in (2, 3):
            problems.append(f"feature {i}: not a Point with a position (§3.1.2)")
        elif not all(isinstance(x, (int, float)) and math.isfinite(x) for x in pos):
            problems.append(f"feature {i}: non-numeric position")
        elif not (-180 <= pos[0] <= 180 and -90 <= pos[1] <= 90):
            problems.append(f"feature {i}: position is not [longitude, latitude] in WGS 84 (§3.1.1, §4)")
    return problems


def test_validator_catches_lat_lon_swapped():
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [14.8, -200.0]}, "properties": {}}]}
    assert validate_rfc7946(bad)


def test_geojson_validates_and_points_are_lon_lat(db, events, tmp_path):
    path = export(db, "geojson", tmp_path / "events.geojson")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert validate_rfc7946(doc) == []
    assert len(doc["features"]) == len(events)
    for f, e in zip(doc["features"], events):
        assert f["id"] == e.event_id
        if e.latitude is None:
            assert f["geometry"] is None
        else:
            assert f["geometry"]["coordinates"] == [e.longitude, e.latitude]


def test_parquet_round_trips(db, events, tmp_path):
    path = export(db, "parquet", tmp_path / "events.parquet")
    assert parquet.read(path) == events
    assert any(e.claims for e in events)
    assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchone()[0] == len(events)


def test_parquet_schema_covers_the_model():
    assert parquet.SCHEMA.names == list(Event.model_fields)
    assert [f.name for f in parquet.CLAIM] == list(__import__("casus.model").model.Claim.model_fields)


def test_jsonl_round_trips(db, events, tmp_path):
    path = export(db, "jsonl", tmp_path / "events.jsonl")
    back = [Event.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert back == events


def test_filters_apply_to_exports(db, tmp_path):
    path = export(db, "jsonl", tmp_path / "bfa.jsonl", "--country", "BFA", "--since", "2024-03-01")
    back = [Event.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with open_store(db, read_only=True) as store:
        expected = store.events(EventFilter(country="BFA", since=__import__("datetime").date(2024, 3, 1)))
    assert back == expected and back and all(e.iso3 == "BFA" for e in back)


def test_unknown_format_is_refused(db, tmp_path):
    result = runner.invoke(app, ["export", "--format", "shapefile", "-o", str(tmp_path / "x"), "--db", db])
    assert result.exit_code != 0
