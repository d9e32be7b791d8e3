"""French claims in one parsed sentence: figures (tués, blessés, faits prisonniers, portés
disparus, neutralisés, véhicules saisis…) and outcomes (prise de contrôle, repli, matériel
emporté, renforts, l'attaque elle-même).

As in English, a figure is read from its quantity outwards: the noun it counts ("quatre-vingt-
dix-huit soldats maliens", "une dizaine de terroristes", "dix autres"), then what happened to
it — a verb whose passive subject or object it is (UD ``nsubj:pass`` / ``obj``), a participle
after it ("véhicules saisis"), or the noun itself ("cinq prisonniers", "12 morts"). The French
parse is less reliable than the English one, so a short window after the noun backs it up.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from casus.extract.actors import ActorMention
from casus.extract.claims import Mention
from casus.extract.fr.common import (
    AGENT, OBJ, actor_in, in_set, is_in, kind_of, negated, phrase_end, subject_of, words,
)
from casus.extract.fr.roles import in_retrospect
from casus.extract.lexicon import Lexicon
from casus.extract.quantities import Quantity

DE = {"de", "d'", "d’", "des", "du"}
OTHER = {"autre", "autres"}
ARTICLES = {"un", "une", "l'un", "l'une"}
GROUPING = {"colonne", "lot", "quantité", "stock", "cargaison", "convoi"}


def _counted_noun(q: Span) -> tuple[Token, bool, Token]:
    """(the noun counted, whether the quantity is itself the noun, the token tying the phrase
    to its verb): "une dizaine de terroristes" → terroristes, tied by "dizaine"; "quinze autres
    véhicules" → véhicules; "dix autres" → autres; "des dizaines" alone → bare."""
    doc = q.doc
    root = next((t for t in q if not (q.start <= t.head.i < q.end) or t.head == t), q[-1])
    end = q.sent.end
    j = q.end
    if q[-1].pos_ == "NOUN" or q[-1].lower_.endswith(("aine", "aines", "ier", "iers")):
        if j < end and doc[j].lower_ in DE:
            j += 1
        if j < end and doc[j].pos_ in {"NOUN", "PROPN", "ADJ", "VERB"} and not doc[j].is_punct:
            return doc[j], False, root
        return root, True, root
    for tok in doc[j : min(j + 3, end)]:
        if tok.pos_ in {"NOUN", "PROPN"}:
            return tok, False, tok
        if tok.lower_ in OTHER or (tok.pos_ == "ADJ" and tok.i == j):
            continue
        break
    if j < end and doc[j].lower_ in OTHER:
        return doc[j], False, doc[j]
    if j < end and doc[j].pos_ == "ADJ":  # "12 morts", "cinq blessés" tagged as adjectives
        return doc[j], False, doc[j]
    return root, True, root


def _subject_range(noun: Token, q: Span, bare: bool) -> tuple[int, int]:
    """The words naming what is counted: "soldats maliens", "combattants du CSP-PSD"."""
    if bare:
        return q.start, q.end
    doc, end = noun.doc, noun.sent.end
    lo = noun.i
    while lo - 1 >= q.end and doc[lo - 1].lower_ in {"autres", "autre"} | DE:
        lo -= 1
    if doc[lo].lower_ in DE:
        lo += 1
    hi = noun.i + 1
    while hi < end and doc[hi].pos_ == "ADJ" and doc[hi].head == noun and doc[hi].dep_ == "amod" \
            and doc[hi].lemma_.lower() not in {"tué", "blessé", "mort", "disparu"}:
        hi += 1
    if hi < end and doc[hi].lower_ in DE and hi + 1 < end:
        nxt = [t for t in doc[hi:end] if t.head == noun and t.dep_ == "nmod"]
        if nxt and nxt[0].i <= hi + 3:  # "combattants du CSP-PSD", "éléments de l'armée"
            last = max(t.i for t in nxt if t.i <= hi + 4)
            hi = max(hi, max(t.i for t in doc[last].subtree) + 1)
    while hi > noun.i + 1 and doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


