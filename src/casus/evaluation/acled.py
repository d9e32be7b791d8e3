"""casus read against ACLED: each row's note through the pipeline, the answering event compared
field by field with what ACLED coded (docs/evaluation.md, "Against ACLED").

The note is given a publication date 1 to 3 days after the event (fixed per row by a hash of
``event_id_cnty``; never the event day itself), as a news report would have, so that relative
dates ("on Wednesday", "last night") are resolved as they would be in a real report.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from casus.errors import DocumentError
from casus.evaluation.acled_csv import AcledRow
from casus.model import Document, Event

_SIZE_TAG = re.compile(r"\s*\[[a-z ]+=[^\]]*\]\s*$", re.I)  # ACLED's "[size=no report]"
_PAREN = re.compile(r"\s*\([^)]*\)")


def published(row: AcledRow) -> date:
    """The report's date: 1–3 days after the event, fixed per row (hash of event_id_cnty)."""
    h = int(hashlib.sha1(row.event_id.encode("utf-8")).hexdigest(), 16)
    return row.event_date + timedelta(days=1 + h % 3)


def document(row: AcledRow) -> Document:
    return Document(doc_id=f"acled:{row.event_id}", text=_SIZE_TAG.sub("", row.notes), published=published(row),
                    lang="en")  # ACLED writes its notes in English


def answer(events: list[Event]) -> Event | None:
    """The event that answers the row when casus finds several: the one whose claims start
    earliest in the note (ACLED notes lead with the main incident: "On 3 March, ... attacked
    ..."), then the one with most fatalities; an event without claims comes after those with."""
    if not events:
        return None

    def key(e: Event) -> tuple[int, int]:
        starts = [s.start for c in e.claims for s in c.spans]
        return (min(starts) if starts else 1 << 30, -e.fatalities)

    return min(events, key=key)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def norm(name: str | None) -> str:
    """Case, accents, punctuation folded: "Ségou" = "Segou", "Tillabéri" = "Tillaberi"."""
    s = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


_STOP = {"of", "the", "and", "or", "for", "forces", "group", "unidentified", "armed", "military",
         "police", "de", "la", "du", "des", "le"}


def relaxed(ours: str | None, theirs: str) -> bool:
    """Same actor read loosely: names without their parentheses (years, country) equal, one
    containing the other, or sharing a distinctive word ("JNIM", "Mali", "Fulani")."""
    if not theirs:
        return not ours
    if not ours:
        return False
    a, b = norm(_PAREN.sub("", ours)), norm(_PAREN.sub("", theirs))
    if a == b or (a and b and (a in b or b in a)):
        return True
    # a word of four letters or more, other than the generic ones, in both names (parentheses kept)
    wa = {w for w in norm(ours).split() if len(w) >= 4 and w not in _STOP}
    wb = {w for w in norm(theirs).split() if len(w) >= 4 and w not in _STOP}
    return bool(wa & wb)


@dataclass
class Outcome:
    """One row compared: ``None`` where a figure does not apply (no coordinates on either side)."""

    row: AcledRow
    event: Event | None
    n_events: int
    error: str | None = None
    date_exact: bool = False
    date_in_range: bool = False
    undated: bool = False  # casus read no date of the note's own (a range ending at publication)
    admin1: bool = False
    km: float | None = None
    event_type: bool = False
    sub_event_type: bool = False
    fatalities: bool = False
    fatalities_near: bool = False
    actor1: bool = False
    actor1_relaxed: bool = False
    actor2: bool = False
    actor2_relaxed: bool = False
    ours_actor1: str | None = None
    ours_actor2: str | None = None

    @property
    def found(self) -> bool:
        return self.event is not None


def compare(row: AcledRow, events: list[Event] | DocumentError) -> Outcome:
    from casus.export.acled import _side

    if isinstance(events, DocumentError):
        return Outcome(row, None, 0, error=str(events))
    e = answer(events)
    out = Outcome(row, e, len(events))
    if e is None:
        return out
    start, end = e.date_start, e.date_end or e.date_start
    out.date_exact = start == row.event_date and end == row.event_date
    out.date_in_range = start is not None and end is not None and start <= row.event_date <= end
    out.undated = e.date_prec is not None and e.date_prec >= 3
    out.admin1 = bool(row.admin1) and norm(e.adm_1) == norm(row.admin1)
    if None not in (e.latitude, e.longitude, row.latitude, row.longitude):
        out.km = km(e.latitude, e.longitude, row.latitude, row.longitude)  # type: ignore[arg-type]
    out.event_type = e.event_type == row.event_type
    out.sub_event_type = e.sub_event_type == row.sub_event_type
    if row.fatalities is not None:
        out.fatalities = e.fatalities == row.fatalities
        out.fatalities_near = abs(e.fatalities - row.fatalities) <= max(1.0, 0.1 * row.fatalities)
    a1, _, _ = _side(e, "a")
    a2, _, _ = _side(e, "b")
    out.ours_actor1, out.ours_actor2 = a1, a2
    out.actor1 = (a1 or "") == row.actor1
    out.actor2 = (a2 or "") == row.actor2
    out.actor1_relaxed = relaxed(a1, row.actor1)
    out.actor2_relaxed = relaxed(a2, row.actor2)
    return out


def evaluate(rows: Iterable[AcledRow], batch_size: int = 64) -> Iterator[Outcome]:
    """Each row compared, in order; the notes are parsed in batches (extract_many)."""
    from casus.extract.pipeline import extract_many

    rows = list(rows)
    docs = (document(r) for r in rows)
    for row, (_, events) in zip(rows, extract_many(docs, batch_size=batch_size)):
        yield compare(row, events)  # type: ignore[arg-type]


def sample(rows: list[AcledRow], n: int) -> list[AcledRow]:
    """``n`` rows chosen by a hash of their id (the same rows on every run), in file order."""
    if n <= 0 or n >= len(rows):
        return rows
    ranked = sorted(rows, key=lambda r: hashlib.sha1(r.event_id.encode("utf-8")).hexdigest())[:n]
    keep = {r.event_id for r in ranked}
    return [r for r in rows if r.event_id in keep]
