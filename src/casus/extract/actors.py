"""Actor mentions: names from the curated registry (data/actors.yaml) and state forces named by
a country adjective ("Malian soldiers", "Burkinabe troops", "Malian and Wagner forces").

Matching rules (docs/actors.md): an alias with no white space and two or more capitals (FAMa,
JNIM, CSP-PSD) and any alias listed under ``case_sensitive`` must match case for case; every other alias
matches whatever its case. The longest match wins where matches overlap.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from casus.errors import ConfigError
from casus.model import Actor

EXTRA_KEYS = {"acled_name", "ucdp_name", "note", "successor", "successor_of", "case_sensitive",
              "founded", "dissolved", "countries", "coalition", "allied_with"}
MILITARY_HEADS = {
    "soldier", "troop", "force", "army", "military", "base", "camp", "position", "gendarme",
    "police", "unit", "battalion", "convoy", "patrol", "post", "garrison", "jet", "aircraft",
    "drone", "helicopter", "junta", "government", "authority", "regime", "officer", "serviceman",
    "guard", "commando", "armed", "defence", "defense", "security", "gendarmerie", "airforce",
}
GOVERNMENT_HEADS = {"junta", "government", "authority", "regime"}


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a sentence: token range in the spaCy Doc and the canonical actor."""

    start: int  # token index
    end: int
    text: str
    actor: str  # canonical name


def _case_sensitive(alias: str, listed: set[str]) -> bool:
    return alias in listed or (not re.search(r"\s", alias) and sum(c.isupper() for c in alias) >= 2)


class ActorRegistry:
    """Canonical actors with their aliases, types and coalition memberships."""

    def __init__(self, entries: list[dict], demonyms: dict[str, str]) -> None:
        self.actors: dict[str, Actor] = {}
        self.extra: dict[str, dict] = {}
        self._exact: dict[str, str] = {}  # case-sensitive alias → name
        self._folded: dict[str, str] = {}  # casefolded alias → name
        for raw in entries:
            extra = {k: raw[k] for k in EXTRA_KEYS if k in raw}
            actor = Actor(**{k: v for k, v in raw.items() if k not in EXTRA_KEYS})
            if actor.name in self.actors:
                raise ConfigError(f"actor registry: {actor.name!r} defined twice")
            self.actors[actor.name] = actor
            self.extra[actor.name] = extra
            listed = set(extra.get("case_sensitive") or [])
            for alias in [actor.name, *actor.aliases]:
                if _case_sensitive(alias, listed):
                    self._exact.setdefault(alias, actor.name)
                else:
                    self._folded.setdefault(alias.casefold(), actor.name)
        self.demonyms = demonyms
        self.state_forces: dict[str, str] = {}  # iso3 → its armed forces
        self.governments: dict[str, str] = {}  # iso3 → its government, when an entry of its own
        for actor in self.actors.values():
            if actor.actor_type == "state_forces" and actor.country and actor.government:
                table = self.governments if actor.name == actor.government else self.state_forces
                table.setdefault(actor.country, actor.name)
        for iso3, name in self.governments.items():
            self.state_forces.setdefault(iso3, name)

    # --- lookups ----------------------------------------------------------------------------

    def get(self, name: str) -> Actor | None:
        return self.actors.get(name)

    def actor_type(self, name: str) -> str | None:
        """The ACLED actor type of a registered actor; None for one known only by name."""
        actor = self.actors.get(name)
        return actor.actor_type if actor else None

    def canonical(self, text: str) -> str | None:
        """The canonical actor an alias names, exactly as the matcher would."""
        return self._exact.get(text) or self._folded.get(text.casefold())

    def coalitions(self, name: str, on: date | None = None) -> list[str]:
        """The coalitions ``name`` belonged to on a date (any date when None)."""
        actor = self.actors.get(name)
        if actor is None:
            return []
        return [
            m.coalition
            for m in actor.memberships
            if on is None or ((m.since is None or m.since <= on) and (m.until is None or on <= m.until))
        ]

    def top(self, name: str, on: date | None = None, within: frozenset[str] | None = None) -> str:
        """The outermost coalition (``coalition: true`` in the registry: an alliance fighting as
        one side, not an organisation one is affiliated to) an actor fought in on a date, or the
        actor itself. With
        ``within`` (the actors a document names), only coalitions named there count: the MNLA
        fights as the CSP-PSD where the text speaks of the CSP-PSD, and JNIM is not lifted to
        al-Qaeda by a text that never mentions al-Qaeda."""
        best, seen, frontier = name, {name}, [name]
        while frontier:
            parents = [c for n in frontier for c in self.coalitions(n, on) if c not in seen]
            seen.update(parents)
            for c in parents:
                if (within is None or c in within) and self.extra.get(c, {}).get("coalition"):
                    best = c
            frontier = parents
        return best

    def side_name(self, name: str) -> str:
        """UCDP's name for a side: the government a state force serves, else the actor."""
        actor = self.actors.get(name)
        return actor.government if actor and actor.government else name

    # --- matching ---------------------------------------------------------------------------

    def matcher(self, nlp: Language) -> PhraseMatcher:
        return _matcher(self, nlp)

    def find(self, doc: Doc, nlp: Language) -> list[ActorMention]:
        """Actor mentions in a parsed text, longest first where they overlap, in text order."""
        found: list[ActorMention] = []
        for _, start, end in self.matcher(nlp)(doc):
            span = doc[start:end]
            name = self.canonical(span.text)
            if name:
                found.append(ActorMention(start, end, span.text, name))
        found += self._demonym_mentions(doc, 0, len(doc))
        return _longest(found)

    def _demonym_mentions(self, doc: Doc, lo: int, hi: int) -> list[ActorMention]:
        out = []
        for tok in doc[lo:hi]:
            iso3 = self.demonyms.get(tok.text)
            plural = self.demonyms.get(tok.text[:-1]) if tok.text.endswith("s") else None
            if plural and plural in self.state_forces and tok.i > 0 and doc[tok.i - 1].like_num:
                # "four Nigeriens were killed": a counted demonym is that state's forces
                out.append(ActorMention(tok.i, tok.i + 1, tok.text, self.state_forces[plural]))
                continue
            if not iso3 or iso3 not in self.state_forces:
                continue
            for nxt in doc[tok.i + 1 : min(tok.i + 6, hi)]:
                if nxt.lemma_.lower() in MILITARY_HEADS and not (
                        nxt.dep_ in {"amod", "compound"} and nxt.head.i > nxt.i):  # not "Russian military bloggers"
                    # "Malian soldiers" as a whole; "Malian" alone when coordinated ("Malian
                    # and Wagner forces") so the other actor keeps its own mention
                    end = nxt.i + 1 if nxt.i == tok.i + 1 else tok.i + 1
                    table = self.governments if nxt.lemma_.lower() in GOVERNMENT_HEADS else self.state_forces
                    name = table.get(iso3, self.state_forces[iso3])
                    out.append(ActorMention(tok.i, end, doc[tok.i : end].text, name))
                    break
                if nxt.is_punct and nxt.text != "," or nxt.pos_ == "VERB":
                    break
        return out