def _category(noun: Token, lex: Lexicon) -> str:
    if is_in(noun, lex.vehicle_nouns) and noun.lemma_.lower() not in GROUPING:
        return "vehicle"
    if is_in(noun, lex.materiel_nouns) and noun.lemma_.lower() not in GROUPING:
        return "materiel"
    if noun.lemma_.lower() in GROUPING:
        for tok in noun.subtree:
            if tok != noun and is_in(tok, lex.vehicle_nouns):
                return "vehicle"
            if tok != noun and is_in(tok, lex.materiel_nouns):
                return "materiel"
        return "materiel" if noun.lemma_.lower() in {"lot", "quantité", "stock"} else "vehicle"
    return "person"


def role_of(noun: Token, lex: Lexicon) -> str | None:
    if is_in(noun, lex.civilian_nouns) and not _armed(noun):
        return "civilians"
    if is_in(noun, lex.attacker_nouns) or _armed(noun):
        return "attacker"
    if is_in(noun, lex.combatant_nouns):
        return "combatant"
    return None


def _armed(noun: Token) -> bool:
    """"hommes armés", "individus armés": anonymous attackers, not civilians."""
    return any(c.lemma_.lower() in {"armé", "armer"} or c.lower_.startswith("armé") for c in noun.children)


def _passive(verb: Token) -> bool:
    return "Pass" in verb.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in verb.children)


def verb_kind(verb: Token, category: str, lex: Lexicon, as_object: bool, passive_subject: bool = True) -> str | None:
    """The claim kind of what a verb did to its victim (``passive_subject``: the counted noun is
    the verb's subject and the verb is passive, or a participle after the noun)."""
    if category == "vehicle":
        if in_set(verb, lex.destroy_verbs):
            return "vehicles_destroyed"
        return "vehicles_captured" if in_set(verb, lex.capture_verbs) else None
    if category == "materiel":
        return "materiel_seized" if in_set(verb, lex.capture_verbs) else None
    if not as_object and in_set(verb, lex.dying_verbs):
        return "killed"
    if not (as_object or passive_subject):
        return None  # "cinq assaillants ont tué…": the subject of an active verb is no victim
    kind = kind_of(verb, lex.victim_verbs)
    if kind is None and verb.pos_ in {"ADJ", "NOUN"}:
        kind = lex.noun_kind(verb.lemma_.lower()) or lex.noun_kind(verb.lower_)
    return kind


def _following_verb(after: int, noun: Token, limit: int = 4) -> Token | None:
    """A participle or verb right after a noun phrase: "soldats (ont été) tués"."""
    doc = noun.doc
    for tok in doc[after : min(after + limit, noun.sent.end)]:
        if tok.pos_ in {"AUX", "ADV", "PART"} or tok.lower_ in {"se", "s'", "y", "en", "ne", "n'"}:
            continue
        return tok if tok.pos_ in {"VERB", "ADJ"} else None
    return None


def _victim_noun(tok: Token, lex: Lexicon) -> str | None:
    return lex.noun_kind(tok.lemma_.lower()) or lex.noun_kind(tok.lower_)


