"""French claims, sentence by sentence, through the whole pipeline (issue 4).

Each text is a short report written for this file in the style of francophone wire copy (none
is taken from the seed). The first sentence names a violent incident at a gazetteer place; the
sentences after it carry the figures and who says them.
"""

from __future__ import annotations

from datetime import date

import pytest

from casus.extract.pipeline import extract
from casus.model import Claim, Document, Event, span_text

PUBLISHED = date(2024, 3, 12)  # a Tuesday

DJIBO = "Des jihadistes ont attaqué un poste de l'armée dans la localité de Djibo mardi."
BONI = "Des combattants du JNIM ont attaqué une position de l'armée dans la localité de Boni jeudi."


@pytest.fixture(scope="module")
def read():
    cache: dict[str, list[Event]] = {}

    def _read(text: str) -> tuple[list[Event], list[Claim]]:
        if text not in cache:
            cache[text] = extract(Document(doc_id="t", text=text, published=PUBLISHED, lang="fr"))
        return cache[text], [c for e in cache[text] for c in e.claims]

    return _read


def only(claims: list[Claim], kind: str, **where) -> Claim:
    found = [c for c in claims if c.kind == kind and all(getattr(c, k) == v for k, v in where.items())]
    assert len(found) == 1, [(c.kind, c.side, c.low, c.high, c.claimant, c.stance) for c in claims]
    return found[0]


CASES = [
    # (text, kind, expected fields)
    (f"{DJIBO} Douze soldats ont été tués, a indiqué l'armée.", "killed",
     dict(low=12, high=12, approx=False, side="a", claimant="l'armée", claimant_side="a")),
    ("Des hommes armés ont tué au moins douze civils dans le village de Mondoro dimanche, selon des sources locales.",
     "killed", dict(low=12, approx=True, side="civilians", claimant="des sources locales", claimant_side="third_party")),
    (f"{DJIBO} D'après un communiqué de l'état-major général des armées, une trentaine de terroristes ont été neutralisés.",
     "killed", dict(low=24, high=36, approx=True, side="b", claimant="l'état-major général des armées")),
    (f"{DJIBO} Trois soldats sont morts et deux autres ont été portés disparus.", "killed",
     dict(low=3, high=3, side="a", claimant=None)),
    (f"{DJIBO} Trois soldats sont morts et deux autres ont été portés disparus.", "missing",
     dict(low=2, high=2, side="a")),
    (f"{DJIBO} Un soldat a été tué et quatre autres ont été blessés lors de l'embuscade, a indiqué une source sécuritaire.",
     "killed", dict(low=1, high=1, side="a", claimant="une source sécuritaire", claimant_side="third_party")),
    (f"{DJIBO} Un soldat a été tué et quatre autres ont été blessés lors de l'embuscade, a indiqué une source sécuritaire.",
     "injured", dict(low=4, high=4, side="a", claimant="une source sécuritaire")),
    ("Les FAMa ont neutralisé une dizaine de terroristes dans la localité de Boni jeudi, a annoncé l'armée malienne.",
     "killed", dict(low=8, high=12, approx=True, side="b", claimant="l'armée malienne", claimant_side="a")),
    (f"{BONI} Le JNIM affirme avoir tué 15 soldats et saisi cinq véhicules.", "killed",
     dict(low=15, side="a", claimant="Le JNIM", claimant_side="b")),
    (f"{BONI} Le JNIM affirme avoir tué 15 soldats et saisi cinq véhicules.", "vehicles_captured",
     dict(low=5, side="a", claimant="Le JNIM", claimant_side="b")),
    (f"{BONI} L'armée dément avoir perdu des hommes.", "killed",
     dict(stance="denies", claimant="L'armée", low=None)),
    ("Des hommes armés ont enlevé une vingtaine de femmes dans le village de Mondoro lundi, selon des élus locaux.",
     "taken_prisoner", dict(low=16, high=24, side="civilians", claimant="des élus locaux")),
    (f"{DJIBO} Plus de 50 assaillants ont été tués, selon l'armée, qui déplore la mort de 7 militaires.", "killed",
     dict(low=51, side="b", claimant="l'armée")),
    (f"{DJIBO} Plus de 50 assaillants ont été tués, selon l'armée, qui déplore la mort de 7 militaires.", "killed",
     dict(low=7, high=7, side="a")),
    (f"{DJIBO} Aucun soldat n'a été tué, a assuré le ministre de la Défense.", "killed",
     dict(low=0, high=0, side="a", stance="asserts", claimant="le ministre de la Défense")),
    (f"{DJIBO} Le bilan provisoire fait état de 9 morts et 14 blessés.", "killed", dict(low=9, high=9)),
    (f"{DJIBO} Le bilan provisoire fait état de 9 morts et 14 blessés.", "injured", dict(low=14, high=14)),
    (f"{DJIBO} Quatre gendarmes ont été faits prisonniers par les assaillants, selon une source locale.",
     "taken_prisoner", dict(low=4, high=4, side="a", claimant="une source locale")),
    (f"{DJIBO} Selon un élu de la commune, deux otages ont été libérés.", "released",
     dict(low=2, high=2)),
    (f"{DJIBO} Les assaillants ont incendié trois camions et emporté des armes, a précisé un officier.",
     "vehicles_destroyed", dict(low=3, high=3, claimant="un officier")),
    (f"{DJIBO} Les assaillants ont incendié trois camions et emporté des armes, a précisé un officier.",
     "materiel_seized", dict(claimant="un officier")),
    (f"{DJIBO} Quatre-vingt-dix-huit soldats ont péri, affirme le groupe.", "killed",
     dict(low=98, high=98, claimant="le groupe")),
]


