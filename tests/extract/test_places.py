"""Place mentions in parsed sentences: locatives, admin words, relations, what is left out."""

from __future__ import annotations

import pytest

from casus.extract.nlp import load
from casus.extract.places import _names, find_places
from casus.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def nlp():
    return load("en")


def places(nlp, text: str, countries=("MLI",)):
    doc = nlp(text)
    names = [doc[a:b].text for s in doc.sents for a, b in _names(s, set())]
    out = []
    for sent in doc.sents:
        out += find_places(sent, [], Gazetteer.default(), list(countries), names)
    return out


def test_locative_village_is_exact(nlp) -> None:
    [p] = places(nlp, "Gunmen attacked a military post in Dioura on Saturday.")
    assert (p.text, p.relation, p.where_prec, p.place.adm_1) == ("Dioura", "exact", 1, "Mopti")


def test_admin_qualifiers_are_no_places_of_their_own(nlp) -> None:
    ps = places(nlp, "Gunmen attacked a post in Dioura (Tenenkou, Mopti) on Saturday.")
    assert [p.text for p in ps] == ["Dioura"]
    ps = places(nlp, "The army repelled an attack on its base in Léré, in the Timbuktu region.")
    assert [(p.text, p.place.adm_1) for p in ps] == [("Léré", "Tombouctou")]


def test_region_named_before_or_after(nlp) -> None:
    [p] = places(nlp, "Twenty civilians were killed in the Ménaka region.")
    assert (p.relation, p.where_prec, p.geo_precision, p.place.feature_code) == ("region", 4, 3, "ADM1")
    [p] = places(nlp, "Eleven herders were killed in the cercle of Djenné.")
    assert (p.relation, p.where_prec, p.place.feature_code) == ("region", 3, "ADM2")


def test_distance_and_bearing(nlp) -> None:
    [p] = places(nlp, "A bomb exploded about 12 km northwest of Tessalit.")
    assert (p.relation, p.where_prec) == ("near", 2) and p.description == "12 km northwest of Tessalit"
    [p] = places(nlp, "Villages east of Ménaka were attacked.")
    assert (p.relation, p.where_prec) == ("near", 2)


def test_between_is_one_mention(nlp) -> None:
    [p] = places(nlp, "Gunmen ambushed a convoy on the road between Nampala and Dioura.")
    assert p.relation == "between" and p.text == "Nampala and Dioura" and p.place.name == "between Nampala and Dioura"


def test_dateline_and_statement_origin_left_out(nlp) -> None:
    assert places(nlp, "BAMAKO, March 3 (Wire) — Gunmen killed 12 soldiers, the army said.") == []
    ps = places(nlp, "The army said in Bamako that 12 soldiers had been killed in Boulkessi.")
    assert [p.text for p in ps] == ["Boulkessi"]


def test_object_of_an_attack_verb_is_a_place(nlp) -> None:
    [p] = places(nlp, "Islamic State fighters attacked Anderamboukane on Tuesday.")
    assert p.place.adm_1 == "Gao"


def test_border_with_a_country(nlp) -> None:
    ps = places(nlp, "Soldiers were killed in Boulkessi, near the border with Burkina Faso.")
    assert [(p.text, p.relation) for p in ps] == [("Boulkessi", "exact"), ("Burkina Faso", "border")]
    assert ps[1].is_country and ps[1].where_prec == 6


def test_unknown_names_and_persons_are_not_places(nlp) -> None:
    assert places(nlp, "Colonel Diouraa Mola spoke to reporters in Xyzzyville.") == []
