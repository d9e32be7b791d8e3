"""Side A and side B, UCDP style (resolve/sides.py), with the real actor registry."""

from __future__ import annotations

from datetime import date

import pytest

from casus.extract.actors import registry
from casus.resolve.sides import assign, document_dyad

ON = date(2023, 9, 28)


@pytest.fixture(scope="module")
def reg():
    return registry()


def sides(reg, agents=(), targets=(), named=(), **kw):
    within = kw.pop("within", frozenset([*agents, *targets, *named]))
    return assign(list(agents), list(targets), list(named), reg, ON, within=within, **kw)


def test_the_government_is_side_a_when_it_attacks(reg):
    s = sides(reg, ["Malian Armed Forces"], ["CSP-PSD"])
    assert (s.a, s.b, s.a_is_state, s.attacker) == ("Government of Mali", "CSP-PSD", True, "a")
    assert s.a_actors == ["Malian Armed Forces"] and s.b_actors == ["CSP-PSD"]


def test_the_government_is_side_a_even_when_it_is_the_target(reg):
    s = sides(reg, ["CSP-PSD"], ["Malian Armed Forces"])
    assert (s.a, s.b, s.a_is_state) == ("Government of Mali", "CSP-PSD", True)
    assert s.attacker == "b"


def test_the_government_entry_itself_is_side_a(reg):
    s = sides(reg, ["JNIM"], ["Government of Burkina Faso"])
    assert (s.a, s.b) == ("Government of Burkina Faso", "JNIM")


def test_co_agents_join_the_government_side(reg):
    s = sides(reg, ["Malian Armed Forces", "Wagner Group"], ["CSP-PSD"])
    assert s.a == "Government of Mali"
    assert set(s.a_actors) == {"Malian Armed Forces", "Wagner Group"} and s.b_actors == ["CSP-PSD"]


def test_co_agents_of_the_rebels_join_side_b(reg):
    s = sides(reg, ["CSP-PSD", "JNIM"], ["Malian Armed Forces"])
    assert s.a == "Government of Mali"
    assert {"CSP-PSD", "JNIM"} <= set(s.b_actors)
    assert s.b in {"CSP-PSD", "JNIM"}


def test_foreign_forces_attacked_with_the_government_are_on_side_a(reg):
    s = sides(reg, ["JNIM"], ["Malian Armed Forces", "MINUSMA"])
    assert "MINUSMA" in s.a_actors and s.b == "JNIM"


def test_a_coalition_member_fights_as_its_coalition_and_both_are_listed(reg):
    s = sides(reg, ["CMA"], ["Malian Armed Forces"], ["CSP-PSD"])
    assert s.b == "CSP-PSD"
    assert {"CMA", "CSP-PSD"} <= set(s.b_actors)


def test_the_coalition_is_listed_even_when_only_the_member_is_named_with_it_in_the_document(reg):
    # the document names the CSP-PSD elsewhere; this incident names only the CMA
    s = sides(reg, ["CMA"], ["Malian Armed Forces"], within=frozenset({"CMA", "CSP-PSD", "Malian Armed Forces"}))
    assert s.b == "CSP-PSD" and {"CMA", "CSP-PSD"} <= set(s.b_actors)


def test_jnim_is_not_lifted_to_al_qaeda(reg):
    s = sides(reg, ["JNIM"], ["Malian Armed Forces"])
    assert s.b == "JNIM" and "Al-Qaeda" not in s.b_actors


def test_side_of_reaches_members_through_their_coalition(reg):
    s = sides(reg, ["CMA"], ["Malian Armed Forces"], ["CSP-PSD"])
    assert s.side_of("CMA", reg, ON) == "b" and s.side_of("CSP-PSD", reg, ON) == "b"
    assert s.side_of("Malian Armed Forces", reg, ON) == "a"
    assert s.side_of(None, reg, ON) is None


def test_non_state_against_non_state_the_attacker_is_side_a(reg):
    s = sides(reg, ["JNIM"], ["Islamic State Sahel Province"])
    assert not s.a_is_state
    assert s.a == "JNIM" and s.b is not None and s.b != "JNIM"


def test_civilians_are_never_a_fighting_side(reg):
    s = sides(reg, ["JNIM"], ["Civilians"], civilians_hit=True)
    assert (s.a, s.b, s.b_is_civilians) == ("JNIM", "Civilians", True)
    assert "Civilians" not in s.a_actors


def test_document_dyad_fallback_records_the_assumption(reg):
    dyad = document_dyad(["CSP-PSD", "CSP-PSD"], ["Malian Armed Forces"], ["CSP-PSD"], reg, frozenset({"CSP-PSD", "Malian Armed Forces"}))
    assert dyad == ("Government of Mali", "CSP-PSD")
    s = sides(reg, [], ["Malian Armed Forces"], dyad=dyad)
    assert (s.a, s.b) == ("Government of Mali", "CSP-PSD")
    assert "CSP-PSD" in s.assumed and "Government of Mali" in s.assumed
    assert s.b_actors == ["CSP-PSD"]


def test_no_assumption_when_both_sides_are_named(reg):
    s = sides(reg, ["CSP-PSD"], ["Malian Armed Forces"], dyad=("Government of Mali", "JNIM"))
    assert s.b == "CSP-PSD" and s.assumed == ""


def test_document_dyad_without_a_government_takes_the_two_most_named(reg):
    assert document_dyad(["JNIM", "JNIM"], ["Islamic State Sahel Province"], [], reg) == ("JNIM", "Islamic State Sahel Province")
    assert document_dyad([], [], ["JNIM"], reg) == (None, None)