def _kinds(noun: Token, anchor: Token, bare: bool, hi: int, lex: Lexicon) -> list[tuple[str, Token, bool]]:
    """(kind, trigger, the noun is the verb's object) for what happened to a counted noun."""
    category = _category(noun, lex)
    if category == "person" and not bare and noun.lower_ not in {"autres", "autre"}:
        if kind := _victim_noun(noun, lex):
            head, dep = anchor.head, anchor.dep_  # "deux otages ont été libérés": the verb says more
            said = verb_kind(head, category, lex, dep in OBJ) if dep in OBJ | {"nsubj:pass"} else None
            if said and said != kind:
                return [(said, head, dep in OBJ)]
            return [(kind, noun, False)]
    verb: Token | None = None
    as_object = False
    for child in noun.children:  # "véhicules saisis", "soldats maliens tués"
        if child.dep_ in {"acl", "amod", "acl:relcl"} and child.i > noun.i and child.pos_ in {"VERB", "ADJ"}:
            if verb_kind(child, category, lex, False):
                verb = child
                break
    holder = anchor
    while holder.dep_ == "conj" and holder.head.pos_ in {"NOUN", "PROPN", "NUM", "ADJ"}:
        holder = holder.head  # "cinq soldats et deux gendarmes ont été tués"
    if verb is None and holder.head != holder and holder.head.pos_ in {"VERB", "AUX", "ADJ", "NOUN"}:
        head, dep = holder.head, holder.dep_
        if dep in OBJ and verb_kind(head, category, lex, True):
            verb, as_object = head, True
        elif dep in {"nsubj", "nsubj:pass"} and verb_kind(head, category, lex, False, dep == "nsubj:pass" or _passive(head)):
            verb = head
    if verb is None and noun.dep_ == "nmod" and category == "person" and noun.head.pos_ == "NOUN":
        if kind := _victim_noun(noun.head, lex):  # "la mort de 15 soldats", "le décès de trois civils"
            return [(kind, noun.head, False)]
    if verb is None:
        nxt = _following_verb(hi, noun)
        if nxt is not None and verb_kind(nxt, category, lex, False):
            verb = nxt
    if verb is None:
        return []
    kind = verb_kind(verb, category, lex, as_object, True)
    found = [(kind, verb, as_object)] if kind else []
    for more in verb.children:  # "faits prisonniers avant d'être relâchés", "tués ou blessés"
        if more.dep_ in {"conj", "advcl", "xcomp"} and more.i > verb.i and more.pos_ in {"VERB", "ADJ"} \
                and not any(c.dep_.startswith("nsubj") for c in more.children):
            k = verb_kind(more, category, lex, as_object)
            if k and k != kind:
                found.append((k, more, as_object))
    return found


def figure_claims(sent: Span, quantities: list[Quantity], actors: list[ActorMention], lex: Lexicon) -> list[Mention]:
    """Claims carried by the numbers of a sentence (quantity offsets relative to ``sent.text``)."""
    out: list[Mention] = []
    previous: Mention | None = None
    doc = sent.doc
    for q in sorted([*quantities, *_articles(sent, lex)], key=lambda q: q.start):
        qspan = sent.char_span(q.start, q.end, alignment_mode="expand")
        if qspan is None or len(qspan) == 0:
            continue
        noun, bare, anchor = _counted_noun(qspan)
        lo, hi = _subject_range(noun, qspan, bare)
        for kind, trigger, as_object in _kinds(noun, anchor, bare, hi, lex):
            actor = actor_in(actors, lo, hi)
            role = role_of(noun, lex) if not bare else None
            head = noun.lemma_.lower()
            if kind.startswith(("vehicles", "materiel")):
                role = "thing"
            elif previous is not None and (bare or noun.lower_ in OTHER or head == previous.head):
                actor = actor or previous.actor  # "des dizaines d'autres", "dix autres"
                role = role if role not in {None, "combatant"} or not bare and noun.lower_ not in OTHER else previous.role
                head = previous.head if bare or noun.lower_ in OTHER else head
            agent = None
            if as_object and (subj := subject_of(trigger)) is not None:
                agent = actor_in(actors, subj.left_edge.i, subj.right_edge.i + 1)
            end = max(qspan.end, hi, _trigger_end(trigger, lex))
            out.append(Mention(
                kind=kind, start=min(qspan.start, lo, trigger.i), end=end, trigger=trigger.i,
                low=q.low, high=q.high, approx=q.approx, subject=doc[lo:hi].text, actor=actor,
                role=role, agent=agent, negated=negated(trigger) if q.low == 0 else negated(trigger, noun),
                head=head,
            ))
            if role != "thing":
                previous = out[-1]
    return out


