"""The curated actor registry (src/casus/data/actors.yaml) checked as data.

The rules tested here are the ones docs/actors.md states: every entry is a ``casus.model.Actor``
plus documented extra keys, names are unique, no alias can name two actors, short and
acronym aliases match case-sensitively, memberships and successions point at registered
actors with dates in order, and state forces name their government.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
import yaml

import casus
from casus.model import Actor

REGISTRY = Path(casus.__file__).parent / "data" / "actors.yaml"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "actors.md"

EXTRA_KEYS = {
    "acled_name",
    "ucdp_name",
    "note",
    "successor",
    "successor_of",
    "case_sensitive",
    "founded",
    "dissolved",
    "countries",
    "coalition",
    "allied_with",
}
"""Keys the registry may carry beside the Actor fields; each is documented in docs/actors.md."""

GENERIC = {
    "army", "armée", "military", "forces", "troops", "soldiers", "soldats", "militaires",
    "rebels", "rebelles", "insurgents", "militants", "militias", "milices", "jihadists",
    "djihadistes", "jihadistes", "terrorists", "terroristes", "islamists", "islamistes",
    "gunmen", "government", "gouvernement", "government forces", "government troops",
    "forces gouvernementales", "regime forces", "loyalists", "junta", "junte", "the junta",
    "la junte", "authorities", "autorités", "mercenaries", "mercenaires", "opposition",
    "opposition fighters", "rebel forces", "fighters", "combattants", "assailants",
    "assaillants", "attackers", "platform", "plateforme", "coalition", "peacekeepers",
    "bandits", "bandits armés", "security forces", "forces de sécurité",
}
"""Bare words that name a kind of actor, not an actor: never case-insensitive aliases
(docs/actors.md). "Platform" is allowed only because it matches case-sensitively."""

EXCLUDED = {"FDS", "CNSP", "MIA", "PLA", "ISI", "Rojava", "Islamic Front", "al-Qaeda affiliate"}
"""Names left out on purpose because they name more than one thing (docs/actors.md)."""


def _load() -> list[dict]:
    entries = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    assert isinstance(entries, list) and entries, "the registry is a non-empty YAML list"
    return entries


ENTRIES = _load()
BY_NAME = {e["name"]: e for e in ENTRIES}
IDS = [e["name"] for e in ENTRIES]


# --- the matching rules, as docs/actors.md states them -----------------------------------------

_WS = re.compile(r"\s+")


def is_case_sensitive(alias: str, entry: dict) -> bool:
    """No white space and two or more capitals (FAMa, CSP-PSD, IS), or listed in case_sensitive."""
    by_rule = not _WS.search(alias) and sum(c.isupper() for c in alias) >= 2
    return by_rule or alias in (entry.get("case_sensitive") or [])


def match_key(alias: str, case_sensitive: bool) -> str:
    """The key an alias is matched on: white space folded, case folded unless case-sensitive."""
    key = _WS.sub(" ", alias).strip()
    return key if case_sensitive else key.casefold()


def loose_key(alias: str, case_sensitive: bool) -> str:
    """A stricter comparison for collisions: also accents, apostrophes, hyphens, dots and
    brackets folded, so the file stays unambiguous whatever a matcher chooses to fold."""
    text = unicodedata.normalize("NFKD", alias)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’ʼ‘ʻ`.]", "", text)
    text = re.sub(r"[-‐‑–—,()]", " ", text)
    return match_key(text, case_sensitive)


def surface_forms(entry: dict) -> list[str]:
    """Everything an entry is matched by: its name, then its aliases."""
    return [entry["name"], *entry.get("aliases", [])]


def lookup(text: str) -> str | None:
    """The canonical name a surface form resolves to under the matching rules, if any."""
    for entry in ENTRIES:
        for alias in surface_forms(entry):
            cs = is_case_sensitive(alias, entry)
            if match_key(alias, cs) == match_key(text, cs):
                return entry["name"]
    return None


# --- each entry -------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_entry_validates_as_actor(entry):
    actor = Actor.model_validate({k: v for k, v in entry.items() if k not in EXTRA_KEYS})
    assert actor.registered
    assert actor.name.strip() == actor.name and actor.name


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_entry_has_only_known_keys(entry):
    unknown = set(entry) - set(Actor.model_fields) - EXTRA_KEYS
    assert not unknown, f"undocumented keys {sorted(unknown)}"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_extra_keys_are_well_formed(entry):
    for key in ("acled_name", "ucdp_name", "note", "successor", "successor_of"):
        value = entry.get(key)
        assert value is None or (isinstance(value, str) and value.strip()), key
    for key in ("founded", "dissolved"):
        assert entry.get(key) is None or isinstance(entry[key], date), key
    for key in ("case_sensitive", "countries"):
        value = entry.get(key)
        assert value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def test_every_extra_key_is_documented():
    docs = DOCS.read_text(encoding="utf-8")
    missing = sorted(k for k in EXTRA_KEYS if f"`{k}`" not in docs)
    assert not missing, f"docs/actors.md does not describe {missing}"


# --- names and aliases ------------------------------------------------------------------------


def test_canonical_names_are_unique():
    seen = defaultdict(int)
    for entry in ENTRIES:
        seen[entry["name"]] += 1
    assert [n for n, c in seen.items() if c > 1] == []


def test_no_alias_names_two_actors():
    forms = [
        (entry["name"], alias, is_case_sensitive(alias, entry))
        for entry in ENTRIES
        for alias in surface_forms(entry)
    ]
    groups = defaultdict(list)
    for name, alias, cs in forms:
        groups[loose_key(alias, False)].append((name, alias, cs))
    clashes = []
    for group in groups.values():
        for i, (name_a, alias_a, cs_a) in enumerate(group):
            for name_b, alias_b, cs_b in group[i + 1 :]:
                if name_a == name_b:
                    continue
                # two case-sensitive forms that differ in case can coexist ("Platform" vs "PLATFORM")
                both_cs = cs_a and cs_b
                if not both_cs or loose_key(alias_a, True) == loose_key(alias_b, True):
                    clashes.append(f"{alias_a!r} ({name_a}) vs {alias_b!r} ({name_b})")
    assert clashes == []


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_aliases_are_not_repeated(entry):
    keys = [match_key(a, is_case_sensitive(a, entry)) for a in surface_forms(entry)]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    assert repeated == [], "an alias repeats the name or another alias under the matching rules"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_aliases_are_specific(entry):
    for alias in entry.get("aliases", []):
        assert alias == alias.strip() and alias, repr(alias)
        assert alias not in EXCLUDED, f"{alias!r} is ambiguous and left out on purpose"
        if alias.casefold() in GENERIC:
            assert is_case_sensitive(alias, entry), f"{alias!r} is a generic word, not an actor"
        if len(alias) <= 3:
            assert is_case_sensitive(alias, entry), f"short alias {alias!r} must be case-sensitive"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_case_sensitive_lists_known_forms(entry):
    forms = set(surface_forms(entry))
    assert set(entry.get("case_sensitive") or []) <= forms


# --- coalitions, successions, governments, countries ------------------------------------------


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.get("memberships")], ids=lambda e: e["name"])
def test_memberships_are_registered_and_dated_in_order(entry):
    founded, dissolved = entry.get("founded"), entry.get("dissolved")
    for m in entry["memberships"]:
        coalition = BY_NAME.get(m["coalition"])
        assert coalition is not None, f"coalition {m['coalition']!r} is not an entry"
        assert coalition["name"] != entry["name"]
        since, until = m.get("since"), m.get("until")
        if since and until:
            assert since <= until
        if since and coalition.get("founded"):
            assert since >= coalition["founded"], "member before the coalition existed"
        if since and founded:
            assert since >= founded, "member before the member existed"
        if until and coalition.get("dissolved"):
            assert until <= coalition["dissolved"], "member after the coalition ended"
        if until and dissolved:
            assert until <= dissolved


def test_memberships_have_no_cycles():
    def parents(name, path):
        assert name not in path, f"membership cycle: {' -> '.join([*path, name])}"
        for m in BY_NAME[name].get("memberships", []):
            parents(m["coalition"], [*path, name])

    for entry in ENTRIES:
        parents(entry["name"], [])


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_founded_before_dissolved(entry):
    if entry.get("founded") and entry.get("dissolved"):
        assert entry["founded"] <= entry["dissolved"]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_successions_are_registered_and_reciprocal(entry):
    if entry.get("successor"):
        successor = BY_NAME.get(entry["successor"])
        assert successor is not None, f"successor {entry['successor']!r} is not an entry"
        assert successor.get("successor_of") == entry["name"]
    if entry.get("successor_of"):
        predecessor = BY_NAME.get(entry["successor_of"])
        assert predecessor is not None, f"predecessor {entry['successor_of']!r} is not an entry"
        assert predecessor.get("successor") == entry["name"]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_state_forces_name_their_government(entry):
    government = entry.get("government")
    if entry.get("actor_type") != "state_forces":
        assert government is None, "only state forces serve a government"
        return
    assert government, "state forces must name the government they serve (UCDP's side)"
    if government in BY_NAME:
        registered = BY_NAME[government]
        assert registered.get("actor_type") == "state_forces"
        assert registered.get("government") == government, "a government entry serves itself"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_countries_are_iso3(entry):
    iso3 = re.compile(r"[A-Z]{3}")
    country, countries = entry.get("country"), entry.get("countries") or []
    assert country is None or iso3.fullmatch(country)
    assert all(iso3.fullmatch(c) for c in countries)
    if country and countries:
        assert country in countries, "`countries` includes the main `country`"


# --- the seed article's actors ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["CSP-PSD", "CMA", "Platform", "Wagner Group", "Malian Armed Forces"])
def test_seed_actors_are_registered(name):
    assert name in BY_NAME


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # as the seed (raid on Dioura, 2023) writes them
        ("CSP-PSD", "CSP-PSD"),
        ("Permanent Strategic Framework for Peace, Security, and Development", "CSP-PSD"),
        ("Coordination of Azawad Movements", "CMA"),
        ("Platform", "Platform"),
        ("Wagner Group", "Wagner Group"),
        ("PMC Wagner", "Wagner Group"),
        ("Malian junta", "Government of Mali"),
        ("Malian Army", "Malian Armed Forces"),
        ("Malian soldiers", "Malian Armed Forces"),
        ("Malian forces", "Malian Armed Forces"),
        # French and other spellings
        ("soldats maliens", "Malian Armed Forces"),
        ("FAMa", "Malian Armed Forces"),
        ("Forces armées maliennes", "Malian Armed Forces"),
        ("Cadre stratégique pour la défense du peuple de l'Azawad", "CSP-PSD"),
        ("Front de libération de l'Azawad", "Azawad Liberation Front"),
        ("Coordination des mouvements de l'Azawad", "CMA"),
        ("Groupe de soutien à l'islam et aux musulmans", "JNIM"),
        ("EIGS", "Islamic State Sahel Province"),
        ("État islamique au Grand Sahara", "Islamic State Sahel Province"),
        ("casques bleus", "MINUSMA"),
        ("paramilitaires russes", "Wagner Group"),
        ("Jabhat al-Nusra", "Jabhat al-Nusra"),
        ("Hay'at Tahrir al-Sham", "Hay'at Tahrir al-Sham"),
        ("Jaish al-Fatah", "Army of Conquest"),
        ("Nagorno-Karabakh Defence Army", "Artsakh Defence Army"),
        # what must not match
        ("platform", None),
        ("the southern front", None),
        ("government forces", None),
        ("is", None),
        ("wagner", None),
    ],
)
def test_surface_forms_resolve(text, expected):
    assert lookup(text) == expected
