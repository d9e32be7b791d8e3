"""Who says so: claimants ("X said", "according to X", "a report published by X") and denials
("which the CSP-PSD denied", "X denied that…")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from casus.extract.actors import ActorMention
from casus.extract.claims import Mention
from casus.extract.lexicon import Lexicon

NAME_DEPS = {"compound", "amod", "det", "poss", "case", "nmod", "flat", "appos", "nummod", "punct", "cc", "conj"}


@dataclass
class Claimant:
    text: str
    start: int
    end: int
    actor: str | None = None
    head: str = ""  # lemma of the head word ("army", "spokesman", "he")
    is_pronoun: bool = False


def _phrase(tok: Token) -> tuple[int, int]:
    """A noun phrase around its head, stopping at clauses: "CSP-PSD spokesman Mohamed Ramadane"."""
    lo = tok.i
    for child in tok.lefts:
        if child.dep_ in NAME_DEPS:
            lo = min(lo, child.left_edge.i)
    hi = tok.i + 1
    for child in tok.rights:
        if child.dep_ in {"compound", "flat", "conj", "cc"} or (child.dep_ == "appos" and child.pos_ == "PROPN"):
            hi = max(hi, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ in {"for", "of"} and child.i == hi:
            hi = max(hi, child.right_edge.i + 1)  # "a spokesman for the army"
        else:
            break
    doc = tok.doc
    if hi < len(doc) and doc[hi].text == ")" and "(" in doc[lo:hi].text and ")" not in doc[lo:hi].text:
        hi += 1  # "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in {"and", ","}):
        lo += 1
    while hi > lo and doc[hi - 1].text != ")" and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].lower_ in {"and", ","}):
        hi -= 1
    return lo, hi


def claimant_of(tok: Token, actors: list[ActorMention], lex: Lexicon) -> Claimant:
    """The claimant a subject token names; a report's author when the subject is a report."""
    if tok.lemma_.lower() in lex.reporting_nouns:
        for desc in tok.subtree:
            if desc.dep_ == "agent" or (desc.dep_ == "prep" and desc.lower_ == "from"):
                pobj = next((g for g in desc.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    tok = pobj
                    break
            if desc.dep_ == "poss" and desc.head == tok:
                tok = desc
                break
    lo, hi = _phrase(tok)
    doc = tok.doc
    actor = next((m.actor for m in actors if m.start < hi and lo < m.end), None)
    return Claimant(doc[lo:hi].text, lo, hi, actor, tok.lemma_.lower(), tok.pos_ == "PRON")


def _reporting_verb(tok: Token, lex: Lexicon) -> Token | None:
    """The nearest reporting verb above a token in the parse, or None."""
    node = tok
    for _ in range(12):
        if node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in lex.reporting_verbs and node != tok:
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head != verb:
        return _subject(verb.head)  # "X claimed the attack, saying…"
    return None


def according_to(sent: Span) -> Token | None:
    """The head of X in "according to X"."""
    for tok in sent:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
            if to is not None:
                return next((g for g in to.children if g.dep_ == "pobj"), None)
    return None


def attribute(sent: Span, mentions: list[Mention], actors: list[ActorMention], lex: Lexicon) -> list[Claimant]:
    """Set each mention's claimant and stance in place; return the claimants found (for
    discourse: later sentences may refer back to them)."""
    found: list[Claimant] = []
    doc = sent.doc
    acc = according_to(sent)
    acc_claimant = claimant_of(acc, actors, lex) if acc is not None else None
    denials = [t for t in sent if t.lemma_.lower() in lex.denial_verbs and t.pos_ == "VERB"]
    for m in mentions:
        trigger = doc[m.trigger]
        claimant = None
        verb = _reporting_verb(trigger, lex)
        if verb is not None and verb.lemma_.lower() not in lex.denial_verbs:
            subj = _subject(verb)
            if subj is not None:
                claimant = claimant_of(subj, actors, lex)
        if claimant is None and acc_claimant is not None:
            claimant = acc_claimant
        if claimant is None and (closing := _closing_attribution(sent, trigger, lex)) is not None:
            claimant = claimant_of(closing, actors, lex)  # "…, a security source told AFP."
        if claimant is not None:
            m.claimant, m.claimant_actor = claimant.text, claimant.actor
            found.append(claimant)
        for deny in denials:
            subj = _subject(deny)
            if subj is None:
                continue
            above = {a.i for a in trigger.ancestors}
            if deny.i in above and deny.i != m.trigger:  # "X denied that 12 were killed"
                denier = claimant_of(subj, actors, lex)
                m.claimant, m.claimant_actor, m.stance = denier.text, denier.actor, "denies"
                found.append(denier)
        if m.negated:
            m.stance = "denies"
    return found


def _closing_attribution(sent: Span, trigger: Token, lex: Lexicon) -> Token | None:
    """The subject of a reporting verb that closes the sentence after the claim and hangs off
    the same clause ("…were killed when…, a security source told AFP."), when the parse did
    not put the claim under it."""
    for verb in sent:
        if verb.i <= trigger.i or verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.reporting_verbs:
            continue
        if verb.lemma_.lower() in lex.denial_verbs:
            continue
        if verb.dep_ in {"ROOT", "parataxis", "ccomp", "advcl", "conj"} and (
            verb.head == verb or verb.head in trigger.ancestors or verb.head == trigger or trigger in verb.ancestors
            or verb.head.i < verb.i
        ):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None and verb.i > sent.start and verb.doc[verb.i - 1].pos_ in {"NOUN", "PROPN"}:
                subj = verb.doc[verb.i - 1]  # the parse lost it: the noun right before the verb
                if not any(t.text == "," for t in verb.doc[max(subj.i - 5, sent.start) : subj.i]):
                    subj = None
            if subj is not None and subj.i > trigger.i:
                return subj
    return None


def _answers(m: Mention, head: Token) -> bool:
    return m.start <= head.i < m.end or m.trigger in {a.i for a in head.ancestors} | {head.i}


def denials_after(sent: Span, mentions: list[Mention], actors: list[ActorMention], lex: Lexicon) -> list[tuple[Mention, Claimant]]:
    """Denials that follow the claims they answer: "…, which the CSP-PSD denied"."""
    out = []
    doc = sent.doc
    for deny in sent:
        if deny.lemma_.lower() not in lex.denial_verbs or deny.pos_ != "VERB":
            continue
        if deny.dep_ != "relcl" and not any(c.lower_ in {"which", "this", "that", "it"} for c in deny.children):
            continue
        subj = _subject(deny)
        if subj is None:
            continue
        denier = claimant_of(subj, actors, lex)
        for m in mentions:
            if m.start >= deny.i or m.stance != "asserts" or m.claimant == denier.text:
                continue
            if deny.dep_ == "relcl" and not _answers(m, deny.head):
                continue  # "…a column of vehicles, which X denied" answers that claim only
            out.append((m, denier))
    del doc
    return out
