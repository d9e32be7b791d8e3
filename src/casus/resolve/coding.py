"""UCDP's type of violence and ACLED's event and sub-event types for an incident.

ACLED's hierarchy decides between tactics that occur together: a territorial change in a battle
(claimed and not denied, or confirmed by a third party)
makes it "Government regains territory" or "Non-state actor overtakes territory"; remote
violence with no ground fighting is "Explosions/Remote violence", its sub-event the highest
tactic in the lexicon's order (chemical weapon, air/drone strike, suicide bomb, shelling, remote
explosive, grenade); an armed side against civilians is "Violence against civilians" (sexual
violence, then abduction, then attack); two armed sides otherwise fight an "Armed clash".
"""

from __future__ import annotations

from casus.extract.lexicon import Lexicon
from casus.model import Claim
from casus.resolve.sides import Sides

REMOTE = ("Chemical weapon", "Air or drone strike", "Suicide bomb",
          "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade")
CIVILIAN = ("Sexual violence", "Abduction/forced disappearance")


def tactics(text: str, lex: Lexicon) -> list[str]:
    """ACLED sub-event types whose tactic words occur in a text, in hierarchy order."""
    low = f" {text.lower()} "
    return [sub for sub, words in lex.tactic_words() if any(f" {w}" in low for w in words)]


def ground_fighting(text: str, lex: Lexicon) -> bool:
    low = f" {text.lower()} "
    return any(f" {w}" in low for w in lex.ground_fighting)


def code(sides: Sides, claims: list[Claim], text: str, lex: Lexicon) -> tuple[int | None, str | None, str | None]:
    """(type_of_violence, event_type, sub_event_type)."""
    found = tactics(text, lex)
    remote = [t for t in found if t in REMOTE]
    armed_b = sides.b is not None and not sides.b_is_civilians
    if sides.b_is_civilians or (sides.a is None and sides.b is None and any(c.side == "civilians" for c in claims)):
        if remote:
            return 3, "Explosions/Remote violence", remote[0]
        sub = next((t for t in found if t in CIVILIAN), "Attack")
        return 3, "Violence against civilians", sub
    if sides.a is None or not armed_b:
        taken = [c for c in claims if c.kind == "control_taken" and c.stance == "asserts" and c.side == "a"]
        if taken and sides.a_is_state:  # "Malian forces took back control of Konna"
            return 1, "Battles", "Government regains territory"
        if remote:
            return None, "Explosions/Remote violence", remote[0]
        return None, None, None
    tov = 1 if sides.a_is_state else 2
    taken = [c for c in claims if c.kind == "control_taken" and c.stance == "asserts"]
    denied = any(c.kind == "control_taken" and c.stance == "denies" for c in claims)
    confirmed = any(c.claimant_side == "third_party" for c in taken)
    if denied and not confirmed:
        taken = []  # a seizure one side claims and the other denies is not a territorial change
    if taken:
        takers = {c.side for c in taken}
        if "b" in takers or (not sides.a_is_state and takers):
            return tov, "Battles", "Non-state actor overtakes territory"
        if "a" in takers and sides.a_is_state:
            return tov, "Battles", "Government regains territory"
    if remote and not ground_fighting(text, lex):
        return tov, "Explosions/Remote violence", remote[0]
    return tov, "Battles", "Armed clash"
