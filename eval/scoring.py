"""Matching and metrics for the casus evaluation: pure functions over plain dicts.

Gold events come from ``eval/gold/*.yaml`` (see eval/README.md); predicted events are the JSON
objects ``casus extract`` writes (shaped like ``casus.model.Event``). Nothing here reads files,
runs processes or prints: ``eval/evaluate.py`` does that.

How a document is scored:

1. **Match** gold and predicted events one-to-one (:func:`match_events`): a pair is a candidate
   when its dates are compatible (or one is unknown) and it agrees on the place (same name,
   accents and case folded, or < 50 km apart) or, with overlapping dates, on both sides;
   candidates are taken greedily, most similar first.
2. **Events**: a matched pair is a true positive, an unmatched gold event a false negative, an
   unmatched prediction a false positive, except in a ``scope: partial`` document, whose
   unmatched predictions are ignored (the annotator coded only part of the article).
3. **Fields**, over matched pairs only: a field is evaluated on a pair when the gold event gives
   it (omitted or null = not annotated). ``correct`` counts equal values; ``predicted`` counts
   non-null predictions; ``gold`` counts gold values. Precision = correct / predicted,
   recall = correct / gold.
4. **Claims**, within matched pairs: matched one-to-one on (kind, side, low, high); then
   ``claimant`` (containment after folding case, accents and white space; a gold ``null`` means
   "not attributed" and is scored too) and ``stance`` over matched claims.

For non-state events (gold ``type_of_violence: 2``) the order of the sides is arbitrary: when
a prediction has them the other way round, its sides, deaths and claim sides are flipped before
scoring.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

Event = Mapping[str, Any]

# --- normalisation ------------------------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def norm(text: str | None) -> str:
    """Accents stripped, case folded, punctuation and white space collapsed to single spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", bare.casefold()).strip()


_ADMIN_WORDS = re.compile(r"\b(region|province|governorate|prefecture|department|cercle|district)\b")


def norm_admin(text: str | None) -> str:
    """An administrative unit's name without its kind: "Tillabéri Region" = "Tillabéri"."""
    return " ".join(_ADMIN_WORDS.sub(" ", norm(text)).split())


def as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


class ActorNames:
    """Folds actor names to a canonical key, through an optional alias table
    (alias → canonical name, e.g. built from src/casus/data/actors.yaml)."""

    def __init__(self, aliases: Mapping[str, str] | None = None):
        self._canon = {norm(k): norm(v) for k, v in (aliases or {}).items()}

    def key(self, name: str | None) -> str:
        n = norm(name)
        return self._canon.get(n, n)

    def same(self, a: str | None, b: str | None) -> bool:
        return bool(a) and bool(b) and self.key(a) == self.key(b)


# --- similarity and matching --------------------------------------------------------------

MATCH_KM = 50.0


def _interval(ev: Event) -> tuple[date, date] | None:
    start = as_date(ev.get("date_start"))
    end = as_date(ev.get("date_end")) or start
    if start is None:
        return None
    return (start, max(start, end))


def date_similarity(gold: Event, pred: Event) -> float | None:
    """1 when the date ranges overlap (1 day of slack), 0.5 within a week, None when
    incompatible; 0.5 when either date is unknown."""
    g, p = _interval(gold), _interval(pred)
    if g is None or p is None:
        return 0.5
    gap = max((p[0] - g[1]).days, (g[0] - p[1]).days, 0)
    if gap <= 1:
        return 1.0
    if gap <= 7:
        return 0.5
    return None


def location_names(ev: Event) -> set[str]:
    names = {norm(ev.get("location")), norm(ev.get("where_description"))}
    names.update(norm(n) for n in ev.get("location_alt") or [])
    names.discard("")
    return names


def distance_km(gold: Event, pred: Event) -> float | None:
    coords = (gold.get("latitude"), gold.get("longitude"), pred.get("latitude"), pred.get("longitude"))
    if any(c is None for c in coords):
        return None
    return haversine_km(*map(float, coords))


def place_similarity(gold: Event, pred: Event) -> float:
    """1 same place (name or < 50 km), 0 different, 0.5 unknown."""
    g_names, p_names = location_names(gold), location_names(pred)
    if g_names & p_names:
        return 1.0
    km = distance_km(gold, pred)
    if km is not None:
        return 1.0 if km < MATCH_KM else 0.0
    if g_names and p_names:
        return 0.0
    return 0.5


def side_similarity(gold: Event, pred: Event, actors: ActorNames) -> float:
    """Share of the gold sides named among the predicted sides (in either order)."""
    g = [actors.key(gold.get(k)) for k in ("side_a", "side_b") if gold.get(k)]
    p = {actors.key(pred.get(k)) for k in ("side_a", "side_b") if pred.get(k)}
    if not g or not p:
        return 0.5
    return sum(1 for s in g if s in p) / len(g)