def _articles(sent: Span, lex: Lexicon) -> list[Quantity]:
    """"un soldat" (one) and "aucun soldat" (none) before a person noun: figures too."""
    out = []
    for tok in sent:
        noun = tok.head
        if tok.dep_ != "det" or tok.lower_ not in {"un", "une", "aucun", "aucune"} or noun.i != tok.i + 1:
            continue
        if noun.pos_ != "NOUN" or "Sing" not in noun.morph.get("Number") or role_of(noun, lex) is None:
            continue
        n = 0 if tok.lower_.startswith("aucun") else 1
        start = tok.idx - sent.start_char
        out.append(Quantity(start, start + len(tok.text), n, n, False, tok.text))
    return out


def _trigger_end(trigger: Token, lex: Lexicon) -> int:
    vocab = [*lex.victim_verbs.values(), lex.dying_verbs, lex.capture_verbs, lex.destroy_verbs]
    return phrase_end(trigger, vocab) if trigger.pos_ in {"VERB", "ADJ", "AUX"} else trigger.i + 1


def unquantified_claims(sent: Span, actors: list[ActorMention], lex: Lexicon, taken: set[int]) -> list[Mention]:
    """Victims named without a figure: "des soldats ont été tués", "un soldat a été tué" (one)."""
    out: list[Mention] = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.i in taken or intended(tok, lex):
            continue
        for noun in tok.children:
            if noun.dep_ not in {"nsubj:pass", "obj", "nsubj"} or noun.pos_ != "NOUN":
                continue
            if _numbered(noun) or _category(noun, lex) != "person":
                continue
            if role_of(noun, lex) is None:
                continue
            kind = verb_kind(tok, "person", lex, noun.dep_ in OBJ, noun.dep_ == "nsubj:pass" or _passive(tok))
            if kind is None:
                continue
            det = next((c for c in noun.children if c.dep_ == "det"), None)
            if det is not None and det.lower_ in {"un", "une", "aucun", "aucune"} and det.i == noun.i - 1:
                continue  # a figure: figure_claims read it
            one = False
            lo = min(noun.left_edge.i, noun.i)
            hi = max(t.i for t in noun.subtree if t.i < tok.i or t.i > tok.i) + 1 if noun.i < tok.i else noun.i + 1
            hi = min(hi, tok.i) if noun.i < tok.i else hi
            out.append(Mention(
                kind=kind, start=min(lo, tok.i), end=max(hi, _trigger_end(tok, lex)), trigger=tok.i,
                low=1 if one else None, high=1 if one else None, approx=not one,
                subject=noun.doc[lo:hi].text, actor=actor_in(actors, lo, hi), role=role_of(noun, lex),
                negated=negated(tok, noun), head=noun.lemma_.lower(),
            ))
    return out


INTENT = {"tenter", "essayer", "chercher", "vouloir", "viser", "prévoir", "menacer", "projeter",
          "préparer", "ordonner", "appeler", "refuser", "envisager", "compter", "espérer"}


def intended(verb: Token, lex: Lexicon | None = None) -> bool:
    """An action only tried, wanted or purposed ("tenté de reprendre le camp", "pour attaquer")
    — not one claimed ("affirme avoir détruit")."""
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in INTENT:
        return True
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return bool(marks & {"pour", "afin"}) and "VerbForm=Inf" in str(verb.morph)


# --- outcomes without a figure --------------------------------------------------------------

LAUNCH = {"lancer", "mener", "perpétrer", "commettre", "revendiquer", "conduire", "déclencher",
          "tendre", "organiser", "subir", "repousser"}


def _place_like(tok: Token, lex: Lexicon, places: set[int]) -> bool:
    return is_in(tok, lex.place_nouns) or tok.i in places or any(
        c.i in places for c in tok.children if c.dep_ in {"nmod", "flat:name"})


def _obl_de(verb: Token) -> list[Token]:
    """The "de" complement of "s'emparer de", "prendre le contrôle de"."""
    return [c for c in verb.children if c.dep_.startswith("obl") and any(g.lower_ in DE for g in c.children)]


