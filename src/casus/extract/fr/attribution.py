"""Who says so, in French: "X a annoncé que…", "…, a indiqué l'armée" (the subject after the
verb, which the parser often labels ``obj``), "selon X", "d'après un communiqué de X", "dans un
communiqué, X affirme…"; and denials: "X a démenti…", "X dément avoir…", "…, ce que X a démenti"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from casus.extract.actors import ActorMention
from casus.extract.attribution import Claimant
from casus.extract.claims import Mention
from casus.extract.fr.common import AGENT, actor_in, in_set, is_in
from casus.extract.lexicon import Lexicon

RIGHT = {"amod", "nmod", "appos", "flat:name", "flat", "fixed", "compound", "nummod", "conj", "cc"}
TRIM = {"DET", "PUNCT", "CCONJ", "ADP"}
ANSWERED = {"bilan", "chiffre", "information", "affirmation", "allégation", "version", "annonce",
            "revendication", "accusation", "déclaration", "propos"}


def _phrase(tok: Token) -> tuple[int, int]:
    """A noun phrase around its head, French order: "le porte-parole du CSP-PSD, Mohamed
    Elmaouloud Ramadane", "l'armée malienne", "une source sécuritaire"; not relative clauses."""
    doc = tok.doc
    lo = tok.i
    for child in tok.lefts:
        if child.dep_ in {"det", "amod", "nummod", "flat:name"}:
            lo = min(lo, child.left_edge.i)
    hi = tok.i + 1
    for child in tok.rights:  # "le colonel X, l'un des chefs du CSP-PSD": across a comma
        if child.is_punct and child.text == ",":
            continue
        after_comma = child.i == hi + 2 and doc[hi].text == ","
        if after_comma and not (child.dep_ == "appos" and (child.pos_ in {"PROPN", "PRON"} or child.text[:1].isupper())):
            break  # "selon des sources locales, des frappes…": a new clause, not an apposition
        if child.dep_ in RIGHT and child.pos_ != "VERB" and child.i <= hi + 2:
            hi = max(hi, child.right_edge.i + 1)
        else:
            break
    while hi < tok.sent.end and doc[hi].dep_ in {"flat:name", "flat"} and doc[hi].head.i >= lo:
        hi += 1
    while lo < hi and (doc[lo].pos_ in {"PUNCT", "CCONJ", "ADP"} or doc[lo].is_space):
        lo += 1
    while hi > lo and doc[hi - 1].pos_ in TRIM and doc[hi - 1].text not in {")", "»"}:
        hi -= 1
    return lo, hi


def claimant_of(tok: Token, actors: list[ActorMention], lex: Lexicon) -> Claimant:
    """The claimant a token names; a statement's author when it names a statement
    ("un communiqué de l'état-major", "un communiqué publié par le CSP-PSD")."""
    if is_in(tok, lex.reporting_nouns) and tok.lemma_.lower() not in {"source"}:
        author = next((d for d in tok.subtree if d.dep_ == AGENT), None) or next(
            (c for c in tok.children if c.dep_ == "nmod" and any(g.lower_ in {"de", "du", "des", "d'"} for g in c.children)
             and c.pos_ in {"NOUN", "PROPN"}), None)
        if author is not None:
            tok = author
    lo, hi = _phrase(tok)
    doc = tok.doc
    return Claimant(doc[lo:hi].text, lo, hi, actor_in(actors, lo, hi), tok.lemma_.lower(), tok.pos_ == "PRON")


def _reporting_verb(tok: Token, lex: Lexicon) -> Token | None:
    node = tok
    for _ in range(12):
        if node != tok and node.pos_ in {"VERB", "AUX"} and _reports(node, lex):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _reports(verb: Token, lex: Lexicon) -> bool:
    return in_set(verb, lex.reporting_verbs) and not in_set(verb, lex.denial_verbs)


def speaker(verb: Token) -> Token | None:
    """The subject of a reporting verb, before it or (in an incise, "a indiqué l'armée") after it."""
    for child in verb.children:
        if child.dep_ in {"nsubj", AGENT} and child.lower_ not in {"ce", "qui", "que"}:
            return child
    incise = any(t.text == "," for t in verb.doc[max(verb.i - 3, verb.sent.start) : verb.i])
    if incise:
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in {"obj", "nsubj", "iobj"} and c.pos_ in {"NOUN", "PROPN"}]
        if after:
            return after[0]
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head != verb:
        return speaker(verb.head)
    return None


