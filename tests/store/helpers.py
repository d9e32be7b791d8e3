"""Hand-built reports for store and merge tests."""

from __future__ import annotations

from datetime import date

from casus.model import Claim, Event, Span

COUNTRY = {"MLI": "Mali", "BFA": "Burkina Faso", "NER": "Niger"}


def claim(doc_id: str, low: int, *, side: str = "a", claimant: str | None = "the army",
          claimant_side: str = "a", on: date | None = None, kind: str = "killed") -> Claim:
    quote = f"{low} killed"
    return Claim(kind=kind, side=side, low=low, high=low, claimant=claimant, claimant_side=claimant_side,
                 claim_date=on, doc_id=doc_id, quote=quote, spans=[Span(start=0, end=len(quote))],
                 context=Span(start=0, end=len(quote) + 1))


def report(doc_id: str, key: str, day: date, *, location: str = "Dioura", lat: float = 14.8252,
           lon: float = -5.2547, where_prec: int = 1, date_prec: int = 1, end: date | None = None,
           side_a: str | None = "Government of Mali", side_b: str | None = "CSP-PSD",
           claims: list[Claim] | None = None, iso3: str = "MLI", adm_1: str = "Mopti") -> Event:
    return Event(
        event_id=f"ev-{doc_id}-{key}", doc_ids=[doc_id], title=f"{location} report in {doc_id}",
        date_start=day, date_end=end or day, date_prec=date_prec, country=COUNTRY[iso3], iso3=iso3, adm_1=adm_1,
        location=location, latitude=lat, longitude=lon, where_prec=where_prec,
        geo_precision=1 if where_prec == 1 else 2, side_a=side_a, side_b=side_b,
        side_a_actors=["Malian Armed Forces"] if side_a == "Government of Mali" else ([side_a] if side_a else []),
        side_b_actors=[side_b] if side_b else [], type_of_violence=1, event_type="Battles",
        sub_event_type="Armed clash", claims=claims or [],
    )