def _longest(found: list[ActorMention]) -> list[ActorMention]:
    taken: set[int] = set()
    keep = []
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if taken.isdisjoint(range(m.start, m.end)):
            keep.append(m)
            taken.update(range(m.start, m.end))
    return sorted(keep, key=lambda m: m.start)


_MATCHERS: dict[tuple[int, int], PhraseMatcher] = {}


def _matcher(registry: ActorRegistry, nlp: Language) -> PhraseMatcher:
    key = (id(registry), id(nlp))
    if key not in _MATCHERS:
        exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        exact.add("ACTOR", list(nlp.tokenizer.pipe(registry._exact)))
        folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        folded.add("ACTOR", list(nlp.tokenizer.pipe(registry._folded)))
        _MATCHERS[key] = _Both(exact, folded)  # type: ignore[assignment]
    return _MATCHERS[key]


class _Both:
    """Two phrase matchers run as one."""

    def __init__(self, *matchers: PhraseMatcher) -> None:
        self.matchers = matchers

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return [m for matcher in self.matchers for m in matcher(doc)]


def _data(name: str) -> Path:
    return Path(str(resources.files("casus") / "data" / name))


@cache
def registry(extra: tuple[str, ...] = ()) -> ActorRegistry:
    """The shipped registry plus extra YAML files (``--actors FILE`` or ``$CASUS_ACTORS``)."""
    files = [_data("actors.yaml"), *map(Path, extra)]
    env = os.environ.get("CASUS_ACTORS")
    if env:
        files += [Path(p) for p in env.split(os.pathsep) if p]
    entries: list[dict] = []
    for path in files:
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"actor registry {path}: {exc}") from exc
        if not isinstance(loaded, list):
            raise ConfigError(f"actor registry {path}: expected a list of actors")
        entries += loaded
    demonyms = yaml.safe_load(_data("demonyms.yaml").read_text(encoding="utf-8"))
    return ActorRegistry(entries, demonyms)
