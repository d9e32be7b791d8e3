"""Merging reports across documents: pure functions over hand-built events."""

from __future__ import annotations

from datetime import date

from casus.resolve.merge import compatible, merge, merge_reports
from tests.store.helpers import claim, report

DAY = date(2023, 9, 28)


def test_same_place_same_day_other_document_merges():
    a, b = report("d1", "a", DAY), report("d2", "b", DAY + (date(2023, 9, 29) - DAY), lat=14.9, lon=-5.2)
    assert compatible(a, b) and compatible(b, a)


def test_same_document_never_merges():
    assert not compatible(report("d1", "a", DAY), report("d1", "b", DAY))


def test_same_place_another_year_is_another_event():
    assert not compatible(report("d1", "a", DAY), report("d2", "a", date(2019, 1, 27)))


def test_nearby_place_beyond_25_km_is_another_event():
    hombori = report("d2", "a", DAY, location="Hombori", lat=15.279, lon=-1.700)
    boni = report("d1", "a", DAY, location="Boni", lat=15.077, lon=-2.220)
    assert not compatible(boni, hombori)


def test_sides_unknown_or_swapped_are_compatible_but_others_not():
    a = report("d1", "a", DAY)
    assert compatible(a, report("d2", "a", DAY, side_b=None))
    assert compatible(a, report("d2", "a", DAY, side_a="CSP-PSD", side_b="Government of Mali"))
    assert compatible(a, report("d2", "a", DAY, side_b="Unidentified armed group"))
    assert not compatible(a, report("d2", "a", DAY, side_b="JNIM"))


def test_vague_dates_do_not_merge_by_themselves():
    a = report("d1", "a", DAY)
    assert not compatible(a, report("d2", "a", date(2023, 1, 1), end=date(2023, 12, 31), date_prec=5))
    month = report("d2", "a", date(2023, 9, 1), end=date(2023, 9, 30), date_prec=4)
    assert compatible(a, month)
    assert not compatible(a, month.model_copy(update={"location": "Dioura area"}))


def test_statement_date_may_lag_the_incident():
    a = report("d1", "a", DAY)
    said = report("d2", "a", date(2023, 10, 1), claims=[claim("d2", 30, on=date(2023, 10, 1))])
    assert compatible(a, said)
    assert not compatible(a, said.model_copy(update={"claims": []}))


def test_coarse_places_need_the_same_region_and_overlapping_days():
    town = report("d1", "a", DAY)
    region = report("d2", "a", DAY, location="Mopti Region", where_prec=4, lat=14.5, lon=-4.2)
    assert compatible(town, region)
    assert not compatible(town, region.model_copy(update={"adm_1": "Ségou"}))
    assert not compatible(town, region.model_copy(update={"date_start": date(2023, 9, 29), "date_end": date(2023, 9, 29)}))


def test_merged_event_keeps_every_claim_in_publication_order_and_reconciles():
    late = report("d2", "b", DAY, claims=[claim("d2", 40, claimant="the UN", claimant_side="third_party")])
    early = report("d1", "a", DAY, side_b=None, where_prec=2,
                   claims=[claim("d1", 12), claim("d1", 12, claimant="a local official", claimant_side="third_party")])
    event = merge_reports(early.event_id, [early, late], {"d1": date(2023, 9, 28), "d2": date(2023, 10, 2)})
    assert [c.low for c in event.claims] == [12, 12, 40]
    assert event.doc_ids == ["d1", "d2"] and event.event_id == early.event_id
    assert event.side_b == "CSP-PSD" and event.where_prec == 1
    assert (event.deaths_a.low, event.deaths_a.best, event.deaths_a.high) == (12, 12, 40)
    assert event.fatalities == event.low == 12


def test_swapped_report_claims_are_reoriented():
    a = report("d1", "a", DAY, claims=[claim("d1", 5, side="a")])
    b = report("d2", "b", DAY, side_a="CSP-PSD", side_b="Government of Mali",
               claims=[claim("d2", 7, side="b", claimant_side="a", claimant="the CSP")])
    event = merge_reports(a.event_id, [a, b])
    assert [(c.low, c.side, c.claimant_side) for c in event.claims] == [(5, "a", "a"), (7, "a", "b")]
    assert event.deaths_a.high == 7


def test_merge_groups_reports_and_keeps_first_ids():
    reports = [report("d1", "a", DAY), report("d2", "a", DAY), report("d3", "a", date(2019, 1, 27)),
               report("d4", "a", DAY, location="Hombori", lat=15.279, lon=-1.700)]
    events = merge(reports)
    assert [e.doc_ids for e in events] == [["d1", "d2"], ["d3"], ["d4"]]
    assert events[0].event_id == reports[0].event_id
