"""UCDP type of violence and ACLED event/sub-event types (resolve/coding.py), with the real
lexicon, the real registry's sides (resolve/sides.py) and hand-made claims."""

from __future__ import annotations

from datetime import date

import pytest

from casus.extract.actors import registry
from casus.extract.lexicon import lexicon
from casus.model import Claim, Span
from casus.resolve.coding import code, tactics
from casus.resolve.sides import Sides, assign

ON = date(2023, 9, 28)


@pytest.fixture(scope="module")
def lex():
    return lexicon("en")


@pytest.fixture(scope="module")
def reg():
    return registry()


def sides(reg, agents, targets=(), named=(), **kw) -> Sides:
    everyone = frozenset([*agents, *targets, *named])
    return assign(list(agents), list(targets), list(named), reg, ON, within=everyone, **kw)


def claim(kind: str, side: str, low: int | None = None) -> Claim:
    return Claim(kind=kind, side=side, low=low, high=low, doc_id="d", quote=kind, spans=[Span(start=0, end=1)])


def test_government_against_rebels_is_a_state_based_armed_clash(reg, lex):
    s = sides(reg, ["CSP-PSD"], ["Malian Armed Forces"])
    text = "Rebels of the CSP-PSD clashed with Malian soldiers near Ber, killing 12 soldiers."
    assert code(s, [claim("killed", "a", 12)], text, lex) == (1, "Battles", "Armed clash")


def test_territory_taken_by_a_non_state_actor(reg, lex):
    s = sides(reg, ["CSP-PSD"], ["Malian Armed Forces"])
    text = "The CSP-PSD attacked the camp and seized control of it."
    assert code(s, [claim("control_taken", "b")], text, lex) == (1, "Battles", "Non-state actor overtakes territory")


def test_a_denied_seizure_is_not_a_territorial_change(reg, lex):
    s = sides(reg, ["CSP-PSD"], ["Malian Armed Forces"])
    denied = claim("control_taken", "b").model_copy(update={"stance": "denies"})
    assert code(s, [denied], "The CSP-PSD attacked the camp.", lex) == (1, "Battles", "Armed clash")


def test_government_regains_territory(reg, lex):
    s = sides(reg, ["Malian Armed Forces"], ["CSP-PSD"])
    text = "Malian soldiers attacked the rebels and retook the town."
    assert code(s, [claim("control_taken", "a")], text, lex) == (1, "Battles", "Government regains territory")


def test_non_state_takes_territory_from_non_state_is_type_2(reg, lex):
    s = sides(reg, ["JNIM"], ["Islamic State Sahel Province"])
    text = "JNIM fighters attacked the Islamic State and took the village."
    assert code(s, [claim("control_taken", "a")], text, lex) == (2, "Battles", "Non-state actor overtakes territory")


def test_air_strike_without_ground_fighting_is_remote_violence(reg, lex):
    s = sides(reg, ["Malian Armed Forces"], ["JNIM"])
    text = "A drone strike by the Malian air force hit a JNIM position, killing 8 militants."
    assert code(s, [claim("killed", "b", 8)], text, lex) == (1, "Explosions/Remote violence", "Air or drone strike")


def test_air_strike_with_ground_fighting_stays_a_battle(reg, lex):
    s = sides(reg, ["Malian Armed Forces"], ["JNIM"])
    text = "Malian troops clashed with JNIM fighters, backed by an air strike."
    assert code(s, [], text, lex) == (1, "Battles", "Armed clash")


def test_suicide_bomb(reg, lex):
    s = sides(reg, ["JNIM"], ["Malian Armed Forces"])
    text = "A JNIM suicide bomber detonated a car bomb at the gate of the Malian camp."
    assert code(s, [], text, lex) == (1, "Explosions/Remote violence", "Suicide bomb")


def test_ied(reg, lex):
    s = sides(reg, ["JNIM"], ["Malian Armed Forces"])
    text = "A Malian convoy struck an improvised explosive device planted by JNIM near Gao."
    assert code(s, [], text, lex) == (1, "Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_hierarchy_prefers_air_strike_over_shelling(reg, lex):
    text = "Artillery shelling and an air strike hit the town."
    found = tactics(text, lex)
    assert found.index("Air or drone strike") < found.index("Shelling/artillery/missile attack")


def test_armed_group_against_civilians_is_an_attack(reg, lex):
    s = sides(reg, ["JNIM"], [], civilians_hit=True)
    assert s.b_is_civilians
    text = "JNIM fighters killed 20 villagers in Ogossagou."
    assert code(s, [claim("killed", "civilians", 20)], text, lex) == (3, "Violence against civilians", "Attack")


def test_abduction_of_civilians(reg, lex):
    s = sides(reg, ["JNIM"], [], civilians_hit=True)
    text = "JNIM fighters abducted 14 passengers from a bus."
    result = code(s, [claim("taken_prisoner", "civilians", 14)], text, lex)
    assert result == (3, "Violence against civilians", "Abduction/forced disappearance")


def test_remote_violence_against_civilians(reg, lex):
    s = sides(reg, ["JNIM"], [], civilians_hit=True)
    text = "A roadside bomb killed nine passengers of a bus."
    assert code(s, [claim("killed", "civilians", 9)], text, lex) == (3, "Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_non_state_against_non_state_is_type_2(reg, lex):
    s = sides(reg, ["JNIM"], ["Islamic State Sahel Province"])
    assert not s.a_is_state
    text = "JNIM fighters clashed with the Islamic State Sahel Province near Menaka."
    assert code(s, [], text, lex) == (2, "Battles", "Armed clash")


def test_one_side_only_and_no_remote_weapon_is_not_coded(lex):
    s = Sides(a="Government of Mali", a_actors=["Malian Armed Forces"], a_is_state=True)
    assert code(s, [], "Malian soldiers patrolled near Ber.", lex) == (None, None, None)
