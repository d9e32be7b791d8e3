"""Low, best and high deaths from contradicting claims, UCDP style, with the reasoning written out.

Per side (a, b, civilians, unknown), over the claims that assert deaths (denials are kept but do
not count):
- claims made in one sentence by one claimant about different groups of a side add up
  ("12 soldiers and 3 gendarmes") into one estimate; repeated figures do not;
- low is the lowest estimate's low, high the highest estimate's high;
- best is, in order of trust: the median of third-party estimates (press, UN, monitors); else,
  when every estimate comes from the side's adversary (which tends to inflate), the lowest;
  else the median of all estimates.
ACLED's ``fatalities`` is the lowest credible total: the sum of the lows.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import median_low

from casus.model import Claim, Deaths

SIDE_LABEL = {"a": "side A", "b": "side B", "civilians": "civilians", "unknown": "unattributed"}
ADVERSARY = {"a": "b", "b": "a"}


def _estimates(claims: list[Claim]) -> list[tuple[int, int, Claim]]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        sentence = c.context.start if c.context else c.spans[0].start
        groups[(c.doc_id, c.claimant, sentence)].append(c)
    out = []
    for members in groups.values():
        distinct = {(c.subject, c.low, c.high): c for c in members}.values()
        lo = sum(c.low or 0 for c in distinct)
        hi = sum(c.high if c.high is not None else (c.low or 0) for c in distinct)
        out.append((lo, hi, members[0]))
    return out


def deaths(claims: list[Claim], side: str) -> tuple[Deaths, str]:
    """The estimate for one side and a clause saying how it was chosen."""
    relevant = [c for c in claims if c.kind == "killed" and c.side == side and c.stance == "asserts" and c.low is not None]
    if not relevant:
        return Deaths(), ""
    estimates = _estimates(relevant)
    low = min(e[0] for e in estimates)
    high = max(e[1] for e in estimates)
    third = [e for e in estimates if e[2].claimant_side == "third_party"]
    adversary = ADVERSARY.get(side)
    if third:
        best, why = median_low([e[0] if e[2].approx else e[1] for e in third]), "the median of third-party figures"
    elif adversary and all(e[2].claimant_side == adversary for e in estimates) and len(estimates) > 1:
        best, why = low, "the lowest, as every figure comes from the adversary"
    else:
        best, why = median_low([e[0] if e[2].approx else e[1] for e in estimates]), "the median figure"
    best = min(max(best, low), high)
    sources = "; ".join(
        f"{_figure(lo, hi)} by {c.claimant or 'the text'}" for lo, hi, c in estimates
    )
    n = len(estimates)
    text = f"{SIDE_LABEL[side]}: {n} estimate{'s' if n > 1 else ''} ({sources}): low {low}, high {high}, best {best}"
    if n > 1:
        text += f" ({why})"
    return Deaths(low=low, best=best, high=high), text


def _figure(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo}–{hi}"


def reconcile(claims: list[Claim]) -> tuple[dict[str, Deaths], str]:
    """Deaths per side and the reconciliation sentence."""
    per_side: dict[str, Deaths] = {}
    parts = []
    for side in ("a", "b", "civilians", "unknown"):
        d, text = deaths(claims, side)
        per_side[side] = d
        if text:
            parts.append(text)
    denied = [c for c in claims if c.stance == "denies"]
    sentence = "; ".join(parts) + "." if parts else "No death figures were reported."
    if denied:
        sentence += f" {len(denied)} denied claim{'s' if len(denied) > 1 else ''} kept but not counted."
    return per_side, sentence
