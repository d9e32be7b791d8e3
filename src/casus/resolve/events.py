"""From incidents to coded events: place and precision codes, date, sides, types, claims with
their quotes and sides, and the reconciled death toll."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from casus.extract.claims import Mention
from casus.extract.incidents import Incident, Sentence
from casus.extract.places import PlaceMention
from casus.model import Claim, Document, Event, Span, fold
from casus.resolve.coding import code
from casus.resolve.geocode import geo_precision_of, where_prec_of
from casus.resolve.reconcile import reconcile
from casus.resolve.sides import Sides, assign, document_dyad
from casus.view import View

if TYPE_CHECKING:
    from casus.extract.pipeline import Pipeline

LINEAR = {"STM", "STMI", "WAD", "WADS", "RD", "TRL", "MTS", "HLLS", "DSRT", "RGN", "VAL", "LK", "LKS"}


def where_prec(place: PlaceMention) -> int:
    """UCDP where_prec: 1 exact place, 2 near it, 3 second-order admin, 4 first-order admin,
    5 a larger or linear feature, 6 the country (casus.resolve.geocode)."""
    return place.where_prec or where_prec_of(place.place, place.relation)


def geo_precision(wp: int) -> int:
    """ACLED geo_precision from UCDP where_prec: 1 the town, 2 near it or its district, 3 larger."""
    return geo_precision_of(wp)


def _event_id(doc_id: str, key: str) -> str:
    return "ev-" + hashlib.sha256(f"{doc_id}\x1f{key}".encode()).hexdigest()[:16]


def _offset(sent: Sentence) -> int:
    return sent.paragraph_start  # type: ignore[attr-defined]


def _quote(view: View, sent: Sentence, start_tok: int, end_tok: int) -> tuple[str, list[Span], Span | None]:
    doc = sent.span.doc
    base = _offset(sent)
    lo = base + doc[start_tok].idx
    last = doc[end_tok - 1]
    hi = base + last.idx + len(last.text)
    quote, spans = view.quote(lo, hi)
    ctx_spans = view.spans(base + sent.span.start_char, base + sent.span.end_char)
    context = Span(start=ctx_spans[0].start, end=ctx_spans[-1].end) if ctx_spans else None
    return quote, spans, context


def _claim_side(m: Mention, sides: Sides, pipe: "Pipeline", on) -> str:
    side = sides.side_of(m.actor, pipe.registry, on)
    if side:
        return "civilians" if sides.b_is_civilians and side == "b" else side
    if m.role == "civilians":
        return "civilians"
    if m.actor is None and sides.a_is_state and m.role in {"combatant", "attacker"}:
        if m.head in pipe.lex.state_nouns:
            return "a"  # "four soldiers were killed": the state's forces unless said otherwise
        if m.head in pipe.lex.nonstate_nouns and sides.b and not sides.b_is_civilians:
            return "b"
    if (m.role == "attacker" or m.kind == "attack") and sides.attacker:
        return sides.attacker
    if m.role == "thing" and m.kind == "materiel_seized" and m.agent:
        taker = sides.side_of(m.agent, pipe.registry, on)
        return {"a": "b", "b": "a"}.get(taker or "", "unknown")
    return "unknown"


def _claimant_side(m: Mention, sides: Sides, pipe: "Pipeline", on, third_party) -> str:
    side = sides.side_of(m.claimant_actor, pipe.registry, on)
    if side in ("a", "b"):
        return side
    if m.claimant and third_party(m.claimant):
        return "third_party"
    words = set(m.claimant.lower().replace("'s", "").split()) if m.claimant else set()
    if m.claimant_actor is None and sides.a_is_state and words & pipe.lex.state_claimants:
        return "a"  # "the army said", "the defence ministry said"
    return "unknown"


def build_events(doc: Document, view: View, incidents: list[Incident], sentences: list[Sentence],
                 pipe: "Pipeline") -> list[Event]:
    from casus.resolve.claimants import is_third_party

    agents = [a for s in sentences for a in s.agents]
    targets = [t for s in sentences for t in s.targets]
    named = [m.actor for s in sentences for m in s.actors]
    within = frozenset(named)
    dyad = document_dyad(agents, targets, named, pipe.registry, within)
    return [_event(doc, view, inc, pipe, dyad, is_third_party, within) for inc in incidents]


def _event(doc: Document, view: View, inc: Incident, pipe: "Pipeline", dyad, third_party,
           within: frozenset[str]) -> Event:
    when = inc.date
    on = when.date_start if when else None
    opening = [s for s in inc.sentences if s.violent and s.places]
    agents = [a for s in inc.sentences for a in s.agents]
    targets = [t for s in inc.sentences for t in s.targets]
    named = [m.actor for s in opening for m in s.actors
             if not (m.start in s.claimant_tokens and pipe.registry.actor_type(m.actor) == "civilians")]  # "residents said"
    named += [m.actor for s in inc.sentences for m in s.mentions if m.actor]
    assumed: list[str] = []
    iso3 = inc.place.candidate.place.iso3 if inc.place and inc.place.candidate else None
    if iso3 and not any(pipe.registry.actor_type(n) == "state_forces" for n in named + agents + targets):
        words = {t.lemma_.lower() for s in opening for t in s.span}
        forces = pipe.registry.state_forces.get(iso3)
        if forces and words & (pipe.lex.state_nouns | {"checkpoint", "barracks"}):
            named.append(forces)  # "soldiers were killed" in Mali: Mali's forces
        elif forces and any(s.insurgents for s in opening) and not any(
                m.role == "civilians" for s in inc.sentences for m in s.mentions):
            named.append(forces)  # "rebels launched an offensive": against the government
            assumed.append(f"the rebels fought {pipe.registry.side_name(forces)}, which the text does not name")
    civilians_hit = any(m.role == "civilians" for s in inc.sentences for m in s.mentions)
    unnamed = any(s.unnamed_agent for s in inc.sentences)
    insurgents = any(s.insurgents for s in inc.sentences)
    sides = assign(agents, targets, named, pipe.registry, on, dyad, civilians_hit, unnamed, within,
                   iso3, insurgents)

    claims: list[Claim] = []
    seen: set[tuple] = set()
    sides_of: dict[int, str] = {}
    for s in inc.sentences:
        for m in s.mentions:
            quote, spans, context = _quote(view, s, m.start, m.end)
            if not spans:
                continue
            claimant_side = _claimant_side(m, sides, pipe, on, third_party)
            side = _claim_side(m, sides, pipe, on)
            if side == "unknown" and m.role == "thing" and m.agent_role and sides.a_is_state:
                side = "b" if m.agent_role == "state" else "a"  # "the group destroyed two vehicles"
            if side == "unknown" and m.role == "thing" and claimant_side in ("a", "b"):
                words = set((m.subject or "").lower().split())
                own = bool(words & {"its", "their", "our"}) or (
                    bool(words & pipe.lex.state_nouns) and claimant_side == "a")
                # what a party says it captured or destroyed is the other's, unless it says "its"
                side = claimant_side if own else "b" if claimant_side == "a" else "a"
            if side == "unknown" and m.role == "thing" and sides.a_is_state and \
                    set((m.subject or "").lower().split()) & pipe.lex.state_nouns:
                side = "a"  # "five army vehicles"
            if side == "unknown" and m.kind == "reinforcement" and claimant_side in ("a", "b"):
                side = claimant_side
            if side == "unknown" and m.role is None and m.kind == "taken_prisoner" and claimant_side in ("a", "b"):
                side = "b" if claimant_side == "a" else "a"
            if m.answers is not None:  # a denial is about what the claim it answers is about
                side = sides_of.get(id(m.answers), side)
            sides_of[id(m)] = side
            claim = Claim(
                kind=m.kind, side=side, subject=m.subject, actor=m.actor, low=m.low, high=m.high,
                approx=m.approx, claimant=m.claimant, claimant_side=claimant_side,
                claim_date=m.claim_date or (doc.published if m.claimant is None else None),
                stance=m.stance, doc_id=doc.doc_id, quote=quote, spans=spans, context=context,
            )
            key = (claim.kind, claim.side, claim.low, claim.high, claim.claimant, claim.stance, spans[0].start)
            if key not in seen:
                seen.add(key)
                claims.append(claim)

    text = " ".join(s.span.text for s in inc.sentences if s in opening or s.violent)
    tov, event_type, sub_event_type = code(sides, claims, text, pipe.lex)
    per_side, sentence = reconcile(claims)
    assumed += [sides.assumed] if sides.assumed else []
    if assumed:
        sentence += f" Assumed: {'; '.join(assumed)}."
    place = inc.place.candidate.place if inc.place and inc.place.candidate else None
    wp = where_prec(inc.place) if place is not None and place.latitude is not None else None
    low = sum(d.low for d in per_side.values())
    best = sum(d.best for d in per_side.values())
    high = sum(d.high for d in per_side.values())
    key = f"{inc.place.text if inc.place else ''}|{on or ''}|{inc.sentences[0].index}"
    title = fold(opening[0].span.text if opening else inc.sentences[0].span.text)
    return Event(
        event_id=_event_id(doc.doc_id, key),
        doc_ids=[doc.doc_id],
        title=title[:200],
        date_start=when.date_start if when else None,
        date_end=when.date_end if when else None,
        date_prec=_date_prec(when) if when else None,
        country=place.country if place else None,
        iso3=place.iso3 if place else None,
        adm_1=place.adm_1 if place else None,
        adm_2=place.adm_2 if place else None,
        location=place.name if place else None,
        where_description=_described(inc.place) if inc.place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        where_prec=wp,
        geo_precision=geo_precision(wp) if wp else None,
        side_a=sides.a,
        side_b=sides.b,
        side_a_actors=sides.a_actors,
        side_b_actors=sides.b_actors,
        type_of_violence=tov,
        event_type=event_type,
        sub_event_type=sub_event_type,
        deaths_a=per_side["a"],
        deaths_b=per_side["b"],
        deaths_civilians=per_side["civilians"],
        deaths_unknown=per_side["unknown"],
        low=low,
        best=best,
        high=high,
        fatalities=low,
        reconciliation=sentence,
        claims=claims,
    )


def _described(place: PlaceMention) -> str:
    """The words naming the place, with what the text says around it ("near Djibo")."""
    return place.description if place.relation != "exact" and place.description else place.text


def _date_prec(when) -> int:
    if when.prec == 1 and when.date_start != when.date_end:
        return 2
    return when.prec
