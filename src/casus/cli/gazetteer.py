"""``casus gazetteer``: look names up in the offline gazetteer, import another country's dump.

The gazetteer is built from GeoNames (geonames.org, CC BY 4.0) and casus' curated places; see
docs/geocoding.md for how candidates are ranked.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    help="The offline gazetteer (GeoNames.org data, CC BY 4.0, and curated places): look up a "
    "name's ranked candidates, import a GeoNames country dump (Syria, Sudan, ...).",
    no_args_is_help=True,
)
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True)


@app.command("lookup")
def lookup(
    name: str = typer.Argument(..., help="A place name, any spelling or accents (exact match, never fuzzy)."),
    country: list[str] = typer.Option([], "--country", "-c", help="A country the text is about (name or ISO code); repeatable."),
    hint: list[str] = typer.Option([], "--hint", help="An admin area the text names (\"Mopti\", \"cercle de Ténenkou\"); repeatable."),
    limit: int = typer.Option(10, "--limit", "-n", help="Show at most this many candidates."),
) -> None:
    """Show the candidates for NAME, best first, as the geocoder ranks them.

    Ranking: the document's countries, admin hints, feature class (populated places and camps
    before wells and marshes), seats before villages, closeness to the document's other places,
    the name itself before an alternate, population. Example: casus gazetteer lookup Dioura
    --hint Ténenkou
    """
    from casus.resolve.gazetteer import Gazetteer

    ranked = Gazetteer.default().rank(name, countries=country, admin_hints=hint)
    if not ranked:
        err.print(f"no place is named {name!r} (matching is exact after folding accents, case and hyphens)")
        raise typer.Exit(1)
    table = Table(title=f"{name}: {len(ranked)} candidate(s)", caption="admin2* = inferred from the nearest places; data: GeoNames.org (CC BY 4.0)")
    for col in ("#", "name", "country", "admin1", "admin2", "code", "population", "lat", "lon", "geonameid", "score", "source"):
        right = col in ("#", "population", "lat", "lon", "geonameid", "score")
        table.add_column(col, justify="right" if right else "left", no_wrap=col != "source")
    for i, c in enumerate(ranked[:limit], 1):
        p = c.place
        table.add_row(
            str(i), p.name, p.iso3 or "", p.adm_1 or "", (p.adm_2 or "") + ("*" if c.adm2_inferred else ""),
            f"{c.feature_class}.{p.feature_code}", f"{p.population:,}" if p.population else "",
            f"{p.latitude:.4f}" if p.latitude is not None else "", f"{p.longitude:.4f}" if p.longitude is not None else "",
            str(p.geonameid or ""), f"{c.score:.1f}", (p.source or "").split(" (")[0][:40],
        )  # fmt: skip
    out.print(table)


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="A GeoNames country dump (e.g. SY.txt from download.geonames.org/export/dump/).", exists=True, dir_okay=False),
    admin_dir: Optional[Path] = typer.Option(None, "--admin-dir", help="Folder with admin1CodesASCII.txt, admin2Codes.txt and countryInfo.txt (else the shipped admin1 names and the dump's own ADM rows).", exists=True, file_okay=False),
) -> None:
    """Index a GeoNames country dump FILE for every later run (into $CASUS_GAZETTEER_DIR,
    default ~/.local/share/casus/gazetteer). GeoNames data is CC BY 4.0: credit GeoNames.org."""
    from casus.resolve.gazetteer import import_dump

    written = import_dump(file, admin_dir)
    out.print(f"imported {file} → {written}")
