"""Reconciliation of contradicting death figures (resolve/reconcile.py), with hand-made claims."""

from __future__ import annotations

from casus.model import Claim, Span
from casus.resolve.reconcile import reconcile

_next = [0]


def claim(low: int, high: int | None = None, *, side: str = "a", claimant: str | None = "X",
          claimant_side: str = "unknown", stance: str = "asserts", approx: bool = False,
          subject: str = "soldiers", sentence: int | None = None, kind: str = "killed") -> Claim:
    """A killed claim; each claim sits in its own sentence unless ``sentence`` (an offset) is given."""
    _next[0] += 100
    start = _next[0] if sentence is None else sentence + 5
    ctx = sentence if sentence is not None else start
    return Claim(kind=kind, side=side, subject=subject, low=low, high=low if high is None else high,
                 approx=approx, claimant=claimant, claimant_side=claimant_side, stance=stance,
                 doc_id="d", quote=f"{low} {subject} killed", spans=[Span(start=start, end=start + 10)],
                 context=Span(start=ctx, end=ctx + 80))


def test_two_adversary_figures_best_is_the_lowest():
    claims = [claim(98, claimant="rebel spokesman", claimant_side="b"),
              claim(81, claimant="rebel colonel", claimant_side="b")]
    per_side, sentence = reconcile(claims)
    a = per_side["a"]
    assert (a.low, a.best, a.high) == (81, 81, 98)
    assert "the lowest" in sentence


def test_a_third_party_figure_wins_best():
    claims = [claim(98, claimant="rebel spokesman", claimant_side="b"),
              claim(10, claimant="the army", claimant_side="a"),
              claim(40, claimant="Reuters", claimant_side="third_party")]
    a = reconcile(claims)[0]["a"]
    assert (a.low, a.best, a.high) == (10, 40, 98)


def test_median_of_third_party_figures():
    claims = [claim(20, claimant="AFP", claimant_side="third_party"),
              claim(30, claimant="RFI", claimant_side="third_party"),
              claim(50, claimant="Le Monde", claimant_side="third_party"),
              claim(200, claimant="rebels", claimant_side="b")]
    a = reconcile(claims)[0]["a"]
    assert (a.low, a.best, a.high) == (20, 30, 200)


def test_mixed_parties_without_third_party_take_the_median():
    claims = [claim(10, claimant="the army", claimant_side="a"),
              claim(30, claimant="a local official"),
              claim(90, claimant="rebels", claimant_side="b")]
    a = reconcile(claims)[0]["a"]
    assert (a.low, a.best, a.high) == (10, 30, 90)


def test_denials_are_kept_but_not_counted():
    claims = [claim(12, claimant="the army", claimant_side="a"),
              claim(200, claimant="the army", claimant_side="a", stance="denies")]
    per_side, sentence = reconcile(claims)
    assert (per_side["a"].low, per_side["a"].best, per_side["a"].high) == (12, 12, 12)
    assert "1 denied claim kept but not counted" in sentence


def test_only_killed_claims_count():
    claims = [claim(12), claim(40, kind="injured"), claim(5, kind="taken_prisoner")]
    per_side, _ = reconcile(claims)
    assert per_side["a"].high == 12


def test_same_sentence_different_subjects_add_up():
    claims = [claim(12, subject="soldiers", sentence=1000), claim(3, subject="gendarmes", sentence=1000)]
    a = reconcile(claims)[0]["a"]
    assert (a.low, a.best, a.high) == (15, 15, 15)


def test_a_repeated_identical_figure_is_not_counted_twice():
    same_sentence = [claim(12, sentence=2000), claim(12, sentence=2000)]
    assert reconcile(same_sentence)[0]["a"].high == 12
    two_sentences = [claim(12), claim(12)]
    a = reconcile(two_sentences)[0]["a"]
    assert (a.low, a.best, a.high) == (12, 12, 12)


def test_approx_figures_keep_their_range_and_best_is_the_low_end():
    a = reconcile([claim(24, 96, approx=True, subject="dozens")])[0]["a"]
    assert (a.low, a.best, a.high) == (24, 24, 96)


def test_exact_figure_best_is_the_figure():
    a = reconcile([claim(40, claimant="the army", claimant_side="a")])[0]["a"]
    assert (a.low, a.best, a.high) == (40, 40, 40)
    mixed = reconcile([claim(31, 36, approx=True), claim(40, claimant="Y")])[0]["a"]
    assert (mixed.low, mixed.high) == (31, 40) and mixed.best in (31, 40)


def test_sides_are_reconciled_separately_and_totals_add():
    claims = [claim(81, side="a", claimant_side="b"), claim(5, side="b", claimant_side="b"),
              claim(7, side="civilians", claimant="AFP", claimant_side="third_party")]
    per_side, _ = reconcile(claims)
    assert (per_side["a"].best, per_side["b"].best, per_side["civilians"].best, per_side["unknown"].best) == (81, 5, 7, 0)


def test_the_sentence_names_the_claimants_and_figures():
    claims = [claim(98, claimant="Mohamed Ramadane", claimant_side="b"),
              claim(81, claimant="Colonel Sidi Mola", claimant_side="b")]
    _, sentence = reconcile(claims)
    assert "98 by Mohamed Ramadane" in sentence and "81 by Colonel Sidi Mola" in sentence
    assert "low 81" in sentence and "high 98" in sentence and "best 81" in sentence
    assert sentence.startswith("side A: 2 estimates")


def test_a_figure_without_claimant_is_said_to_come_from_the_text():
    _, sentence = reconcile([claim(4, claimant=None)])
    assert "4 by the text" in sentence


def test_no_figures():
    per_side, sentence = reconcile([])
    assert all((d.low, d.best, d.high) == (0, 0, 0) for d in per_side.values())
    assert sentence == "No death figures were reported."