def outcome_claims(sent: Span, actors: list[ActorMention], lex: Lexicon, reported: bool,
                   places: set[int] = frozenset()) -> list[Mention]:
    """Claims without a figure: the attack, control taken, withdrawal, materiel seized, vehicles
    destroyed, reinforcements. ``places``: token indices of place names."""
    out: list[Mention] = []
    attacked = False
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and intended(tok, lex):
            continue
        objs = [c for c in tok.children if c.dep_ in OBJ | {"nsubj:pass"}]
        if tok.pos_ == "VERB" and (in_set(tok, lex.control_verbs) or in_set(tok, lex.capture_verbs)
                                   or in_set(tok, lex.destroy_verbs)):
            for obj in objs + (_obl_de(tok) if lemma == "emparer" else []):
                olemma = obj.lemma_.lower()
                if olemma in lex.control_nouns and obj.dep_ in OBJ and olemma != "prise":
                    target = next((c for c in obj.children if c.dep_ == "nmod"), obj)
                    out.append(_outcome("control_taken", tok, obj, actors, end_tok=target))
                elif in_set(tok, lex.control_verbs) and _place_like(obj, lex, places):
                    out.append(_outcome("control_taken", tok, obj, actors))
                elif in_set(tok, lex.capture_verbs) and _mentions(obj, lex.materiel_nouns) and not _numbered(obj):
                    out.append(_outcome("materiel_seized", tok, obj, actors))
                elif in_set(tok, lex.destroy_verbs) and _mentions(obj, lex.vehicle_nouns) and not _numbered(obj):
                    out.append(_outcome("vehicles_destroyed", tok, obj, actors, approx=True))
        elif tok.pos_ == "NOUN" and lemma in lex.control_nouns - {"contrôle", "possession"} and not in_retrospect(tok):
            of = [c for c in tok.children if c.dep_ == "nmod" and _place_like(c, lex, places)]
            if of:  # "la prise du camp de Dioura par les rebelles"
                out.append(_outcome("control_taken", tok, of[0], actors, agent_from_par=True, start_tok=tok))
        elif tok.pos_ == "VERB" and in_set(tok, lex.withdrawal_verbs) and lemma not in {"quitter", "fuir"} \
                and not _passive(tok):  # "les blessés ont été évacués" is no withdrawal
            out.append(_outcome("withdrawal", tok, None, actors))
        elif is_in(tok, lex.reinforcement_nouns) and tok.dep_ in OBJ | {"nsubj:pass"} and tok.head.pos_ == "VERB":
            out.append(_outcome("reinforcement", tok.head, tok, actors))
        if attacked:
            continue
        if tok.pos_ == "VERB" and in_set(tok, lex.attack_verbs) and not _in_past(tok):
            doer = subject_of(tok)
            target = next((c for c in tok.children if c.dep_ in OBJ | {"nsubj:pass"}), None)
            if doer is not None or target is not None:
                out.append(_outcome("attack", tok, target, actors))
                attacked = True
        elif tok.pos_ == "NOUN" and is_in(tok, lex.attack_nouns) and tok.dep_ in OBJ \
                and tok.head.lemma_.lower() in LAUNCH - {"subir", "repousser"} and not intended(tok.head, lex):
            out.append(_outcome("attack", tok.head, tok, actors))  # "ont lancé une offensive"
            attacked = True
        elif reported and tok.pos_ == "NOUN" and is_in(tok, lex.attack_nouns) and _directly_reported(tok, lex):
            out.append(_outcome("attack", tok, None, actors, start_tok=tok))
            attacked = True
    return out


def _mentions(obj: Token, vocab: frozenset[str]) -> bool:
    return any(is_in(t, vocab) for t in obj.subtree)


def _numbered(obj: Token) -> bool:
    """A figure inside a phrase (the figure claims have it): not the article "un", "une"."""
    return any((t.like_num or t.pos_ == "NUM" or t.lower_.endswith(("aine", "aines")))
               and t.lower_ not in ARTICLES for t in obj.subtree)


