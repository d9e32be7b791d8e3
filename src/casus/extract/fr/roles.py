"""Who attacked whom in a French sentence, and the small tests of time (UD parse labels).

Agents: subjects of attack verbs ("les rebelles ont attaqué"), the "par" agent of a passive
("attaqué par des jihadistes"), those who claim an attack ("le JNIM a revendiqué l'attaque")
or are blamed for it ("l'armée accuse le JNIM"). Targets: objects, passive subjects, "contre
X". "Affrontements entre A et B": A and B. Armed groups missing from the registry are kept as
the text names them ("la katiba Serma")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from casus.extract.actors import ActorMention
from casus.extract.fr.common import AGENT, OBJ, in_set, is_in, subject_of
from casus.extract.lexicon import Lexicon
from casus.extract.roles import Roles, reported_on  # noqa: F401  (reported_on reads only the lexicon)

GROUP_HEADS = {"milice", "brigade", "bataillon", "groupe", "faction", "mouvement", "front", "katiba",
               "coalition", "tribu", "clan", "unité", "colonne", "force", "organisation", "alliance"}
NOT_GROUPS = {"Dieu", "Allah", "AFP", "RFI", "Reuters"}


def _unregistered(tok: Token, places: set[int]) -> ActorMention | None:
    """An armed group the registry does not know, named as the text names it: a proper name,
    or a group noun with a proper name after it ("la katiba Serma", "le groupe Ansar")."""
    if tok.pos_ not in {"PROPN", "NOUN"} or tok.i in places or tok.text in NOT_GROUPS:
        return None
    doc = tok.doc
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        hi = tok.i + 1
        while hi < tok.sent.end and doc[hi].dep_ in {"flat:name", "flat"} and doc[hi].head == tok:
            hi += 1
        if any(i in places for i in range(tok.i, hi)):
            return None
        return ActorMention(tok.i, hi, doc[tok.i:hi].text, doc[tok.i:hi].text)
    if tok.lemma_.lower() in GROUP_HEADS:
        names = [c for c in tok.rights if c.dep_ in {"flat:name", "appos", "nmod", "amod"} and c.text[:1].isupper()]
        if names and names[0].i == tok.i + 1 and names[0].i not in places:
            hi = names[0].right_edge.i + 1
            return ActorMention(tok.i, hi, doc[tok.i:hi].text, doc[tok.i:hi].text)
    return None


RETROSPECT = {"après", "depuis", "avant", "suite"}


def in_retrospect(tok: Token) -> bool:
    """A word that only dates something else: "ont fui après l'attaque", "quatre jours après la
    prise de Dioura" (the parse may hang "après" on the noun or on what comes before it)."""
    if any(c.lower_ in RETROSPECT for c in tok.children if c.dep_ in {"case", "advmod", "mark"}):
        return True
    before = [t.lower_ for t in tok.doc[max(tok.i - 3, tok.sent.start) : tok.i]]
    return any(w in RETROSPECT for w in before) and all(
        w in RETROSPECT | {"la", "le", "l'", "l’", "les", "de", "du", "d'"} for w in before[before.index(next(
            w for w in before if w in RETROSPECT)):])


def _phrase_lemmas(tok: Token) -> str:
    return " ".join(t.lemma_.lower() for t in tok.subtree)


def find_roles(sent: Span, actors: list[ActorMention], places: set[int], lex: Lexicon) -> Roles:
    """Who attacked and who was attacked (see the module docstring)."""
    roles = Roles()

    def inside(tok: Token) -> list[str]:
        lo, hi = tok.left_edge.i, tok.right_edge.i + 1
        found = [m.actor for m in actors if lo <= m.start and m.end <= hi]
        if not found and (new := _unregistered(tok, places)) is not None:
            actors.append(new)
            found = [new.actor]
        return found

    def generic(tok: Token) -> None:
        if inside(tok):
            return
        heads = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
        text = _phrase_lemmas(tok) + " " + tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text.lower()
        armed = any(" " in w and w in text for w in lex.nonstate_nouns)
        roles.insurgents |= bool(heads & lex.insurgent_nouns) and not armed
        roles.unnamed |= armed or bool(heads & (lex.nonstate_nouns - lex.insurgent_nouns))

    killing = lex.victim_verbs.get("killed", frozenset())
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "entre" and is_in(tok.head.head if tok.dep_ == "case" else tok.head, lex.attack_nouns):
            first = tok.head  # "des affrontements entre l'armée et les jihadistes"
            roles.agents += inside(first) if not first.conjuncts else [
                a for a in inside(first) if a not in [x for c in first.conjuncts for x in inside(c)]]
            generic(first)
            for other in first.conjuncts:
                roles.targets += inside(other)
                generic(other)
            continue
        if tok.pos_ == "VERB" and in_set(tok, lex.responsibility_verbs):  # "l'armée accuse le JNIM"
            for child in tok.children:
                if child.dep_ in OBJ or child.dep_.startswith("obl"):
                    roles.agents += inside(child)
            continue
        if lemma == "revendiquer" and any(is_in(c, lex.attack_nouns) or c.lemma_.lower() == "responsabilité"
                                          for c in tok.children if c.dep_ in OBJ):
            subj = subject_of(tok)
            if subj is not None:
                roles.agents += inside(subj)
            continue
        if tok.pos_ == "NOUN" and is_in(tok, lex.attack_nouns) and tok.dep_ in OBJ and tok.head.lemma_.lower() in {
                "lancer", "mener", "perpétrer", "commettre", "tendre", "conduire"}:
            verb = tok.head  # "ont lancé une attaque contre le camp"
            subj = subject_of(verb)
            if subj is not None:
                roles.agents += inside(subj)
                generic(subj)
            for c in [*tok.children, *verb.children]:
                if c.dep_.startswith(("obl", "nmod")) and any(g.lower_ == "contre" for g in c.children):
                    roles.targets += inside(c)
                    generic(c)
            continue
        if tok.pos_ != "VERB" or not (in_set(tok, lex.attack_verbs) or in_set(tok, killing)):
            continue
        subject = next((c for c in tok.children if c.dep_ in {"nsubj", AGENT}), None)
        if subject is None and tok.dep_ == "conj":
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            roles.agents += inside(subject)
            generic(subject)
        elif any(c.dep_ == "nsubj:pass" for c in tok.children) and in_set(tok, lex.attack_verbs):
            roles.unnamed = True  # "le convoi a été attaqué"
        for child in tok.children:
            if child.dep_ in OBJ | {"nsubj:pass"} or (child.dep_.startswith("obl") and any(
                    g.lower_ == "contre" for g in child.children)):
                roles.targets += inside(child)
                generic(child)
    roles.agents = list(dict.fromkeys(roles.agents))
    roles.targets = list(dict.fromkeys(roles.targets))
    return roles
