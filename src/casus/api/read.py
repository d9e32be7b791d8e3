"""GET /api/…: events (JSON and GeoJSON), one event, one document, counts."""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from casus.api import queries
from casus.api.database import Database
from casus.api.queries import ApiFilter, BBox
from casus.api.schemas import DocumentText, EventDetail, EventPage, Problem, Stats
from casus.api.security import can_read
from casus.api.settings import MAX_PAGE
from casus.export.geojson import feature

router = APIRouter(prefix="/api", dependencies=[Depends(can_read)], tags=["read"],
                   responses={401: {"model": Problem}, 403: {"model": Problem}, 422: {"model": Problem}})
Text = Annotated[str | None, Query(max_length=200)]


def parse_bbox(value: str | None) -> BBox | None:
    """``west,south,east,north`` in degrees, or a 422 saying what is wrong."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    try:
        nums = [float(p) for p in parts]
    except ValueError:
        nums = []
    if len(nums) != 4 or not all(math.isfinite(n) for n in nums):
        raise HTTPException(422, "bbox must be four numbers: west,south,east,north")
    west, south, east, north = nums
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, "bbox must have -180 ≤ west ≤ east ≤ 180 and -90 ≤ south ≤ north ≤ 90")
    return west, south, east, north


def event_filter(
    country: Annotated[str | None, Query(max_length=200, description="Country name or ISO3.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of a side's or actor's name.")] = None,
    event_type: Annotated[str | None, Query(max_length=200, description="ACLED event or sub-event type.")] = None,
    since: Annotated[date | None, Query(description="Events ending on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Events starting on or before this day.")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="west,south,east,north (WGS 84).")] = None,
) -> ApiFilter:
    return ApiFilter(country=country, actor=actor, event_type=event_type, since=since, until=until,
                     bbox=parse_bbox(bbox))


Filter = Annotated[ApiFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"At most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _db(request: Request) -> Database:
    return request.app.state.db


def _page(db: Database, where: ApiFilter, limit: int, offset: int) -> tuple[int, list]:
    with db.use() as store:
        return queries.count(store, where), queries.page(store, where, limit, offset)


@router.get("/events", response_model=EventPage, summary="Events matching the filters, a page at a time")
def list_events(request: Request, where: Filter, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    total, events = _page(_db(request), where, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "events": events}


@router.get("/events.geojson", summary="The same page as an RFC 7946 FeatureCollection",
            response_class=JSONResponse, responses={200: {"content": {"application/geo+json": {}}}})
def list_events_geojson(request: Request, where: Filter, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
    total, events = _page(_db(request), where, limit, offset)
    body = {"type": "FeatureCollection", "features": [feature(e) for e in events],
            "total": total, "limit": limit, "offset": offset}
    return JSONResponse(body, media_type="application/geo+json")


@router.get("/events/{event_id}", response_model=EventDetail, responses={404: {"model": Problem}},
            summary="One event with every claim, its claimant, date, quote and spans, and its documents")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    with _db(request).use() as store:
        event = store.event(event_id)
        if event is None or event.event_id != event_id:
            raise HTTPException(404, f"no event {event_id!r}")
        docs = store.documents(event.doc_ids)
    return {"event": event, "documents": [docs[d] for d in event.doc_ids if d in docs]}


@router.get("/documents/{doc_id:path}", response_model=DocumentText, responses={404: {"model": Problem}},
            summary="A document's text as read, with the spans of every claim read from it")
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    with _db(request).use() as store:
        doc = queries.document(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return doc


@router.get("/stats", response_model=Stats, summary="Counts per week, month, region, actor and type")
def get_stats(request: Request, where: Filter) -> dict[str, Any]:
    with _db(request).use() as store:
        return queries.stats(store, where)
