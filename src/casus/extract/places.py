"""Place mentions: proper names in a locative position ("in Dioura", "the town of Ber", "near
Djibo", "12 km north of Tessalit", "in the Ménaka region") resolved with the gazetteer.

A capitalised name counts as a place when a locative word comes before it, an admin word after
it, or when the gazetteer knows it as a country or a first-order admin area. That keeps person
and organisation names that happen to be villages somewhere out of the events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from casus.extract.actors import ActorMention
from casus.resolve.gazetteer import Candidate, Gazetteer

LOCATIVE = {"in", "at", "near", "of", "from", "outside", "around", "to", "toward", "towards",
            "into", "between", "across", "inside", "within", "on", "through", "beyond", "along",
            "past", "against", "north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "and", "or", "over", "outskirts", "via"}
SETTING = {"town", "city", "village", "camp", "base", "locality", "commune", "area", "region",
           "district", "province", "cercle", "department", "municipality", "hamlet", "outskirts",
           "vicinity", "governorate", "neighbourhood", "neighborhood", "suburb", "countryside", "road"}
ADMIN_WORDS = {"region", "cercle", "province", "district", "department", "governorate",
               "prefecture", "commune", "circle", "state", "county", "oblast"}
NEAR_WORDS = {"near", "outside", "around", "outskirts", "vicinity", "close"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "north-east", "north-west", "south-east", "south-west"}
_DISTANCE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\b", re.I)
SKIP_WORDS = {"God", "Allah", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
              "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
              "July", "August", "September", "October", "November", "December"}


@dataclass
class PlaceMention:
    """A place named in a sentence (token range) with the gazetteer's best candidate."""

    start: int
    end: int
    text: str
    candidate: Candidate | None
    near: bool = False  # "near X", "12 km north of X": UCDP where_prec 2
    admin: bool = False  # named as an admin area ("the Mopti region")

    @property
    def is_country(self) -> bool:
        return bool(self.candidate and (self.candidate.place.feature_code or "").startswith("PCL"))


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
            elif nxt.text in {"-", "'", "’"} and j + 1 < sent.end and doc[j + 1].text[:1].isalpha() and not doc[j].whitespace_ and not doc[j - 1].whitespace_:
                j += 2
            elif nxt.lower_ in {"al", "el", "ag", "ould", "de", "du", "des", "la", "le"} and j + 1 < sent.end and _capital(doc[j + 1]):
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _capital(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha or (tok.text[:1].isupper() and "-" in tok.text)


def _context(doc, start: int, end: int) -> tuple[bool, bool, bool]:
    """(locative before, named as an admin area, near) for a candidate name."""
    before = [t for t in doc[max(start - 4, 0) : start]]
    words = [t.lower_ for t in before]
    locative = bool(words) and (words[-1] in LOCATIVE or (words[-1] == "the" and len(words) > 1 and words[-2] in LOCATIVE))
    if any(w in SETTING for w in words[-3:]) and ("of" in words[-2:] or "at" in words[-2:] or "in" in words[-2:]):
        locative = True
    after = doc[end].lower_ if end < len(doc) else ""
    admin = after in ADMIN_WORDS or any(w in ADMIN_WORDS for w in words[-2:] if w != "of") and "of" in words[-1:]
    window = doc[max(start - 8, 0) : start].text
    near = any(w in NEAR_WORDS for w in words[-3:]) or (
        bool(_DISTANCE.search(window)) and any(w in DIRECTIONS or w in {"from", "of"} for w in words[-3:])
    )
    return locative, admin, near


def find_places(sent: Span, actors: list[ActorMention], gazetteer: Gazetteer,
                countries: list[str], admin_hints: list[str], taken: set[int] | None = None) -> list[PlaceMention]:
    """Place mentions in a sentence, resolved in the document's countries and admin context."""
    blocked = set(taken or ())
    for m in actors:
        blocked.update(range(m.start, m.end))
    doc = sent.doc
    out: list[PlaceMention] = []
    for start, end in _names(sent, blocked):
        text = doc[start:end].text
        locative, admin, near = _context(doc, start, end)
        name = f"{text} {doc[end].text}" if admin and end < len(doc) and doc[end].lower_ in ADMIN_WORDS else text
        hints = [h for h in admin_hints if h != text]  # a name is no hint for itself
        candidate = gazetteer.resolve(name, countries=countries, admin_hints=hints)
        if candidate is None and end - start > 1:
            continue
        if candidate is None:
            continue
        major = candidate.place.feature_code in {"PCLI", "PCL", "PCLD", "ADM1", "PPLC"} or (candidate.place.feature_code or "").startswith("PCL")
        if not (locative or admin or major):
            continue
        out.append(PlaceMention(start, end, text, candidate, near=near, admin=admin or candidate.feature_class == "A"))
    return out
