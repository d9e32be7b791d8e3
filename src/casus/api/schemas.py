"""The JSON the API answers with (also its OpenAPI schema at /docs)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from casus.model import ClaimKind, Event, Format, Side, Stance


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters, on every page.")
    limit: int
    offset: int
    events: list[Event]


class DocumentInfo(BaseModel):
    doc_id: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    format: str | None = None
    lang: str | None = None


class EventDetail(BaseModel):
    event: Event
    documents: list[DocumentInfo] = Field(description="The documents its claims were read from.")


class SpanRef(BaseModel):
    """A quote's span in the document, and the claim and event it belongs to."""

    event_id: str
    claim_id: str
    kind: ClaimKind
    side: Side
    stance: Stance
    start: int
    end: int


class DocumentText(DocumentInfo):
    content_hash: str = Field(description="The version shown: the latest stored under this id.")
    format: Format
    text: str = Field(description="The text exactly as read: spans are offsets into it.")
    spans: list[SpanRef]


class Period(BaseModel):
    period: date = Field(description="First day of the week (Monday) or month.")
    events: int
    best: int


class Region(BaseModel):
    country: str | None
    adm_1: str | None
    events: int
    best: int


class ActorCount(BaseModel):
    actor: str
    events: int
    best: int = Field(description="Best deaths of the events it is side A or B of.")


class TypeCount(BaseModel):
    event_type: str | None
    events: int
    best: int


class Stats(BaseModel):
    events: int
    best: int
    per_week: list[Period]
    per_month: list[Period]
    per_region: list[Region]
    per_actor: list[ActorCount]
    per_event_type: list[TypeCount]


class Submission(BaseModel):
    """A document submitted as JSON (the same fields as a line of a JSON Lines feed)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=500, pattern=r"\S")
    text: str = Field(min_length=1)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: date | None = None
    lang: str | None = Field(None, max_length=16)


class Submitted(BaseModel):
    doc_id: str
    stored: bool = Field(description="False when the same content was already stored.")
    duplicate_of: str | None = None
    reports: int = Field(description="Events extracted from the document.")
    new_events: int
    merged: int = Field(description="Reports merged into events already stored.")
    events: list[Event] = Field(description="The stored events this document's reports are part of.")


class Problem(BaseModel):
    """Every error: ``{"detail": "why"}`` (a list of field errors for 422)."""

    detail: Any


FeatureCollection = dict[str, Any]
