"""Gazetteer load and name resolution time (issue 13: index load < 1 s, < 0.1 ms a name).

    .venv/bin/python bench/gazetteer.py

Loads the default gazetteer (shipped index merged with the world layer, built first if
missing: not timed) and resolves a fixed list of Sahel, Horn and world names, repeatedly, with
and without the document's countries. Prints seconds to load and ms per resolution.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from casus.resolve import world  # noqa: E402
from casus.resolve.gazetteer import INDEX, Gazetteer  # noqa: E402

NAMES = ("Dioura Ménaka Tillabéri Djibo Bosso Gao Kidal Léré Boulkessi Nassoumbou Mogadishu "
         "Marka Kismayo Baidoa Mekelle Dessie Garissa Mandera Kharkiv Aleppo Deir-ez-Zor "
         "Shabeellaha-Hoose Tigray Airport North Republic Sor").split()  # fmt: skip


def main() -> int:
    world.ensure(INDEX)
    start = time.perf_counter()
    gaz = Gazetteer.default()
    load = time.perf_counter() - start
    for countries in ((), ("MLI", "NER", "BFA")):
        gaz.resolve("Dioura", countries=countries)  # warm the parse of the rows touched
        n, start = 0, time.perf_counter()
        for _ in range(50):
            for name in NAMES:
                gaz.resolve(name.replace("-", " "), countries=countries)
                n += 1
        per = (time.perf_counter() - start) / n * 1000
        print(f"resolve, countries={list(countries)}: {per:.4f} ms a name ({n} names)")
    print(f"load: {load:.3f} s, {len(gaz._lines)} rows, {len(gaz)} name keys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
