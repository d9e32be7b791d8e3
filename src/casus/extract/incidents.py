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
    unnamed_agent: bool = False  # someone attacked whom the text does not name ("gunmen")
    insurgents: bool = False  # the insurgency, unnamed ("the rebels")
    blamed: bool = False  # names who is blamed for, or claims, the story's attack
    report_dates: list[DateMention] = field(default_factory=list)  # when something was said
    claimant_tokens: set[int] = field(default_factory=set)  # who says so: not a party for that
    event_dates: list[DateMention] = field(default_factory=list)


@dataclass
class Incident:
    """Sentences about one incident and the place and date that define it."""

    place: PlaceMention | None
    date: DateMention | None
    sentences: list[Sentence] = field(default_factory=list)
    key: str = ""
    refined: bool = False  # its date was narrowed from a month or year to a day

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


SETTINGS = {"town", "city", "village", "camp", "base", "locality", "area", "post", "garrison", "barracks",
            "mountain", "massif", "hill", "forest", "valley", "desert"}  # terrain: "in the Adrar des Ifoghas mountains"


def group(sentences: list[Sentence], speakers: frozenset[str] = frozenset()) -> list[Incident]:
    """Incidents in order of first mention (see the module docstring)."""
    incidents: list[Incident] = []
    current: Incident | None = None
    for sent in sentences:
        places = [p for p in sent.places if _event_place(p, sent, speakers)]
        when = sent.event_dates[0] if sent.event_dates else None
        if sent.violent and places and current is not None and all(p.admin for p in places) \
                and all(_contains(p, current.place) for p in places):
            places = []  # "Boulkessi, in the Mopti region, …": the region of the current incident
        if sent.violent and places:
            opened: Incident | None = None
            for place in _distinct(places, sent):
                inc = next((i for i in incidents if i.compatible(place, when)), None)
                if inc is None:
                    inc = Incident(place, when)
                    incidents.append(inc)
                elif when is not None and (inc.date is None or when.prec < inc.date.prec <= 5 and not inc.refined):
                    # "In March 2014 … On 21 March": the day the story narrates; a later day
                    # at the same place is then another incident
                    inc.date, inc.refined = when, inc.date is not None
                inc.sentences.append(sent)
                opened = inc
            current = opened
        elif current is None:
            continue
        elif sent.violent and not sent.blamed and _elsewhere_in_time(sent, current):
            if when is not None and _names_setting(sent) and incidents[0].place is not None:
                # "On the evening of 9 August, fighters attacked the army camp": the place the
                # story is about (its first incident's), on that date
                inc = next((i for i in incidents if i.place and i.compatible(i.place, when)), None)
                if inc is None:
                    inc = Incident(incidents[0].place, when)
                    incidents.append(inc)
                inc.sentences.append(sent)
                current = inc
            # else: background (another time, no place): belongs to no incident here
        else:
            current.sentences.append(sent)
            if current.date is None and when is not None and sent.violent:
                current.date = when
    return incidents


def _event_place(p: PlaceMention, sent: Sentence, speakers: frozenset[str]) -> bool:
    """A place where something happened — not a country, not a name used as a modifier ("the
    Algiers agreement"), not where a speaker is ("an official in Mondoro")."""
    if p.is_country or p.candidate is None:
        return False
    doc = sent.span.doc
    last = doc[p.end - 1]
    if last.dep_ in {"compound", "amod"} and last.head.i >= p.end and not p.admin \
            and last.head.lemma_.lower() not in SETTINGS:
        return False
    prep = doc[p.start].head if doc[p.start].dep_ == "pobj" else last.head if last.dep_ == "pobj" else None
    if prep is not None and prep.dep_ == "prep" and prep.head.lemma_.lower() in speakers:
        return False
    return True


def _contains(region: PlaceMention, place: PlaceMention | None) -> bool:
    if place is None or region.candidate is None or place.candidate is None:
        return False
    r, p = region.candidate.place, place.candidate.place
    name = r.adm_1 or r.name
    return bool(p.adm_1) and (p.adm_1 == r.name or p.adm_1 == name or p.adm_2 == r.name)


def _elsewhere_in_time(sent: Sentence, current: Incident) -> bool:
    """A sentence dated (even "since 2019") outside the current incident's dates."""
    if current.date is None or not sent.dates:
        return False
    c = current.date
    dates = [d for d in sent.dates if d not in sent.report_dates]
    return bool(dates) and not any(_overlap(c.date_start, c.date_end, d.date_start, d.date_end) for d in dates)


def _names_setting(sent: Sentence) -> bool:
    """Speaks of "the town", "the camp"… — the place the story is about."""
    toks = list(sent.span)
    return any(t.lemma_.lower() in SETTINGS and i and toks[i - 1].lower_ in {"the", "its", "their"}
               for i, t in enumerate(toks))


def _distinct(places: list[PlaceMention], sent: Sentence) -> list[PlaceMention]:
    """The places a sentence opens incidents at: populated places and camps over features and
    admin areas; several only when listed together ("in Bourem and Léré")."""
    out: list[PlaceMention] = []
    for p in places:
        if not any(_same_place(p, q) for q in out):
            out.append(p)
    specific = [p for p in out if not p.admin] or out
    settled = [p for p in specific if p.candidate and p.candidate.feature_class in {"P", "S", "U"}] or specific
    first = settled[0]
    listed = [first]
    doc = sent.span.doc
    for p in settled[1:]:
        between = doc[listed[-1].end : p.start]
        if all(t.lower_ in {",", "and", "or", "as", "well"} or t.is_space for t in between):
            listed.append(p)
    return listed