@pytest.mark.parametrize(("text", "kind", "expected"), CASES, ids=[f"{k}-{i}" for i, (_, k, _) in enumerate(CASES)])
def test_claim(read, text, kind, expected):
    _, claims = read(text)
    where = {k: v for k, v in expected.items() if k in {"low", "side"}}
    claim = only(claims, kind, **where)
    assert {k: getattr(claim, k) for k in expected} == expected
    assert claim.quote == span_text(text, claim.spans)


def test_denial_of_a_toll_answers_the_claim(read):
    _, claims = read(f"{BONI} Le groupe jihadiste a revendiqué la mort de 15 soldats, un bilan que l'armée a démenti.")
    asserted = only(claims, "killed", stance="asserts")
    denied = only(claims, "killed", stance="denies")
    assert (asserted.low, denied.low) == (15, 15)
    assert denied.claimant == "l'armée" and denied.claimant_side == "a"


def test_ce_que_denial(read):
    text = f"{BONI} L'armée dit avoir détruit une colonne de véhicules des assaillants, ce que le JNIM a démenti."
    _, claims = read(text)
    denial = only(claims, "vehicles_destroyed", stance="denies")
    assert "JNIM" in denial.claimant and denial.claimant_side == "b"


def test_control_taken_and_withdrawal(read):
    text = (f"{BONI} Selon le JNIM, ses combattants ont pris le contrôle de la localité de Boni avant de se replier "
            "en emportant des munitions.")
    events, claims = read(text)
    assert only(claims, "control_taken").claimant == "le JNIM"
    assert only(claims, "withdrawal")
    assert only(claims, "materiel_seized")


def test_roles_and_sides(read):
    events, _ = read(f"{BONI} Douze soldats ont été tués.")
    (event,) = events
    assert (event.side_a, event.side_b, event.type_of_violence) == ("Government of Mali", "JNIM", 1)


def test_unknown_group_kept_as_named(read):
    events, _ = read("La katiba Serma a attaqué un poste de l'armée dans la localité de Boni jeudi.")
    (event,) = events
    assert "katiba Serma" in {event.side_a, event.side_b, *event.side_a_actors, *event.side_b_actors}


def test_no_claims_in_an_empty_text(read):
    events, claims = read("")
    assert events == [] and claims == []
