"""Who attacked whom in a sentence, and the small tests of time that say whether a sentence
tells of an event at all (English parse labels)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from casus.extract.actors import ActorMention
from casus.extract.dates import DateMention
from casus.extract.lexicon import Lexicon


@dataclass
class Roles:
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    unnamed: bool = False  # an anonymous perpetrator ("gunmen", "assailants")
    insurgents: bool = False  # the insurgency, unnamed ("the rebels", "jihadists")
    blamed: bool = False  # someone was blamed or claimed responsibility: about the story told


GROUP_HEADS = {"militia", "brigade", "battalion", "group", "faction", "movement", "front", "army",
               "force", "fighter", "tribe", "clan", "militiaman", "regiment", "unit", "division"}


def _unregistered(tok: Token, places: set[int], lex: Lexicon) -> ActorMention | None:
    """An armed group the registry does not know, as the text names it: a proper name, or a
    group noun with a proper modifier ("Druze militias"). People and places are not groups."""
    head = tok
    if head.pos_ not in {"PROPN", "NOUN"} or head.i in places or head.ent_type_ in {"PERSON", "GPE", "LOC"}:
        return None
    generic = lex.nonstate_nouns | lex.combatant_nouns | lex.civilian_nouns | lex.attacker_nouns | lex.state_nouns
    forms = {head.lemma_.lower(), head.lower_, head.lower_[:-1], head.lower_.removesuffix("men") + "man"}
    if forms & generic:
        return None  # "Gunmen", "Soldiers" at the start of a sentence are no names
    lo = head.i
    for child in head.lefts:
        if child.dep_ in {"compound", "amod", "nmod"} and (child.text[:1].isupper() or child.pos_ == "PROPN"):
            lo = min(lo, child.left_edge.i)
    if any(i in places for i in range(lo, head.i + 1)):
        return None
    words = head.doc[lo : head.i + 1]
    proper = [t for t in words if t.text[:1].isupper() and t.i != words.start or t.pos_ == "PROPN"]
    if head.pos_ == "PROPN" and head.text[:1].isupper():
        return ActorMention(lo, head.i + 1, words.text, words.text)
    if head.lemma_.lower() in GROUP_HEADS and proper:
        return ActorMention(lo, head.i + 1, words.text, words.text)
    return None



def in_retrospect(tok: Token) -> bool:
    """An attack word that only dates something else: "fled after the battle"."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"after", "since", "following", "before", "until"}



def reported_on(sent: Span, d: DateMention, lex: Lexicon) -> bool:
    """A date that says when something was said ("published … on September 30")."""
    span = sent.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    for tok in [span.root, *span.root.ancestors][:5]:
        lemma = tok.lemma_.lower()
        if lemma in lex.reporting_verbs or lemma in lex.reporting_nouns:
            return True
        if lemma in lex.attack_verbs or lex.victim_kind(lemma):
            return False
    return False


def find_roles(sent: Span, actors: list[ActorMention], places: set[int], lex: Lexicon) -> Roles:
    """Who attacked (subjects of attack verbs, those blamed or claiming responsibility) and
    who was attacked (their objects). Armed groups named there but missing from the
    registry are added to ``actors`` as they are named ("Druze militias", "Al-Falhout")."""
    roles = Roles()

    def inside(tok) -> list[str]:
        lo, hi = tok.left_edge.i, tok.right_edge.i + 1
        found = [m.actor for m in actors if lo <= m.start and m.end <= hi]
        if not found and (new := _unregistered(tok, places, lex)) is not None:
            actors.append(new)
            found = [new.actor]
        return found

    def generic(tok) -> None:
        if inside(tok):
            return
        heads = {t.lemma_.lower() for t in tok.subtree}
        roles.insurgents |= bool(heads & lex.insurgent_nouns)
        roles.unnamed |= bool(heads & (lex.nonstate_nouns - lex.insurgent_nouns))

    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "between" and tok.head.lemma_.lower() in lex.attack_nouns | lex.attack_verbs:
            first = next((c for c in tok.children if c.dep_ == "pobj"), None)  # "clashes between A and B"
            if first is not None:
                roles.agents += inside(first) if not first.conjuncts else [a for a in inside(first) if a not in [x for c in first.conjuncts for x in inside(c)]]
                generic(first)
                for other in first.conjuncts:
                    roles.targets += inside(other)
                    generic(other)
            continue
        if tok.pos_ == "VERB" and lemma in lex.responsibility_verbs:  # "the official blamed X"
            for child in tok.children:
                if child.dep_ in {"dobj", "pobj"} or (child.dep_ == "prep" and child.lower_ == "on"):
                    roles.agents += inside(child)
                    roles.blamed = True
            continue
        if lemma in {"launch", "mount", "stage", "begin", "start", "lead"} and any(
                c.lemma_.lower() in lex.attack_nouns for c in tok.children if c.dep_ == "dobj"):
            for c in tok.children:  # "rebels launched an offensive on X"
                if c.dep_ == "nsubj":
                    roles.agents += inside(c)
                    generic(c)
            continue
        if lemma == "claim" and any(c.lemma_.lower() in {"responsibility"} | lex.attack_nouns for c in tok.children if c.dep_ == "dobj"):
            roles.agents += [a for c in tok.children if c.dep_ == "nsubj" for a in inside(c)]
            roles.blamed = True
            continue
        if lemma not in lex.attack_verbs | lex.victim_verbs.get("killed", frozenset()) or tok.pos_ != "VERB":
            continue
        subject = next((c for c in tok.children if c.dep_ in {"nsubj", "agent"}), None)
        if subject is None and tok.dep_ == "conj":
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            roles.agents += inside(subject)
            generic(subject)
        elif any(c.dep_ == "nsubjpass" for c in tok.children) and lemma in lex.attack_verbs:
            roles.unnamed = True  # "their convoy was ambushed"
        for child in tok.children:
            if child.dep_ in {"dobj", "nsubjpass"} or (child.dep_ == "prep" and child.lower_ in {"on", "against"}):
                roles.targets += inside(child)
                generic(child)
    roles.agents = list(dict.fromkeys(roles.agents))
    roles.targets = list(dict.fromkeys(roles.targets))
    return roles

