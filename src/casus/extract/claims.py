"""Claims in one parsed sentence: figures (killed, injured, prisoners, vehicles…) and outcomes
(control taken, withdrawal, materiel seized, reinforcements, attacks as reported).

A figure is read from its quantity outwards: the noun it counts ("ninety-eight Malian soldiers"),
then what happened to that noun — a verb it is the (passive) subject or object of, a participle
after it ("vehicles captured"), or the noun itself ("five prisoners", "12 dead"). The parse is
used where it is reliable and a short window after the noun backs it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from casus.extract.actors import ActorMention
from casus.extract.lexicon import Lexicon
from casus.extract.quantities import Quantity

AUX = {"be", "have", "get", "reportedly", "also", "all", "allegedly", "reported"}
SUBJECT_DEPS = {"amod", "compound", "nmod", "poss", "case", "npadvmod"}


@dataclass
class Mention:
    """A claim as found in a sentence, before sides are known (token indices into the Doc)."""

    kind: str
    start: int
    end: int
    trigger: int
    low: int | None = None
    high: int | None = None
    approx: bool = False
    subject: str | None = None
    actor: str | None = None
    role: str | None = None  # civilians | combatant | attacker | thing
    agent: str | None = None  # canonical actor that did it, when named
    negated: bool = False
    claimant: str | None = None
    claimant_actor: str | None = None
    claimant_kind: str | None = None  # party | third_party
    stance: str = "asserts"
    claim_date: date | None = None
    answers: "Mention | None" = None  # the claim a denial answers
    head: str = ""  # lemma of the counted noun
    agent_role: str | None = None  # "state" or "nonstate" when the doer is unnamed ("the group")


def _actor_in(actors: list[ActorMention], lo: int, hi: int) -> str | None:
    for m in actors:
        if m.start < hi and lo < m.end:
            return m.actor
    return None


def _counted_noun(q: Span) -> tuple[Token, bool, Token]:
    """The noun a quantity counts, whether the quantity is itself the noun ("dozens were
    injured"), and the token that ties the phrase to its verb ("dozens" in "neutralised dozens
    of terrorists", where the counted noun is "terrorists")."""
    root = next((t for t in q if not (q.start <= t.head.i < q.end) or t.head == t), q[-1])
    last = q[-1]
    if last.head.i >= q.end and last.head.pos_ in {"NOUN", "PROPN"} and last.dep_ in {"nummod", "quantmod", "amod", "compound"}:
        return last.head, False, last.head  # "Between 10 and 15 soldiers": the parse may hang "Between" elsewhere
    of = next((c for c in root.children if c.lower_ == "of" and c.i >= q.end), None)
    if of is not None:  # "dozens of terrorists", "scores of civilians"
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
            return pobj, False, root
    head = root.head
    if root.dep_ in {"nummod", "amod", "quantmod", "compound", "nmod"} and head.i >= q.end:
        if head.pos_ in {"NOUN", "PROPN", "ADJ"}:
            return head, False, head
    return root, True, root


def _subject_range(noun: Token, q: Span, bare: bool) -> tuple[int, int]:
    """The words naming what is counted: "Malian soldiers", "other vehicles", "CSP-PSD fighters"."""
    if bare:
        return q.start, q.end
    lo = noun.i
    for child in noun.lefts:
        if child.i >= q.end and child.dep_ in SUBJECT_DEPS | {"nummod"}:
            lo = min(lo, child.left_edge.i if child.left_edge.i >= q.end else child.i)
    hi = noun.i + 1
    for child in noun.rights:  # "members of the VDP", "rebels from the CSP-PSD"
        if child.dep_ == "prep" and child.lower_ in {"of", "from"} and child.i == hi:
            hi = child.right_edge.i + 1
            while hi > child.i + 1 and noun.doc[hi - 1].is_punct:
                hi -= 1
        break
    return lo, hi


def _following_verb(noun: Token, limit: int = 4) -> Token | None:
    """A participle or verb right after a noun phrase: "soldiers (were) killed"."""
    doc = noun.doc
    end = noun.sent.end
    for tok in doc[noun.i + 1 : min(noun.i + 1 + limit, end)]:
        if tok.lemma_.lower() in AUX or tok.pos_ in {"AUX", "ADV", "PART"} or tok.is_quote or tok.is_space:
            continue
        return tok if tok.pos_ in {"VERB", "ADJ"} or tok.tag_ in {"VBN", "VBD"} else None
    return None


def _verb_kind(verb: Token, category: str, lex: Lexicon, as_object: bool) -> str | None:
    lemma = verb.lemma_.lower()
    objects = {c.lemma_.lower() for c in verb.rights} | {
        g.lemma_.lower() for c in verb.children if c.dep_ == "dobj" for g in c.rights}
    if category == "vehicle":
        if lemma in lex.destroy_verbs:
            return "vehicles_destroyed"
        if lemma in lex.capture_verbs:
            return "vehicles_captured"
        return None
    if category == "materiel":
        return "materiel_seized" if lemma in lex.capture_verbs else None
    if lemma == "take" and objects & {"prisoner", "captive", "hostage"}:
        return "taken_prisoner"
    if lemma in lex.dying_verbs and not as_object:
        return "killed"
    if lemma in lex.displacement_verbs and not as_object:
        return "displaced"  # "1,200 people fled the town" (combatants who flee withdraw instead)
    if lemma in {"shoot", "leave"} and objects & {"dead"}:
        return "killed"  # "shot dead", "left 27 fighters dead"
    if lemma == "leave" and objects & {"wounded", "injured"}:
        return "injured"
    kind = lex.victim_kind(lemma)
    if kind == "taken_prisoner" and lemma in lex.capture_verbs and category != "person":
        return None
    return kind


def _category(noun: Token, lex: Lexicon) -> str:
    lemma = noun.lemma_.lower()
    if lemma in lex.vehicle_nouns:
        return "vehicle"
    if lemma in lex.materiel_nouns:
        return "materiel"
    for prep in (c for c in noun.children if c.lower_ == "of"):  # "1,200 rounds of ammunition"
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            if pobj.lemma_.lower() in lex.materiel_nouns:
                return "materiel"
            if pobj.lemma_.lower() in lex.vehicle_nouns:
                return "vehicle"
    if lemma == "column" or lemma == "lot":
        for tok in noun.subtree:
            if tok.lemma_.lower() in lex.vehicle_nouns and tok != noun:
                return "vehicle"
            if tok.lemma_.lower() in lex.materiel_nouns:
                return "materiel"
    return "person"


def _role(noun: Token, lex: Lexicon) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in lex.civilian_nouns:
        return "civilians"
    if lemma in lex.attacker_nouns:
        return "attacker"
    if lemma in lex.combatant_nouns:
        return "combatant"
    return None


def _negated(*tokens: Token) -> bool:
    for tok in tokens:
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if any(c.lower_ in {"no", "none"} and c.dep_ == "det" for c in tok.children):
            return True
    return False


def _kinds(noun: Token, bare: bool, lex: Lexicon, anchor: Token | None = None) -> list[tuple[str, Token, bool]]:
    """(kind, trigger, the noun is the verb's object) for what happened to a counted noun."""
    anchor = anchor if anchor is not None else noun
    while anchor.dep_ == "conj" and anchor.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        anchor = anchor.head  # "four Nigeriens, four US soldiers and 21 militants were killed"
    category = _category(noun, lex)
    lemma = noun.lemma_.lower()
    if category == "person" and not bare and lex.noun_kind(lemma):
        head = anchor.head  # "released the two hostages": the verb says more than the noun
        verb_kind = _verb_kind(head, category, lex, anchor.dep_ == "dobj") if anchor.dep_ in {"dobj", "nsubjpass"} else None
        if verb_kind and verb_kind != lex.noun_kind(lemma):
            return [(verb_kind, head, anchor.dep_ == "dobj")]
        return [(lex.noun_kind(lemma), noun, False)]
    found: list[tuple[str, Token, bool]] = []
    verb: Token | None = None
    as_object = False
    for child in noun.children:  # "vehicles captured", "soldiers killed"
        if child.dep_ in {"acl", "amod", "relcl"} and child.i > noun.i:
            if _verb_kind(child, category, lex, False):
                verb = child
                break
    if verb is None and anchor.dep_ in {"nsubjpass", "nsubj", "dobj", "attr"} and anchor.head.pos_ in {"VERB", "AUX"}:
        as_object = anchor.dep_ == "dobj"
        if _verb_kind(anchor.head, category, lex, as_object):
            verb = anchor.head
    if verb is None and anchor.dep_ == "nsubj" and category == "person":
        for comp in anchor.head.children:  # "six soldiers remain missing", "three others are dead"
            if comp.dep_ in {"acomp", "attr", "oprd"} and (
                    kind := lex.noun_kind(comp.lemma_.lower()) or lex.noun_kind(comp.lower_)):
                return [(kind, comp, False)]
    if verb is None:
        nxt = _following_verb(noun)
        if nxt is not None and _verb_kind(nxt, category, lex, False):
            verb = nxt
    if verb is None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        head = noun.head.head  # "the deaths of 12 soldiers"
        kind = lex.noun_kind(head.lemma_.lower())
        if kind and category == "person":
            return [(kind, head, False)]
    if verb is None:
        if bare and category == "person":
            kind = lex.noun_kind(lemma)  # "12 dead", "dozens wounded" parsed as one noun
            if kind:
                return [(kind, noun, False)]
        return []
    kind = _verb_kind(verb, category, lex, as_object)
    if kind:
        found.append((kind, verb, as_object))
    for conj in verb.conjuncts:  # "taken prisoner and released" shares its subject
        own = {c.dep_ for c in conj.children}
        if conj.i > verb.i and not any(d.startswith("nsubj") for d in own) and not (as_object and "dobj" in own):
            more = _verb_kind(conj, category, lex, as_object)
            if more and more != kind:
                found.append((more, conj, as_object))
    return found


def figure_claims(
    sent: Span, quantities: list[Quantity], actors: list[ActorMention], lex: Lexicon
) -> list[Mention]:
    """Claims carried by the numbers of a sentence (quantity offsets relative to ``sent.text``)."""
    out: list[Mention] = []
    previous: Mention | None = None
    for q in quantities:
        qspan = sent.char_span(q.start, q.end, alignment_mode="expand")
        if qspan is None or len(qspan) == 0:
            continue
        noun, bare, anchor = _counted_noun(qspan)
        lo, hi = _subject_range(noun, qspan, bare)
        for kind, trigger, as_object in _kinds(noun, bare, lex, anchor):
            doc = sent.doc
            subject = doc[lo:hi].text
            actor = _actor_in(actors, lo, hi)
            role = _role(noun, lex) if not bare else None
            head = noun.lemma_.lower()
            if kind.startswith(("vehicles", "materiel")):
                role = "thing"
            elif previous is not None and (bare or noun.lemma_.lower() in {"other", "more", previous.head}):
                actor = actor or previous.actor  # "dozens were injured", "ten others", "five soldiers"
                role = role or previous.role
                head = previous.head if bare or noun.lemma_.lower() in {"other", "more"} else head
            if kind == "displaced" and role not in {"civilians", None}:
                continue  # combatants who flee withdraw; only people are displaced
            agent, agent_role = None, None
            if as_object:
                agent = _actor_in(actors, *_nsubj_range(trigger))
                agent_role = _doer_role(trigger, lex) if agent is None else None
            start = min(qspan.start, lo, trigger.i)
            end = max(qspan.end, hi, _trigger_end(trigger))
            mention = Mention(
                kind=kind, start=start, end=end, trigger=trigger.i, low=q.low, high=q.high,
                approx=q.approx, subject=subject, actor=actor, role=role, agent=agent,
                negated=_negated(trigger, noun), head=head, agent_role=agent_role,
            )
            out.append(mention)
            if mention.role != "thing":
                previous = mention
    return out


GROUP_WORDS = {"group", "movement", "coalition", "organisation", "organization", "faction"}


def _doer_role(verb: Token, lex: Lexicon) -> str | None:
    """Whether an unnamed doer is the state's forces ("the army") or its opponents ("the group")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    words = {t.lemma_.lower() for t in subj.subtree}
    if words & lex.state_nouns:
        return "state"
    if words & (lex.nonstate_nouns | GROUP_WORDS):
        return "nonstate"
    return None


def _nsubj_range(verb: Token) -> tuple[int, int]:
    for child in verb.children:
        if child.dep_ in {"nsubj", "agent"}:
            return child.left_edge.i, child.right_edge.i + 1
    return verb.i, verb.i


def _trigger_end(trigger: Token) -> int:
    """Include a verb's particle or object word ("taken prisoner", "shot dead")."""
    end = trigger.i + 1
    for child in trigger.children:
        if child.i == end and child.dep_ in {"dobj", "prt", "oprd", "acomp"}:
            end += 1
    return end


INTENT = {"attempt", "try", "seek", "aim", "plan", "fail", "want", "threaten", "vow", "prepare",
          "intend", "hope", "order", "call", "urge", "refuse"}
LAUNCH = {"launch", "carry", "mount", "stage", "conduct", "lead", "begin", "start", "claim"}


def _intended(verb: Token, lex: Lexicon | None = None) -> bool:
    """An action only tried, planned, ordered or purposed ("attempted to retake the village",
    "jets were sent to attack targets") — but not one claimed ("claimed to have sent")."""
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in INTENT:
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    reported = lex is not None and verb.head.lemma_.lower() in lex.reporting_verbs
    return infinitive and not reported


def _place_like(obj: Token, lex: Lexicon, places: set[int]) -> bool:
    return obj.lemma_.lower() in lex.place_nouns or obj.i in places


def outcome_claims(sent: Span, actors: list[ActorMention], lex: Lexicon, reported: bool,
                   places: set[int] = frozenset()) -> list[Mention]:
    """Claims without a figure: the attack itself, control taken, withdrawal, materiel seized,
    vehicles destroyed, reinforcements. ``places``: token indices of place names."""
    out: list[Mention] = []
    attacked = False
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and _intended(tok, lex):
            continue
        objs = [c for c in tok.children if c.dep_ in {"dobj", "pobj"}]
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if tok.pos_ == "VERB" and lemma in lex.control_verbs | lex.capture_verbs | lex.destroy_verbs:
            for obj in objs + passive:
                olemma = obj.lemma_.lower()
                possession = olemma in lex.control_nouns and obj.dep_ == "dobj"
                if possession or (lemma in lex.control_verbs and _place_like(obj, lex, places)):
                    out.append(_outcome("control_taken", tok, obj, actors))
                elif any(t.lemma_.lower() in lex.materiel_nouns for t in obj.subtree) and (
                    lemma in lex.capture_verbs and not any(t.like_num for t in obj.subtree)
                ):
                    out.append(_outcome("materiel_seized", tok, obj, actors))
                elif lemma in lex.destroy_verbs and not any(t.like_num for t in obj.subtree) and any(
                    t.lemma_.lower() in lex.vehicle_nouns for t in obj.subtree
                ):
                    out.append(_outcome("vehicles_destroyed", tok, obj, actors, approx=True))
        elif tok.pos_ == "NOUN" and lemma in lex.control_nouns - {"control", "possession"}:
            of = [c for c in tok.children if c.lower_ == "of"]
            targets = [g for c in of for g in c.children if _place_like(g, lex, places)]
            if targets:
                out.append(_outcome("control_taken", tok, targets[0], actors, agent_from_poss=True))
        elif tok.pos_ == "VERB" and lemma in lex.withdrawal_verbs and lemma not in {"leave", "flee"}:
            out.append(_outcome("withdrawal", tok, None, actors))
        elif lemma in lex.reinforcement_nouns and tok.dep_ in {"dobj", "nsubjpass"}:
            out.append(_outcome("reinforcement", tok.head, tok, actors))
        if attacked:
            continue
        if tok.pos_ == "VERB" and lemma in lex.attack_verbs and not _in_past(tok):
            doer = [c for c in tok.children if c.dep_ in {"nsubj", "agent"}]
            target = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if doer or target is not None:  # "ISIL attacked the town", "the camp was attacked"
                out.append(_outcome("attack", tok, target, actors, as_attack=True))
                attacked = True
        elif tok.pos_ == "NOUN" and lemma in lex.attack_nouns and tok.dep_ == "dobj" \
                and tok.head.lemma_.lower() in LAUNCH and not _intended(tok.head, lex):
            out.append(_outcome("attack", tok.head, tok, actors, as_attack=True))  # "launched an offensive"
            attacked = True
        elif reported and lemma in lex.attack_nouns and tok.pos_ == "NOUN" and _directly_reported(tok, lex):
            out.append(_outcome("attack", tok, None, actors, subject_tok=tok))
            attacked = True
    return out


def _in_past(tok: Token) -> bool:
    """A verb in a clause that only dates something else ("since rebels attacked the town")."""
    return any(c.dep_ == "mark" and c.lower_ in {"since", "after", "before", "until"} for c in tok.children)


def unquantified_claims(sent: Span, actors: list[ActorMention], lex: Lexicon, taken: set[int]) -> list[Mention]:
    """Victims named without a figure: "many fighters were captured", "soldiers were killed"."""
    out: list[Mention] = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.i in taken or _intended(tok, lex):
            continue
        for noun in tok.children:
            if noun.dep_ not in {"nsubjpass", "dobj", "nsubj"}:
                continue
            det = {c.lower_ for c in noun.children if c.dep_ == "det"}
            if noun.tag_ not in {"NNS", "NNPS"} and not det & {"any", "no"}:
                continue  # "soldiers were killed", "any soldier", "no soldier"
            if any(t.like_num for t in noun.subtree) or _category(noun, lex) != "person":
                continue
            kind = _verb_kind(tok, "person", lex, noun.dep_ == "dobj")
            if kind is None or _role(noun, lex) is None or (noun.dep_ == "nsubj" and tok.lemma_.lower() not in lex.dying_verbs):
                continue
            none = "no" in det  # "no soldier died": a figure, zero
            lo, hi = _subject_range(noun, noun.doc[noun.i : noun.i], False)
            lo = min(lo, noun.left_edge.i)
            out.append(Mention(
                kind=kind, start=min(lo, tok.i), end=max(hi, _trigger_end(tok)), trigger=tok.i,
                low=0 if none else None, high=0 if none else None, approx=not none,
                subject=noun.doc[lo:hi].text, actor=_actor_in(actors, lo, hi), role=_role(noun, lex),
                negated=_negated(tok), head=noun.lemma_.lower(),
            ))
    return out


def _directly_reported(tok: Token, lex: Lexicon) -> bool:
    """An attack noun said by someone as such: "reported that there was an attack", "claimed
    an attack" — not one named in passing ("killed in the attack")."""
    verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    if verb.lemma_.lower() in lex.reporting_verbs:
        return tok.dep_ in {"dobj", "attr"} or tok.head == verb
    return verb.lemma_.lower() == "be" and verb.head.lemma_.lower() in lex.reporting_verbs and tok.dep_ in {"attr", "nsubj"}


def _object_end(obj: Token) -> int:
    """Where an object phrase ends, before a relative clause or apposition after a comma."""
    end = obj.i + 1
    for tok in obj.subtree:
        if tok.i < obj.i:
            continue
        if tok.dep_ in {"relcl", "appos"} or (tok.is_punct and tok.i > obj.i and tok.text == ","):
            break
        end = tok.i + 1
    return end


def _outcome(kind: str, verb: Token, obj: Token | None, actors: list[ActorMention],
             approx: bool = False, agent_from_poss: bool = False, subject_tok: Token | None = None,
             as_attack: bool = False) -> Mention:
    agent = None
    agent_tok = _subject_of(verb)
    if agent_from_poss:
        poss = [c for c in verb.children if c.dep_ == "poss"]
        agent_tok = poss[0] if poss else agent_tok
    if agent_tok is not None:
        agent = _actor_in(actors, agent_tok.left_edge.i, agent_tok.right_edge.i + 1)
    lo = min(verb.i, obj.left_edge.i if obj is not None else verb.i)
    hi = max(verb.i + 1, _object_end(obj) if obj is not None and obj.i > verb.i else verb.i + 1)
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if by is not None:  # "the town … was taken by the MOJWA"
        hi = max(hi, by.right_edge.i + 1)
    if subject_tok is not None:
        lo, hi = subject_tok.left_edge.i, subject_tok.i + 1
    subject = verb.doc[obj.left_edge.i : _object_end(obj)].text if obj is not None else None
    if subject_tok is not None:
        subject = verb.doc[lo:hi].text
    return Mention(kind=kind, start=lo, end=hi, trigger=verb.i, approx=approx, subject=subject,
                   agent=agent, actor=agent if kind in {"control_taken", "withdrawal", "reinforcement", "attack"} else None,
                   role="thing" if kind.startswith(("vehicles", "materiel")) else None,
                   negated=_negated(verb))


def _subject_of(verb: Token) -> Token | None:
    """The doer of a verb, through conjunctions and auxiliaries ("X seized ... and withdrew")."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ in {"nsubj", "agent"}:
                if child.dep_ == "agent":
                    return next((g for g in child.children if g.dep_ == "pobj"), child)
                return child
        if tok.dep_ == "xcomp" and (obj := next((c for c in tok.head.children if c.dep_ == "dobj"), None)):
            return obj  # "forced al-Nusra to withdraw": al-Nusra withdrew
        if tok.dep_ in {"conj", "xcomp", "advcl", "pcomp"} and tok.head != tok:
            tok = tok.head
        else:
            return None
    return None
