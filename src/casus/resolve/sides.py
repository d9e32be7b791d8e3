"""Side A and side B of an incident, UCDP style.

- A government is always side A, even when it was attacked; armed forces that serve it, allies
  named attacking with it ("Malian and Wagner forces attacked") and foreign forces not named
  against it join it.
- Side B is the opponent, named by its outermost coalition among those the document names
  ("CMA" fights as "CSP-PSD" in a text about the CSP-PSD; JNIM stays JNIM in a text that never
  names al-Qaeda).
- Civilians are never a fighting side: when they are the victims and no armed opponent is
  named, side B is "Civilians" (one-sided violence).
- Perpetrators the text does not name ("gunmen", "suspected jihadists") are the registry's
  "Unidentified armed group".
- When the incident names only one side, the document's main opponent of that side is assumed,
  and the assumption is recorded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from casus.extract.actors import ActorRegistry

UNIDENTIFIED = "Unidentified armed group"
CIVILIANS = "Civilians"


@dataclass
class Sides:
    a: str | None = None
    b: str | None = None
    a_actors: list[str] = field(default_factory=list)
    b_actors: list[str] = field(default_factory=list)
    a_is_state: bool = False
    b_is_civilians: bool = False
    attacker: str | None = None  # "a" or "b" when the text says who attacked
    assumed: str = ""  # what was taken from the document rather than the incident
    within: frozenset[str] = frozenset()

    def side_of(self, actor: str | None, registry: ActorRegistry, on: date | None) -> str | None:
        if actor is None:
            return None
        names = {actor, registry.top(actor, on, self.within), *registry.coalitions(actor, on)}
        if self.a and names & ({self.a} | set(self.a_actors)):
            return "a"
        if self.b and names & ({self.b} | set(self.b_actors)):
            return "b"
        if actor == CIVILIANS and self.b_is_civilians:
            return "b"
        return None


def assign(
    agents: list[str],
    targets: list[str],
    named: list[str],
    registry: ActorRegistry,
    on: date | None,
    dyad: tuple[str | None, str | None] = (None, None),
    civilians_hit: bool = False,
    unnamed_attackers: bool = False,
    within: frozenset[str] = frozenset(),
    country: str | None = None,
    insurgents: bool = False,
) -> Sides:
    """Sides from who attacked (agents), who was attacked (targets) and who else was named."""
    sides = Sides(within=within)
    everyone = [n for n in dict.fromkeys([*agents, *targets, *named])]
    civilians_hit = civilians_hit or CIVILIANS in named or any(
        registry.actor_type(n) == "civilians" for n in targets)
    everyone = [n for n in everyone if registry.actor_type(n) != "civilians"]
    agents = [n for n in agents if n in everyone]
    targets = [n for n in targets if n in everyone]
    top = lambda n: registry.top(n, on, within)  # noqa: E731
    state = [n for n in everyone if registry.actor_type(n) == "state_forces"]
    local = [n for n in state if (a := registry.get(n)) is not None and a.country == country]
    a_group: list[str] = []
    b_group: list[str] = []
    if state:
        gov = (local or state)[0]  # the government of the country fought in, if it takes part
        gov_side = registry.side_name(gov)
        allies = agents if gov in agents else targets if gov in targets else []
        enemies = targets if gov in agents else agents if gov in targets else []
        for n in everyone:
            if registry.actor_type(n) == "state_forces" and registry.side_name(n) == gov_side:
                a_group.append(n)
            elif n in allies and n not in enemies:
                a_group.append(n)
            elif registry.extra.get(n, {}).get("allied_with") == gov_side:
                a_group.append(n)  # auxiliaries fight beside their government (the VDP)
            elif registry.actor_type(n) in {"external_forces", "state_forces"} and n not in enemies:
                a_group.append(n)  # foreign forces fighting beside the government
            else:
                b_group.append(n)
        sides.a, sides.a_is_state = gov_side, True
    elif everyone:
        lead = top((agents or everyone)[0])
        a_group = [n for n in everyone if top(n) == lead]
        b_group = [n for n in everyone if n not in a_group]
        sides.a = lead
    if b_group:
        sides.b = Counter(top(n) for n in b_group).most_common(1)[0][0]
    sides.a_actors = _with_coalitions(a_group, registry, on, within)
    sides.b_actors = _with_coalitions(b_group, registry, on, within)
    if sides.a and not sides.b:
        opponent = dyad[1] if dyad[0] == sides.a else dyad[0] if dyad[1] == sides.a else None
        if insurgents and opponent and sides.a_is_state:
            sides.b, sides.b_actors = opponent, [opponent]  # "the rebels": the insurgency the text is about
            sides.assumed = f"the unnamed rebels are the document's main opponent of {sides.a}, {opponent}"
        elif (unnamed_attackers or insurgents) and sides.a_is_state:
            sides.b, sides.b_actors = UNIDENTIFIED, [UNIDENTIFIED]
        elif civilians_hit and not targets:
            sides.b, sides.b_actors, sides.b_is_civilians = CIVILIANS, [CIVILIANS], True
        elif opponent:
            sides.b, sides.b_actors = opponent, [opponent]
            sides.assumed = f"side B ({opponent}) is the document's main opponent of {sides.a}"
        elif civilians_hit:
            sides.b, sides.b_actors, sides.b_is_civilians = CIVILIANS, [CIVILIANS], True
        elif unnamed_attackers:
            sides.b, sides.b_actors = UNIDENTIFIED, [UNIDENTIFIED]
    elif not sides.a and civilians_hit:
        sides.a = UNIDENTIFIED  # civilians attacked by someone the text does not name
        sides.a_actors = [sides.a]
        sides.b, sides.b_actors, sides.b_is_civilians = CIVILIANS, [CIVILIANS], True
    if any(n in agents for n in a_group):
        sides.attacker = "a"
    elif any(n in agents for n in b_group) or ((unnamed_attackers or insurgents) and sides.b == UNIDENTIFIED):
        sides.attacker = "b"
    return sides


def _with_coalitions(group: list[str], registry: ActorRegistry, on: date | None, within: frozenset[str]) -> list[str]:
    out = []
    for n in group:
        out.append(n)
        out.extend(c for c in registry.coalitions(n, on) if c in within and registry.extra.get(c, {}).get("coalition"))
    return list(dict.fromkeys(out))


def document_dyad(agents: list[str], targets: list[str], named: list[str], registry: ActorRegistry,
                  within: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """The document's main pair of opponents: its government (if any) and the armed non-state
    actor it names most, or the two armed actors it names most."""
    counts = Counter(registry.top(n, None, within) for n in [*agents, *targets, *named])
    ranked = [n for n, _ in counts.most_common() if registry.actor_type(n) != "civilians"]
    state = [n for n in ranked if registry.actor_type(n) == "state_forces"]
    others = [n for n in ranked if registry.actor_type(n) not in {"state_forces", "external_forces"}]
    if state and others:
        return registry.side_name(state[0]), others[0]
    if len(ranked) >= 2:
        return ranked[0], ranked[1]
    return None, None
