"""The one data model every stage shares: ingest → extract → resolve → store → export.

Field names follow the UCDP GED codebook where one exists (``date_prec``, ``where_prec``,
``side_a``, ``deaths_a``, ``low``/``best``/``high``, ``type_of_violence``) and ACLED's otherwise
(``event_type``, ``sub_event_type``, ``geo_precision``, ``fatalities``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# --- vocabularies -------------------------------------------------------------------------

Side = Literal["a", "b", "civilians", "unknown"]
"""Whose loss or gain a claim is about: side A, side B, civilians, or not said."""

ClaimantSide = Literal["a", "b", "third_party", "unknown"]
"""Where the claimant stands: a party (A or B), a third party (press, UN, NGO) or not known."""

Stance = Literal["asserts", "denies"]

ClaimKind = Literal[
    "killed",
    "injured",
    "missing",
    "taken_prisoner",
    "released",
    "vehicles_captured",
    "vehicles_destroyed",
    "materiel_seized",
    "control_taken",
    "withdrawal",
    "attack",
    "reinforcement",
    "displaced",
]
"""The vocabulary of claims; documented in docs/event-record.md."""

FORMATS = ("text", "mirror", "wikitext", "markdown", "html", "jsonl")
Format = Literal["text", "mirror", "wikitext", "markdown", "html", "jsonl"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- documents and spans ------------------------------------------------------------------


class Span(_Model):
    """Character offsets ``[start, end)`` into ``Document.text`` exactly as read."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Segment(_Model):
    """A run of the document's content: ``text[start:end]``, or ``replacement`` read in its place
    (a decoded HTML entity, a wiki link's label). Readers drop markup and noise by leaving it out
    of every segment, so offsets always point into the original text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    replacement: str | None = None


class Document(_Model):
    """One input text as read, with the segments that carry its content."""

    doc_id: str
    text: str
    format: Format = "text"
    title: str | None = None
    url: str | None = None
    published: date | None = None
    lang: str | None = None
    segments: list[Segment] = Field(default_factory=list)
    infobox: dict[str, Any] | None = None
    """Structured data kept from the source (a wiki infobox, YAML front matter); never read
    by extraction, which works from the prose alone."""


# --- actors and places --------------------------------------------------------------------

ActorType = Literal[
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_forces",
]
"""ACLED's actor types (inter codes 1–8, in that order)."""


class Membership(_Model):
    """An actor's place in a coalition between two dates (open-ended when None)."""

    coalition: str
    since: date | None = None
    until: date | None = None


class Actor(_Model):
    """A canonical actor from the registry (data/actors.yaml), or one named in text only."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    actor_type: ActorType | None = None
    country: str | None = None
    """ISO 3166-1 alpha-3 of the state the actor belongs to or fights in."""
    government: str | None = None
    """For state forces: the government they serve (UCDP's side A, e.g. "Government of Mali")."""
    memberships: list[Membership] = Field(default_factory=list)
    registered: bool = True


class Place(_Model):
    """A resolved place with its administrative context."""

    name: str
    country: str | None = None
    iso3: str | None = None
    adm_1: str | None = None
    adm_2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature_code: str | None = None
    geonameid: int | None = None
    population: int | None = None
    source: str | None = None


# --- claims and events --------------------------------------------------------------------


class Claim(_Model):
    """One figure or outcome a text asserts (or denies), with who said it and where."""

    kind: ClaimKind
    side: Side = "unknown"
    subject: str | None = None
    """The subject as written ("Malian soldiers")."""
    actor: str | None = None
    """The canonical actor the subject belongs to, when known."""
    low: int | None = None
    high: int | None = None
    approx: bool = False
    claimant: str | None = None
    claimant_side: ClaimantSide = "unknown"
    claim_date: date | None = None
    stance: Stance = "asserts"
    doc_id: str
    quote: str
    spans: list[Span]
    context: Span | None = None
    """The whole sentence the claim was read from (offsets into the document)."""


class Deaths(_Model):
    """A UCDP-style estimate."""

    low: int = 0
    best: int = 0
    high: int = 0


DatePrec = Literal[1, 2, 3, 4, 5]
WherePrec = Literal[1, 2, 3, 4, 5, 6, 7]
GeoPrecision = Literal[1, 2, 3]
TypeOfViolence = Literal[1, 2, 3]


class Event(_Model):
    """One incident: the line ``casus extract`` writes (see docs/event-record.md)."""

    event_id: str
    doc_ids: list[str]
    title: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_prec: DatePrec | None = None
    country: str | None = None
    iso3: str | None = None
    adm_1: str | None = None
    adm_2: str | None = None
    location: str | None = None
    """The gazetteer's name of the place (UCDP's where_coordinates)."""
    where_description: str | None = None
    """The place as the text describes it ("the camp at Dioura", "12 km north of Tessalit")."""
    latitude: float | None = None
    longitude: float | None = None
    where_prec: WherePrec | None = None
    geo_precision: GeoPrecision | None = None
    side_a: str | None = None
    side_b: str | None = None
    side_a_actors: list[str] = Field(default_factory=list)
    side_b_actors: list[str] = Field(default_factory=list)
    type_of_violence: TypeOfViolence | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    deaths_a: Deaths = Field(default_factory=Deaths)
    deaths_b: Deaths = Field(default_factory=Deaths)
    deaths_civilians: Deaths = Field(default_factory=Deaths)
    deaths_unknown: Deaths = Field(default_factory=Deaths)
    low: int = 0
    best: int = 0
    high: int = 0
    fatalities: int = 0
    reconciliation: str = ""
    claims: list[Claim] = Field(default_factory=list)


# --- helpers ------------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """White space folded: runs become one space, ends stripped (how quotes are compared)."""
    return _WS.sub(" ", text).strip()


def span_text(text: str, spans: list[Span]) -> str:
    """The text of spans, joined and with white space folded: by definition a claim's quote."""
    return fold(" ".join(text[s.start : s.end] for s in spans))
