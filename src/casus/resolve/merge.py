"""Reports of one incident from many documents become one event.

Two reports (events as extracted, each from one document) are of the same incident when
- their dates are compatible: both known, neither only to the year, the windows
  ``[date_start, date_end]`` overlap once widened by a slack that grows with ``date_prec``
  (1 day for an exact date, 2 for a few days, 3 for a week), and opened ``STATEMENT_LAG_DAYS``
  earlier for a report whose exact date is the day a claimant spoke (it may be the day a toll
  was announced rather than the day of the incident); a month-precise date only meets another
  date at the very same place;
- their places are compatible: town-level places (``where_prec`` ≤ 2) within ``NEAR_KM``; a
  district or region (3, 4) only with a report inside it whose dates overlap without slack;
  a river, road, region or country (≥ 5) only with the same named feature;
- their sides are compatible: the known sides of one are among those of the other (the same
  canonical sides in either order, or one side not known);
- and they come from different documents: what one article tells apart stays apart.

The merged event keeps every claim of every report (re-oriented when a report has its sides
the other way round), in the order the documents were published; low/best/high are reconciled
again over all of them. Its other fields come from the most precise report (for the date: the
earliest exact date not also a statement's date).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from casus.model import Claim, Event
from casus.resolve.reconcile import reconcile
from casus.resolve.sides import UNIDENTIFIED

NEAR_KM = 25.0
SLACK_DAYS = {1: 1, 2: 2, 3: 3, 4: 0}
STATEMENT_LAG_DAYS = 7
"""How far before a statement-dated report (``statement_dated``) its incident may lie."""
FLIP = {"a": "b", "b": "a"}


def distance_km(a: Event, b: Event) -> float | None:
    """Great-circle distance between two events' points, None when either has none."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def statement_dated(e: Event) -> bool:
    """Whether an exact date is also the day a claimant spoke: extraction may have taken the day
    a toll was announced for the day of the incident, which came before it."""
    return e.date_prec == 1 and e.date_start in {c.claim_date for c in e.claims if c.claimant}


def _window(e: Event, slack: bool = True) -> tuple[date, date] | None:
    if e.date_start is None or e.date_prec is None or e.date_prec >= 5:
        return None
    pad = timedelta(days=SLACK_DAYS.get(e.date_prec, 0) if slack else 0)
    lag = timedelta(days=STATEMENT_LAG_DAYS if slack and statement_dated(e) else 0)
    return e.date_start - pad - lag, (e.date_end or e.date_start) + pad


def date_gap(a: Event, b: Event, slack: bool = True) -> int | None:
    """Days between the two windows (0 when they overlap), None when either is not datable."""
    wa, wb = _window(a, slack), _window(b, slack)
    if wa is None or wb is None:
        return None
    return max(0, (max(wa[0], wb[0]) - min(wa[1], wb[1])).days)


def _same_feature(a: Event, b: Event) -> bool:
    return bool(a.location) and a.location == b.location and a.iso3 == b.iso3


def places_compatible(a: Event, b: Event) -> bool:
    wa, wb = a.where_prec or 7, b.where_prec or 7
    if wa >= 5 or wb >= 5:
        return _same_feature(a, b)
    if wa <= 2 and wb <= 2:
        d = distance_km(a, b)
        return _same_feature(a, b) if d is None else d <= NEAR_KM
    if a.iso3 != b.iso3 or not a.adm_1 or a.adm_1 != b.adm_1:
        return False
    if max(wa, wb) == 3:
        return _same_feature(a, b) or (bool(a.adm_2) and a.adm_2 == b.adm_2)
    return True


def known_sides(e: Event) -> set[str]:
    """The sides an event names, an unidentified armed group counting as not known."""
    return {s for s in (e.side_a, e.side_b) if s and s != UNIDENTIFIED}


def sides_compatible(a: Event, b: Event) -> bool:
    sa, sb = known_sides(a), known_sides(b)
    return sa <= sb or sb <= sa


def compatible(a: Event, b: Event) -> bool:
    """Whether two reports (or a report and a merged event) can be of one incident."""
    if set(a.doc_ids) & set(b.doc_ids):
        return False
    gap = date_gap(a, b)
    if gap is None or gap > 0 or not places_compatible(a, b) or not sides_compatible(a, b):
        return False
    if 4 in (a.date_prec, b.date_prec) and not _same_feature(a, b):
        return False
    if max(a.where_prec or 7, b.where_prec or 7) >= 3:
        return date_gap(a, b, slack=False) == 0
    return True