def similarity(gold: Event, pred: Event, actors: ActorNames) -> float | None:
    """Weighted similarity of two events, or None when they cannot be the same event."""
    d = date_similarity(gold, pred)
    if d is None:
        return None
    place, sides = place_similarity(gold, pred), side_similarity(gold, pred, actors)
    if place == 0.0 and (sides < 1.0 or d < 1.0):
        return None
    if place < 1.0 and sides == 0.0:
        return None
    return 0.4 * d + 0.4 * place + 0.2 * sides


def match_events(
    gold: list[Event], pred: list[Event], actors: ActorNames | None = None
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedy by similarity (ties: order)."""
    actors = actors or ActorNames()
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = similarity(g, p, actors)
            if s is not None:
                candidates.append((-s, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


# --- counts -------------------------------------------------------------------------------


@dataclass
class Count:
    """correct / predicted / gold: precision, recall and F1 follow."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Count) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


# --- field comparisons --------------------------------------------------------------------


def _plain(field_name: str):
    def compare(g: Event, p: Event, actors: ActorNames) -> tuple[bool, bool, bool]:
        gv, pv = g.get(field_name), p.get(field_name)
        if gv is None:
            return (False, False, False)
        return (True, pv is not None, pv is not None and pv == gv)

    return compare


def _text(field_name: str, fold=norm):
    def compare(g: Event, p: Event, actors: ActorNames) -> tuple[bool, bool, bool]:
        gv, pv = g.get(field_name), p.get(field_name)
        if gv is None:
            return (False, False, False)
        return (True, bool(pv), bool(pv) and fold(pv) == fold(gv))

    return compare


def _date(field_name: str):
    def compare(g: Event, p: Event, actors: ActorNames) -> tuple[bool, bool, bool]:
        gv, pv = as_date(g.get(field_name)), as_date(p.get(field_name))
        if gv is None:
            return (False, False, False)
        return (True, pv is not None, pv == gv)

    return compare


def _location(g: Event, p: Event, actors: ActorNames) -> tuple[bool, bool, bool]:
    if not g.get("location"):
        return (False, False, False)
    pv = norm(p.get("location"))
    said = {pv, norm(p.get("where_description"))} - {""}
    return (True, bool(pv), bool(said & location_names(g)))


def _side(field_name: str):
    def compare(g: Event, p: Event, actors: ActorNames) -> tuple[bool, bool, bool]:
        gv, pv = g.get(field_name), p.get(field_name)
        if not gv:
            return (False, False, False)
        return (True, bool(pv), actors.same(gv, pv))

    return compare


def _within(km: float):
    def compare(g: Event, p: Event, actors: ActorNames) -> tuple[bool, bool, bool]:
        if g.get("latitude") is None or g.get("longitude") is None:
            return (False, False, False)
        d = distance_km(g, p)
        return (True, d is not None, d is not None and d <= km)

    return compare


def _deaths(field_name: str):
    def compare(g: Event, p: Event, actors: ActorNames) -> tuple[bool, bool, bool]:
        gv = g.get(field_name)
        if not gv:
            return (False, False, False)
        pv = p.get(field_name) or {}
        want = (gv.get("low"), gv.get("high"))
        got = (pv.get("low", 0), pv.get("high", 0))
        predicted = any(pv.get(k, 0) for k in ("low", "best", "high")) or got == want
        return (True, predicted, got == want)

    return compare


FIELDS = {
    "date_start": _date("date_start"),
    "date_end": _date("date_end"),
    "date_prec": _plain("date_prec"),
    "location": _location,
    "adm_1": _text("adm_1", norm_admin),
    "country": _text("country"),
    "coords_10km": _within(10.0),
    "coords_50km": _within(50.0),
    "where_prec": _plain("where_prec"),
    "geo_precision": _plain("geo_precision"),
    "side_a": _side("side_a"),
    "side_b": _side("side_b"),
    "type_of_violence": _plain("type_of_violence"),
    "event_type": _text("event_type"),
    "sub_event_type": _text("sub_event_type"),
    "deaths_a": _deaths("deaths_a"),
    "deaths_b": _deaths("deaths_b"),
}
"""Field name → comparison returning (evaluated, predicted, correct) for one matched pair."""

CLAIM_FIELDS = ("claims", "claimant", "stance")


# --- orientation of non-state events ------------------------------------------------------

_FLIP_SIDE = {"a": "b", "b": "a"}


def orient(gold: Event, pred: Event, actors: ActorNames) -> tuple[Event, bool]:
    """The prediction with sides A and B swapped when gold is non-state (type 2) and the
    prediction names the gold sides the other way round; and whether it was swapped."""
    if gold.get("type_of_violence") != 2:
        return pred, False
    ga, gb, pa, pb = (x.get(k) for x in (gold, pred) for k in ("side_a", "side_b"))
    direct = actors.same(ga, pa) + actors.same(gb, pb)
    crossed = actors.same(ga, pb) + actors.same(gb, pa)
    if crossed <= direct:
        return pred, False
    flipped = dict(pred)
    for a, b in (("side_a", "side_b"), ("side_a_actors", "side_b_actors"), ("deaths_a", "deaths_b")):
        flipped[a], flipped[b] = pred.get(b), pred.get(a)
    flipped["claims"] = [
        {**c, "side": _FLIP_SIDE.get(c.get("side"), c.get("side"))} for c in pred.get("claims") or []
    ]
    return flipped, True


# --- claims -------------------------------------------------------------------------------


def claim_key(claim: Mapping[str, Any]) -> tuple:
    return (claim.get("kind"), claim.get("side", "unknown"), claim.get("low"), claim.get("high"))


def claims_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Same kind, side and low; the same high, or any high when the gold leaves it open
    ("at least 21": the text gives no upper bound, so no convention for one is scored)."""
    if claim_key(gold)[:3] != claim_key(pred)[:3]:
        return False
    return gold.get("high") is None and gold.get("low") is not None or gold.get("high") == pred.get("high")


def claimant_matches(gold: str | None, pred: str | None) -> bool:
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return False
    return g in p or p in g


def score_claims(gold: Iterable[Mapping], pred: Iterable[Mapping]) -> dict[str, Count]:
    """Claims matched one-to-one on (kind, side, low, high); claimant and stance over those."""
    gold, pred = list(gold), list(pred)
    counts = {name: Count() for name in CLAIM_FIELDS}
    counts["claims"].gold = len(gold)
    counts["claims"].predicted = len(pred)
    # One-to-one on equal keys; among equal keys, pairs with the same stance, then the same
    # claimant, are taken first (so a denial pairs with the denial).
    candidates = sorted(
        (
            (
                p.get("stance", "asserts") != g.get("stance", "asserts"),
                not claimant_matches(g.get("claimant"), p.get("claimant")),
                gi,
                pi,
            )
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if claims_match(g, p)
        )
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold[gi], pred[pi]
        counts["claims"].correct += 1
        c = counts["claimant"]
        c.gold += bool(g.get("claimant"))
        c.predicted += bool(p.get("claimant"))
        if g.get("claimant"):
            c.correct += claimant_matches(g.get("claimant"), p.get("claimant"))
        s = counts["stance"]
        s.gold += 1
        s.predicted += 1
        s.correct += g.get("stance", "asserts") == p.get("stance", "asserts")
    return counts


# --- documents ----------------------------------------------------------------------------


@dataclass
class DocScore:
    document: str
    scope: str
    events: Count
    fields: dict[str, Count]
    pairs: list[tuple[str, str]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    ignored: int = 0
    """Unmatched predictions not counted against precision (partial scope)."""
    flipped: int = 0


def new_field_counts() -> dict[str, Count]:
    return {name: Count() for name in (*FIELDS, *CLAIM_FIELDS)}


def score_document(
    document: str,
    gold: list[Event],
    pred: list[Event],
    scope: str = "full",
    actors: ActorNames | None = None,
) -> DocScore:
    actors = actors or ActorNames()
    pairs = match_events(gold, pred, actors)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    unmatched_p = [pi for pi in range(len(pred)) if pi not in matched_p]
    partial = scope == "partial"
    events = Count(
        correct=len(pairs),
        predicted=len(pairs) + (0 if partial else len(unmatched_p)),
        gold=len(gold),
    )
    fields = new_field_counts()
    flipped = 0
    for gi, pi in pairs:
        g, (p, was_flipped) = gold[gi], orient(gold[gi], pred[pi], actors)
        flipped += was_flipped
        for name, compare in FIELDS.items():
            evaluated, predicted, correct = compare(g, p, actors)
            if evaluated:
                fields[name].add(Count(int(correct), int(predicted), 1))
        for name, count in score_claims(g.get("claims") or [], p.get("claims") or []).items():
            fields[name].add(count)
    return DocScore(
        document=document,
        scope=scope,
        events=events,
        fields=fields,
        pairs=[(_label(gold[gi], gi), _label(pred[pi], pi)) for gi, pi in pairs],
        missed=[_label(g, i) for i, g in enumerate(gold) if i not in matched_g],
        spurious=[] if partial else [_label(pred[i], i) for i in unmatched_p],
        ignored=len(unmatched_p) if partial else 0,
        flipped=flipped,
    )


def _label(ev: Event, index: int) -> str:
    ident = ev.get("id") or ev.get("event_id") or f"#{index}"
    return f"{ident} ({ev.get('date_start') or '?'}, {ev.get('location') or '?'})"


@dataclass
class Report:
    documents: list[DocScore]
    events: Count
    fields: dict[str, Count]

    def as_dict(self) -> dict[str, Any]:
        return {
            "events": self.events.as_dict(),
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "documents": [
                {
                    "document": d.document,
                    "scope": d.scope,
                    "events": d.events.as_dict(),
                    "matched": d.pairs,
                    "missed": d.missed,
                    "spurious": d.spurious,
                    "ignored_unmatched_predictions": d.ignored,
                    "flipped_sides": d.flipped,
                }
                for d in self.documents
            ],
        }


def aggregate(documents: list[DocScore]) -> Report:
    events, fields = Count(), new_field_counts()
    for d in documents:
        events.add(d.events)
        for name, count in d.fields.items():
            fields[name].add(count)
    return Report(documents=documents, events=events, fields=fields)
