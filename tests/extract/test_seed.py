"""The seed article, coded as an analyst would (issue: the seed, end to end)."""

from __future__ import annotations

from datetime import date

import pytest

from casus.extract.pipeline import extract
from casus.ingest import read_file
from casus.model import Event, span_text


@pytest.fixture(scope="module")
def seed_doc(seed_path):
    return next(read_file(seed_path))


@pytest.fixture(scope="module")
def events(seed_doc) -> list[Event]:
    return extract(seed_doc)


def _at(events: list[Event], location: str) -> Event:
    found = [e for e in events if e.location == location]
    assert len(found) == 1, [e.location for e in events]
    return found[0]


def test_one_event_per_incident(events):
    assert sorted(e.location for e in events) == ["Ber", "Bourem", "Dioura", "Léré"]


def test_dioura_raid_is_coded(events):
    raid = _at(events, "Dioura")
    assert (raid.date_start, raid.date_end, raid.date_prec) == (date(2023, 9, 28), date(2023, 9, 28), 1)
    assert (raid.country, raid.iso3, raid.adm_1) == ("Mali", "MLI", "Mopti")
    assert "nenkou" in (raid.adm_2 or "")
    assert raid.latitude == pytest.approx(14.8252, abs=0.01) and raid.longitude == pytest.approx(-5.2547, abs=0.01)
    assert (raid.where_prec, raid.geo_precision) == (1, 1)
    assert (raid.side_a, raid.side_b) == ("Government of Mali", "CSP-PSD")
    assert "CMA" in raid.side_b_actors
    assert raid.type_of_violence == 1
    assert (raid.event_type, raid.sub_event_type) == ("Battles", "Non-state actor overtakes territory")
    assert (raid.deaths_a.low, raid.deaths_a.high) == (81, 98)
    assert raid.deaths_b.low == raid.deaths_b.high == 5
    assert raid.fatalities == raid.low == raid.deaths_a.low + raid.deaths_b.low
    assert raid.best == raid.deaths_a.best + raid.deaths_b.best + raid.deaths_civilians.best + raid.deaths_unknown.best
    assert "81" in raid.reconciliation and "98" in raid.reconciliation


def _claims(event: Event, kind: str, **where):
    return [c for c in event.claims if c.kind == kind and all(getattr(c, k) == v for k, v in where.items())]


def test_spokesman_claims(events):
    raid = _at(events, "Dioura")
    (killed,) = _claims(raid, "killed", low=98)
    assert killed.side == "a" and killed.high == 98 and not killed.approx
    assert "Mohamed Elmaouloud Ramadane" in killed.claimant and killed.claimant_side == "b"
    assert killed.claim_date == date(2023, 9, 30) and killed.stance == "asserts"
    (injured,) = _claims(raid, "injured", side="a")
    assert injured.approx and injured.low < injured.high
    assert _claims(raid, "taken_prisoner", low=5, claimant=killed.claimant)
    assert _claims(raid, "released", low=5, claimant=killed.claimant)


def test_colonel_claims(events):
    raid = _at(events, "Dioura")
    (killed,) = _claims(raid, "killed", low=81)
    assert killed.claimant == "Colonel Moulay Ag Sidi Mola" and killed.claimant_side == "b"
    colonel = killed.claimant
    assert _claims(raid, "taken_prisoner", low=5, claimant=colonel)
    assert _claims(raid, "vehicles_captured", low=5, claimant=colonel)
    assert _claims(raid, "vehicles_destroyed", low=15, claimant=colonel)
    assert _claims(raid, "killed", side="b", low=5, claimant=colonel)
    assert _claims(raid, "injured", side="b", low=10, claimant=colonel)


def test_army_claims_and_the_denial(events):
    raid = _at(events, "Dioura")
    army = [c for c in raid.claims if c.claimant and "army" in c.claimant.lower()]
    kinds = {c.kind for c in army}
    assert {"attack", "reinforcement", "vehicles_destroyed"} <= kinds
    assert all(c.claimant_side == "a" for c in army)
    (denial,) = [c for c in raid.claims if c.stance == "denies"]
    assert denial.kind == "vehicles_destroyed" and "CSP-PSD" in denial.claimant and denial.claimant_side == "b"


def test_press_confirms_the_seizure(events):
    raid = _at(events, "Dioura")
    press = _claims(raid, "control_taken", claimant_side="third_party")
    assert press and "RFI" in press[0].claimant and press[0].side == "b"
    assert _claims(raid, "withdrawal", side="b")


def test_quotes_are_spans_of_the_original(events, seed_doc):
    for event in events:
        for claim in event.claims:
            assert claim.spans, claim
            assert span_text(seed_doc.text, claim.spans) == claim.quote
            assert claim.context and claim.context.start <= claim.spans[0].start


def test_background_events(events):
    ber = _at(events, "Ber")
    assert (ber.date_start, ber.date_end, ber.date_prec) == (date(2023, 8, 1), date(2023, 8, 31), 4)
    assert ber.side_a == "Government of Mali" and ber.side_b == "CSP-PSD"
    assert "Wagner Group" in ber.side_a_actors
    assert _at(events, "Bourem").adm_1 == "Gao"
    assert _at(events, "Léré").adm_1 == "Tombouctou"


def test_nothing_leaks_from_link_previews(events):
    blob = " ".join(e.model_dump_json() for e in events)
    for leak in ("1981", "Iran", "arts centre", "Prigozhin", "Glasgow", "480,000"):
        assert leak not in blob


def test_same_input_same_output(seed_doc, events):
    again = extract(seed_doc)
    assert [e.model_dump() for e in again] == [e.model_dump() for e in events]
    assert len({e.event_id for e in events}) == len(events)
