"""The annotated set stays honest: every gold file parses, points at a document that exists,
uses the model's vocabularies, and quotes the document's own words."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import get_args

import pytest
import yaml

from casus.model import ClaimKind, DatePrec, GeoPrecision, Side, Stance, TypeOfViolence, WherePrec, fold

REPO = Path(__file__).resolve().parents[2]
GOLD = sorted(
    f for f in (REPO / "eval" / "gold").rglob("*.yaml") if "wire" not in f.relative_to(REPO / "eval" / "gold").parts
)  # the main set and fr/; wire/ lists its documents by id and has its own test

EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air or drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
EVENT_KEYS = {
    "id", "date_start", "date_end", "date_prec", "location", "location_alt", "country", "iso3",
    "adm_1", "adm_2", "latitude", "longitude", "where_prec", "geo_precision", "side_a", "side_b",
    "side_a_actors", "side_b_actors", "type_of_violence", "event_type", "sub_event_type",
    "deaths_a", "deaths_b", "claims",
}
CLAIM_KEYS = {"kind", "side", "low", "high", "approx", "claimant", "claim_date", "stance", "quote"}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_is_a_gold_set():
    assert len(GOLD) >= 16


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_file(path: Path):
    gold = load(path)
    assert set(gold) <= {"document", "lang", "published", "scope", "notes", "events"}
    assert (REPO / gold["document"]).is_file(), gold["document"]
    assert gold["lang"] in ("en", "fr")
    assert gold.get("scope", "full") in ("full", "partial")
    assert gold.get("notes"), "say what was coded and what was left out"
    ids = [e["id"] for e in gold["events"]]
    assert len(ids) == len(set(ids)), "event ids are unique within a file"
    for ev in gold["events"]:
        assert set(ev) <= EVENT_KEYS, set(ev) - EVENT_KEYS
        if "date_start" in ev:
            assert isinstance(ev["date_start"], date) and isinstance(ev["date_end"], date)
            assert ev["date_start"] <= ev["date_end"]
        for key, vocab in (
            ("date_prec", DatePrec),
            ("where_prec", WherePrec),
            ("geo_precision", GeoPrecision),
            ("type_of_violence", TypeOfViolence),
        ):
            if ev.get(key) is not None:
                assert ev[key] in get_args(vocab), (ev["id"], key)
        if ev.get("event_type"):
            assert ev["sub_event_type"] in EVENT_TYPES[ev["event_type"]], ev["id"]
        if ev.get("latitude") is not None:
            assert -90 <= ev["latitude"] <= 90 and -180 <= ev["longitude"] <= 180
        for key in ("deaths_a", "deaths_b"):
            if key in ev:
                d = ev[key]
                assert d["low"] <= d["best"] <= d["high"], (ev["id"], key)
        for claim in ev.get("claims") or []:
            assert set(claim) <= CLAIM_KEYS and {"kind", "side", "quote"} <= set(claim)
            assert claim["kind"] in get_args(ClaimKind)
            assert claim["side"] in get_args(Side)
            assert claim.get("stance", "asserts") in get_args(Stance)
            if claim.get("low") is not None and claim.get("high") is not None:
                assert claim["low"] <= claim["high"]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_quotes_are_in_the_document(path: Path):
    gold = load(path)
    text = fold(unicodedata.normalize("NFC", (REPO / gold["document"]).read_text(encoding="utf-8")))
    missing = [
        (ev["id"], c["quote"])
        for ev in gold["events"]
        for c in ev.get("claims") or []
        if fold(unicodedata.normalize("NFC", c["quote"])) not in text
    ]
    assert not missing


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_quotes_are_in_the_prose_not_the_front_matter(path: Path):
    gold = load(path)
    raw = (REPO / gold["document"]).read_text(encoding="utf-8")
    prose = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)
    prose = fold(unicodedata.normalize("NFC", prose))
    for ev in gold["events"]:
        for c in ev.get("claims") or []:
            assert fold(unicodedata.normalize("NFC", c["quote"])) in prose, (ev["id"], c["quote"])