def affinity(a: Event, b: Event) -> float:
    """Lower is closer: kilometres in units of NEAR_KM plus days apart without slack."""
    d = distance_km(a, b)
    return (d / NEAR_KM if d is not None else 0.5) + (date_gap(a, b, slack=False) or 0)


def best_match(report: Event, events: Sequence[Event]) -> int | None:
    """The index of the event ``report`` belongs to, or None: the closest compatible one."""
    fits = [(affinity(report, e), i) for i, e in enumerate(events) if compatible(report, e)]
    return min(fits)[1] if fits else None


# --- combining reports ----------------------------------------------------------------------


def _oriented(claims: list[Claim], flip: bool) -> list[Claim]:
    if not flip:
        return list(claims)
    return [
        c.model_copy(update={"side": FLIP.get(c.side, c.side), "claimant_side": FLIP.get(c.claimant_side, c.claimant_side)})
        for c in claims
    ]


def _flipped(r: Event, side_a: str | None, side_b: str | None) -> bool:
    return (r.side_a is not None and r.side_a == side_b) or (r.side_b is not None and r.side_b == side_a)


def merge_reports(event_id: str, reports: Sequence[Event], published: Mapping[str, date] | None = None) -> Event:
    """One event from its reports (given in the order they were stored)."""
    if not reports:
        raise ValueError("merge_reports needs at least one report")
    order = {id(r): i for i, r in enumerate(reports)}
    place = min(reports, key=lambda r: (r.where_prec or 8, order[id(r)]))
    when = min(reports, key=lambda r: (r.date_prec or 6, statement_dated(r), r.date_start or date.max, order[id(r)]))
    coded = min(reports, key=lambda r: (-len(known_sides(r)), -sum(s is not None for s in (r.side_a, r.side_b)), order[id(r)]))

    def doc_date(r: Event) -> date:
        known = published or {}
        dated = [known[d] for d in r.doc_ids if d in known] + [c.claim_date for c in r.claims if c.claim_date]
        return min(dated, default=date.max)

    claims: list[Claim] = []
    for r in sorted(reports, key=lambda r: (doc_date(r), order[id(r)])):
        claims += _oriented(r.claims, _flipped(r, coded.side_a, coded.side_b))
    per_side, sentence = reconcile(claims)
    doc_ids = list(dict.fromkeys(d for r in reports for d in r.doc_ids))
    if len(reports) > 1:
        sentence += f" Merged from {len(reports)} reports in {len(doc_ids)} documents."
    elif reports[0].reconciliation:
        sentence = reports[0].reconciliation
    return reports[0].model_copy(update={
        "event_id": event_id,
        "doc_ids": doc_ids,
        **{k: getattr(when, k) for k in ("date_start", "date_end", "date_prec")},
        **{k: getattr(place, k) for k in ("country", "iso3", "adm_1", "adm_2", "location", "latitude",
                                           "longitude", "where_prec", "geo_precision")},
        **{k: getattr(coded, k) for k in ("side_a", "side_b", "side_a_actors", "side_b_actors",
                                           "type_of_violence", "event_type", "sub_event_type")},
        "deaths_a": per_side["a"], "deaths_b": per_side["b"],
        "deaths_civilians": per_side["civilians"], "deaths_unknown": per_side["unknown"],
        "low": sum(d.low for d in per_side.values()),
        "best": sum(d.best for d in per_side.values()),
        "high": sum(d.high for d in per_side.values()),
        "fatalities": sum(d.low for d in per_side.values()),
        "reconciliation": sentence,
        "claims": claims,
    })


def merge(reports: Sequence[Event], published: Mapping[str, date] | None = None) -> list[Event]:
    """Reports in, events out: each report joins the closest compatible event so far, or founds
    one (which keeps the founding report's id). The store does the same, one document at a time."""
    members: list[list[Event]] = []
    merged: list[Event] = []
    for report in reports:
        i = best_match(report, merged)
        if i is None:
            members.append([report])
            merged.append(merge_reports(report.event_id, [report], published))
        else:
            members[i].append(report)
            merged[i] = merge_reports(merged[i].event_id, members[i], published)
    return merged
