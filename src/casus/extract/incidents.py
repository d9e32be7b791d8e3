"""Which sentences belong to which incident.

A sentence that tells of violence (an attack word, or a figure of dead or wounded) at a named
place opens an incident there — one per place when it names several ("attacked Malian forces in
Bourem and Léré") — unless an incident at the same place with a compatible date is already open,
which it then joins. Sentences without a violent place attach to the incident last spoken of in
the same section, so claims and reactions ("Sidi Mola stated…") follow the story they belong to.
The same place on another date is another incident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span

from casus.extract.actors import ActorMention
from casus.extract.claims import Mention
from casus.extract.dates import DateMention
from casus.extract.places import PlaceMention

NOT_EVENT_DATE = {"since", "until", "before", "till", "by", "signing", "from"}


@dataclass
class Sentence:
    """One sentence with everything found in it (token indices into the Doc, clean offsets)."""

    index: int
    span: Span
    section: int
    dates: list[DateMention]
    actors: list[ActorMention]
    places: list[PlaceMention]
    mentions: list[Mention]
    violent: bool
    agents: list[str] = field(default_factory=list)  # actors that attacked
    targets: list[str] = field(default_factory=list)  # actors attacked
    event_dates: list[DateMention] = field(default_factory=list)


@dataclass
class Incident:
    """Sentences about one incident and the place and date that define it."""

    place: PlaceMention | None
    date: DateMention | None
    sentences: list[Sentence] = field(default_factory=list)
    key: str = ""

    def compatible(self, place: PlaceMention, when: DateMention | None) -> bool:
        if self.place is None or not _same_place(self.place, place):
            return False
        if when is None or self.date is None:
            return True
        return _overlap(self.date.date_start, self.date.date_end, when.date_start, when.date_end)


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    ca, cb = a.candidate, b.candidate
    if ca and cb and ca.place.geonameid and cb.place.geonameid:
        return ca.place.geonameid == cb.place.geonameid
    return a.text.casefold() == b.text.casefold()


def _overlap(a0: date, a1: date, b0: date, b1: date) -> bool:
    return a0 <= b1 and b0 <= a1


def event_dates(sent: Sentence) -> list[DateMention]:
    """Date mentions that can date the sentence's event (not "since 2015", "until March")."""
    doc = sent.span.doc
    out = []
    for d in sent.dates:
        tok = sent.span.char_span(d.start, d.end, alignment_mode="expand")
        if tok is None:
            continue
        before = {t.lower_ for t in doc[max(tok.start - 4, sent.span.start) : tok.start]}
        if before & NOT_EVENT_DATE:
            continue
        out.append(d)
    return out


def group(sentences: list[Sentence]) -> list[Incident]:
    """Incidents in order of first mention."""
    incidents: list[Incident] = []
    current: Incident | None = None
    section = None
    for sent in sentences:
        if sent.section != section:
            section, current = sent.section, None
        places = [p for p in sent.places if not p.is_country and p.candidate is not None]
        when = sent.event_dates[0] if sent.event_dates else None
        if sent.violent and places:
            opened: Incident | None = None
            for place in _distinct(places):
                inc = next((i for i in incidents if i.compatible(place, when)), None)
                if inc is None:
                    inc = Incident(place, when)
                    incidents.append(inc)
                elif inc.date is None and when is not None:
                    inc.date = when
                inc.sentences.append(sent)
                opened = inc
            current = opened
        elif current is not None:
            current.sentences.append(sent)
            if current.date is None and when is not None and sent.violent:
                current.date = when
    return incidents


def _distinct(places: list[PlaceMention]) -> list[PlaceMention]:
    """One mention per place; a place inside another mention's admin area is dropped for it
    ("Dioura, Mopti region" is one incident at Dioura)."""
    out: list[PlaceMention] = []
    for p in places:
        if any(_same_place(p, q) for q in out):
            continue
        out.append(p)
    specific = [p for p in out if not p.admin]
    return specific or out
