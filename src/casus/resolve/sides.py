"""Side A and side B of an incident, UCDP style: a government is always side A; its allies
(foreign forces, pro-government militias fighting with it) join it; side B is the opponent, a
coalition named by its outermost coalition on the event's date ("CMA" fights as "CSP-PSD")."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from casus.extract.actors import ActorRegistry

NON_STATE = {"rebel_group", "political_militia", "identity_militia"}


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

    def side_of(self, actor: str | None, registry: ActorRegistry, on: date | None) -> str | None:
        if actor is None:
            return None
        names = {actor, registry.top(actor, on), *registry.coalitions(actor, on)}
        if names & set(self.a_actors) or (self.a and names & {self.a}):
            return "a"
        if names & set(self.b_actors) or (self.b and names & {self.b}):
            return "b"
        return None


def _is_state(name: str, registry: ActorRegistry) -> bool:
    actor = registry.get(name)
    return bool(actor and actor.actor_type == "state_forces")


def _is_external(name: str, registry: ActorRegistry) -> bool:
    actor = registry.get(name)
    return bool(actor and actor.actor_type == "external_forces")


def assign(
    agents: list[str],
    targets: list[str],
    named: list[str],
    registry: ActorRegistry,
    on: date | None,
    dyad: tuple[str | None, str | None] = (None, None),
    civilians_hit: bool = False,
) -> Sides:
    """Sides from who attacked (agents), who was attacked (targets) and who else was named."""
    sides = Sides()
    everyone = list(dict.fromkeys([*agents, *targets, *named]))
    state = [n for n in everyone if _is_state(n, registry)]
    a_group: list[str] = []
    b_group: list[str] = []
    if state:
        gov_actor = state[0]
        allied_role = agents if gov_actor in agents else targets if gov_actor in targets else []
        for n in everyone:
            if _is_state(n, registry) and registry.side_name(n) == registry.side_name(gov_actor):
                a_group.append(n)
            elif n in allied_role and registry.top(n, on) not in {registry.top(x, on) for x in b_group}:
                a_group.append(n)
            elif _is_external(n, registry) and not (n in targets and gov_actor in agents) and not (n in agents and gov_actor in targets):
                a_group.append(n)
            else:
                b_group.append(n)
        sides.a, sides.a_is_state = registry.side_name(gov_actor), True
    else:
        first = agents or everyone
        if first:
            lead = registry.top(first[0], on)
            a_group = [n for n in everyone if registry.top(n, on) == lead]
            b_group = [n for n in everyone if n not in a_group]
            sides.a = lead
    if b_group:
        tops = Counter(registry.top(n, on) for n in b_group)
        sides.b = tops.most_common(1)[0][0]
    sides.a_actors, sides.b_actors = _with_coalitions(a_group, registry, on), _with_coalitions(b_group, registry, on)
    if sides.a and not sides.b:
        opponent = dyad[1] if dyad[0] == sides.a else dyad[0] if dyad[1] == sides.a else None
        if opponent:
            sides.b, sides.b_actors = opponent, [opponent]
            sides.assumed = f"side B ({opponent}) is the document's main opponent of {sides.a}"
        elif civilians_hit:
            sides.b, sides.b_is_civilians = "Civilians", True
    if not sides.a and civilians_hit:
        sides.b, sides.b_is_civilians = "Civilians", True
    if any(n in agents for n in a_group):
        sides.attacker = "a"
    elif any(n in agents for n in b_group):
        sides.attacker = "b"
    return sides


def _with_coalitions(group: list[str], registry: ActorRegistry, on: date | None) -> list[str]:
    out = []
    for n in group:
        out.append(n)
        out.extend(registry.coalitions(n, on))
    return list(dict.fromkeys(out))


def document_dyad(agents: list[str], targets: list[str], named: list[str], registry: ActorRegistry) -> tuple[str | None, str | None]:
    """The document's main pair of opponents: its government (if any) and the non-state actor
    it names most, or the two actors it names most."""
    counts = Counter(registry.top(n) for n in [*agents, *targets, *named])
    state = [n for n, _ in counts.most_common() if _is_state(n, registry)]
    others = [n for n, _ in counts.most_common() if not _is_state(n, registry) and not _is_external(n, registry)]
    if state and others:
        return registry.side_name(state[0]), others[0]
    ranked = [n for n, _ in counts.most_common()]
    if len(ranked) >= 2:
        return ranked[0], ranked[1]
    return None, None