def _in_past(tok: Token) -> bool:
    """A verb in a clause that only dates something else ("depuis que les rebelles ont attaqué")."""
    return any(c.dep_ == "mark" and c.lower_ in {"depuis", "après", "avant", "jusqu'à", "lorsque"} for c in tok.children)


def _directly_reported(tok: Token, lex: Lexicon) -> bool:
    """An attack noun said as such ("a évoqué une attaque", "a fait état d'une attaque") — not
    one named in passing ("tués dans l'attaque")."""
    head = tok.head
    if head.pos_ == "VERB" and in_set(head, lex.reporting_verbs) and tok.dep_ in OBJ | {"obl:arg", "obl:mod"}:
        return tok.dep_ in OBJ or head.lemma_.lower() == "faire"
    if head.lemma_.lower() == "état" and head.head.lemma_.lower() == "faire":
        return True  # "fait état d'une attaque" parsed with the noun under "état"
    return False


def _object_end(obj: Token) -> int:
    """Where an object phrase ends, before a relative clause or a comma."""
    end = obj.i + 1
    for tok in obj.subtree:
        if tok.i < obj.i:
            continue
        if tok.dep_ in {"acl:relcl", "appos"} or (tok.is_punct and tok.text in {",", ";", "("}):
            break
        end = tok.i + 1
    return end


def _outcome(kind: str, verb: Token, obj: Token | None, actors: list[ActorMention], approx: bool = False,
             agent_from_par: bool = False, start_tok: Token | None = None, end_tok: Token | None = None) -> Mention:
    agent = None
    agent_tok = subject_of(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if agent_from_par:  # "la prise du camp par les rebelles" (attached to the noun or its verb)
        near = [*verb.subtree, *(c for c in verb.head.children if c.i > verb.i)]
        agent_tok = next((c for c in near if c.dep_ == AGENT or (
            c.dep_ in {"nmod", "obl:mod", "obl"} and any(g.lower_ == "par" for g in c.children))), agent_tok)
    if agent_tok is not None:
        agent = actor_in(actors, agent_tok.left_edge.i, agent_tok.right_edge.i + 1)
    doc = verb.doc
    lo = min(verb.i, obj.left_edge.i if obj is not None else verb.i)
    hi = max(verb.i + 1, _object_end(obj) if obj is not None and obj.i > verb.i else verb.i + 1)
    if end_tok is not None:
        hi = max(hi, _object_end(end_tok))
    by = next((c for c in verb.children if c.dep_ == AGENT), None)
    if by is not None and by.i > verb.i:  # "le camp a été pris par les jihadistes"
        hi = max(hi, by.right_edge.i + 1)
    if start_tok is not None:
        lo = start_tok.i
        while lo > 0 and doc[lo - 1].pos_ in {"DET"}:
            lo -= 1
        hi = max(start_tok.i + 1, hi if obj is not None else start_tok.i + 1)
        if obj is None:
            hi = max([t.i for t in start_tok.subtree if t.i >= start_tok.i and not t.is_punct
                      and t.dep_ in {"amod", "advmod", "flat"} | {"punct"}] + [start_tok.i]) + 1
            hi = min(hi, start_tok.i + 4)
    while hi > lo + 1 and doc[hi - 1].is_punct and doc[hi - 1].text not in {"»", '"', ")"}:
        hi -= 1
    subject = doc[obj.left_edge.i : _object_end(obj)].text if obj is not None else None
    if start_tok is not None and obj is None:
        subject = doc[lo:hi].text
    return Mention(kind=kind, start=lo, end=hi, trigger=verb.i, approx=approx, subject=subject, agent=agent,
                   actor=agent if kind in {"control_taken", "withdrawal", "reinforcement", "attack"} else None,
                   role="thing" if kind.startswith(("vehicles", "materiel")) else None, negated=negated(verb))


__all__ = ["figure_claims", "unquantified_claims", "outcome_claims", "intended", "role_of", "words"]
