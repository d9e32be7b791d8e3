"""Word lists that drive extraction, loaded from data/lexicon/<lang>.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Lexicon:
    victim_verbs: dict[str, frozenset[str]]
    dying_verbs: frozenset[str]
    displacement_verbs: frozenset[str]
    victim_nouns: dict[str, frozenset[str]]
    vehicle_nouns: frozenset[str]
    materiel_nouns: frozenset[str]
    capture_verbs: frozenset[str]
    destroy_verbs: frozenset[str]
    control_verbs: frozenset[str]
    control_nouns: frozenset[str]
    place_nouns: frozenset[str]
    withdrawal_verbs: frozenset[str]
    reinforcement_nouns: frozenset[str]
    attack_verbs: frozenset[str]
    attack_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    anaphoric_claimants: frozenset[str]
    civilian_nouns: frozenset[str]
    combatant_nouns: frozenset[str]
    attacker_nouns: frozenset[str]
    tactics: dict[str, frozenset[str]]
    ground_fighting: frozenset[str]
    responsibility_verbs: frozenset[str]
    state_nouns: frozenset[str]
    nonstate_nouns: frozenset[str]
    state_claimants: frozenset[str]
    speaker_nouns: frozenset[str]
    insurgent_nouns: frozenset[str]

    def victim_kind(self, lemma: str) -> str | None:
        """The claim kind a verb lemma signals about its victims ("kill" → killed)."""
        return next((k for k, words in self.victim_verbs.items() if lemma in words), None)

    def tactic_words(self) -> list[tuple[str, frozenset[str]]]:
        """ACLED sub-event types by tactic, highest in the hierarchy first."""
        return list(self.tactics.items())

    def noun_kind(self, lemma: str) -> str | None:
        """The claim kind a victim noun signals ("prisoner" → taken_prisoner)."""
        return next((k for k, words in self.victim_nouns.items() if lemma in words), None)


@cache
def lexicon(lang: str = "en") -> Lexicon:
    path = resources.files("casus") / "data" / "lexicon" / f"{lang}.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    values = {}
    for name, value in raw.items():
        if isinstance(value, dict):
            values[name] = {k: frozenset(v) for k, v in value.items()}
        else:
            values[name] = frozenset(value)
    return Lexicon(**values)
