"""A French report of the seed's raid (eval/docs/fr/rfi-style__dioura-2023.md, written for
casus, not a translation) comes out with the same event and claims as the English seed
(issue 4, "Done when")."""

from __future__ import annotations

from datetime import date

import pytest

from casus.extract.pipeline import extract
from casus.ingest import read_file
from casus.model import Claim, Event, span_text

FRENCH = "eval/docs/fr/rfi-style__dioura-2023.md"


def _dioura(events: list[Event]) -> Event:
    found = [e for e in events if e.location == "Dioura"]
    assert len(found) == 1, [e.location for e in events]
    return found[0]


@pytest.fixture(scope="module")
def french_doc(root):
    return next(read_file(root / FRENCH))


@pytest.fixture(scope="module")
def french(french_doc) -> Event:
    assert french_doc.lang is None  # the language is detected, not given
    return _dioura(extract(french_doc))


@pytest.fixture(scope="module")
def english(seed_path) -> Event:
    return _dioura(extract(next(read_file(seed_path))))


def _key(c: Claim) -> tuple:
    """What a claim says, whatever the language: vague figures ("dozens", "des dizaines")
    compare as vague, since their ranges are the language's own."""
    figure = ("vague",) if c.approx and c.low is not None and c.low != c.high else (c.low, c.high)
    return (c.kind, c.side, *figure, c.claimant_side, c.stance)


def test_same_event(french, english):
    fields = ("date_start", "date_end", "date_prec", "location", "country", "iso3", "adm_1", "where_prec",
              "side_a", "side_b", "type_of_violence", "event_type", "sub_event_type")
    assert {f: getattr(french, f) for f in fields} == {f: getattr(english, f) for f in fields}
    assert (french.date_start, french.side_a, french.side_b) == (date(2023, 9, 28), "Government of Mali", "CSP-PSD")
    assert french.sub_event_type == "Non-state actor overtakes territory"
    assert "CMA" in french.side_b_actors


def test_same_death_figures(french, english):
    assert (french.deaths_a.low, french.deaths_a.high) == (english.deaths_a.low, english.deaths_a.high) == (81, 98)
    assert (french.deaths_b.low, french.deaths_b.high) == (english.deaths_b.low, english.deaths_b.high) == (5, 5)
    assert (french.low, french.high) == (english.low, english.high)


def test_same_claims(french, english):
    assert {_key(c) for c in french.claims} == {_key(c) for c in english.claims}


def test_claimants_and_dates(french):
    (killed,) = [c for c in french.claims if c.kind == "killed" and c.low == 98]
    assert "Mohamed Elmaouloud Ramadane" in killed.claimant and killed.claimant_side == "b"
    assert killed.claim_date == date(2023, 9, 30)  # "Samedi", published on Saturday 30 September
    (denial,) = [c for c in french.claims if c.stance == "denies"]
    assert denial.kind == "vehicles_destroyed" and "CSP-PSD" in denial.claimant and denial.claimant_side == "b"
    press = [c for c in french.claims if c.kind == "control_taken" and c.claimant_side == "third_party"]
    assert press and press[0].claimant == "Des sources locales" and press[0].side == "b"


def test_quotes_are_spans_of_the_original(french, french_doc):
    for claim in french.claims:
        assert span_text(french_doc.text, claim.spans) == claim.quote