def according_to(sent: Span) -> Token | None:
    """The head of X in "selon X", "d'après X", "de source X"."""
    for tok in sent:
        if tok.lower_ == "selon" or (tok.lower_ == "après" and tok.i > sent.start and tok.doc[tok.i - 1].lower_ in {"d'", "d’"}):
            head = tok.head if tok.head != tok else None
            if tok.lower_ == "après" and tok.dep_ == "fixed":
                head = tok.head.head
            if head is not None and head.pos_ in {"NOUN", "PROPN", "PRON"} and head.i > tok.i:
                return head
            nxt = next((t for t in tok.doc[tok.i + 1 : min(tok.i + 4, sent.end)] if t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
            if nxt is not None:
                return nxt
    return None


def _incises(sent: Span, lex: Lexicon) -> list[Token]:
    """Reporting verbs set off by a comma with their subject after them: ", a indiqué l'armée"."""
    out = []
    for tok in sent:
        if tok.pos_ == "VERB" and _reports(tok, lex) and tok.dep_ in {"parataxis", "conj", "parataxis:insert", "ROOT"}:
            s = speaker(tok)
            if s is not None and s.i > tok.i:
                out.append(tok)
    return out


def attribute(sent: Span, mentions: list[Mention], actors: list[ActorMention], lex: Lexicon) -> list[Claimant]:
    """Set each mention's claimant and stance in place; return the claimants found."""
    found: list[Claimant] = []
    doc = sent.doc
    acc = according_to(sent)
    acc_claimant = claimant_of(acc, actors, lex) if acc is not None else None
    incises = _incises(sent, lex)
    denials = [t for t in sent if _denies(t, lex)]
    for m in mentions:
        trigger = doc[m.trigger]
        claimant = None
        verb = _reporting_verb(trigger, lex)
        if verb is not None and (subj := speaker(verb)) is not None:
            claimant = claimant_of(subj, actors, lex)
        if claimant is None and incises:
            subj = speaker(incises[0])
            claimant = claimant_of(subj, actors, lex) if subj is not None else None
        if claimant is None and acc_claimant is not None:
            claimant = acc_claimant
        if claimant is not None:
            m.claimant, m.claimant_actor = claimant.text, claimant.actor
            found.append(claimant)
        for deny in denials:
            above = deny.i in {a.i for a in trigger.ancestors}
            subj = speaker(deny)
            if deny.pos_ != "VERB" and deny.i < trigger.i:  # "L'armée dément avoir…" mis-parsed
                above = True
                subj = deny.head if deny.head.pos_ in {"NOUN", "PROPN"} else speaker(trigger)
            if above and subj is not None:
                denier = claimant_of(subj, actors, lex)  # "l'armée dément avoir perdu…"
                m.claimant, m.claimant_actor, m.stance = denier.text, denier.actor, "denies"
                found.append(denier)
        if m.negated:
            m.stance = "denies"
    return found


def _denies(tok: Token, lex: Lexicon) -> bool:
    """A denial verb, or "dément" mis-tagged as an adverb or adjective."""
    return (tok.pos_ == "VERB" or tok.lower_.startswith("dément")) and in_set(tok, lex.denial_verbs)


def _ce_que(deny: Token) -> Claimant | None:
    """The denier in "…, ce que le CSP-PSD a démenti" / "ce qu'a démenti l'armée"."""
    doc, sent = deny.doc, deny.sent
    window = doc[max(deny.i - 8, sent.start) : deny.i]
    que = next((t for t in reversed(window) if t.lower_ in {"que", "qu'", "qu’"}), None)
    if que is None or que.i == sent.start:
        return None
    before = doc[que.i - 1]
    if before.lower_ != "ce" and before.lemma_.lower() not in ANSWERED:
        return None  # "ce que X a démenti", "un bilan que l'armée a démenti"
    lo, hi = que.i + 1, deny.i
    while hi > lo and doc[hi - 1].pos_ in {"AUX", "ADV", "PRON"}:
        hi -= 1
    if hi <= lo:  # inverted: "ce qu'a démenti l'armée"
        after = [t for t in doc[deny.i + 1 : sent.end] if t.pos_ in {"NOUN", "PROPN"}]
        if not after:
            return None
        lo, hi = _phrase(after[0])
    return Claimant(doc[lo:hi].text, lo, hi)


def denials_after(sent: Span, mentions: list[Mention], actors: list[ActorMention], lex: Lexicon) -> list[tuple[Mention, Claimant]]:
    """Denials that follow the claims they answer: "…, ce que le CSP-PSD a démenti" answers
    every claim said before it in the sentence."""
    out = []
    for deny in sent:
        if not _denies(deny, lex):
            continue
        denier = _ce_que(deny)
        if denier is None:
            continue
        denier.actor = actor_in(actors, denier.start, denier.end)
        for m in mentions:
            if m.start < deny.i and m.stance == "asserts" and m.claimant != denier.text:
                out.append((m, denier))
    return out
