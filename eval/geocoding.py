"""Geocoding figures (issue 3): events within 10 / 50 km, adm_1, where_prec and geo_precision.

    cd /work/main && .venv/bin/python eval/geocoding.py                       # the wire set
    .venv/bin/python eval/geocoding.py --gold eval/gold --predictions out.jsonl
    .venv/bin/python eval/geocoding.py --json

Events are matched as by eval/evaluate.py (eval/scoring.py); over matched pairs whose gold has
the field, a share is correct / gold (recall) and correct / predicted (precision); the first line
says how many gold events were matched at all (a missed event has no place to score).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate  # noqa: E402
import scoring  # noqa: E402

FIELDS = ("coords_10km", "coords_50km", "adm_1", "where_prec", "geo_precision", "location")


def figures(report: scoring.Report) -> dict[str, dict[str, float | int | None]]:
    """Per field, over matched events whose gold gives the field: correct, predicted, gold, P, R."""
    out = {}
    for name in FIELDS:
        c = report.fields[name]
        gold = c.gold
        out[name] = {
            "correct": c.correct, "predicted": c.predicted, "gold": gold,
            "precision": c.correct / c.predicted if c.predicted else None,
            "recall": c.correct / gold if gold else None,
        }  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=evaluate.REPO / "eval" / "gold" / "wire")
    ap.add_argument("--predictions", type=Path, help="events JSONL; default: run `casus extract`")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    try:
        docs = evaluate.load_gold(args.gold)
        if args.predictions:
            predictions = evaluate.load_predictions(args.predictions)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "events.jsonl"
                evaluate.run_casus(list(dict.fromkeys(d.document for d in docs)), out)
                predictions = evaluate.load_predictions(out)
    except evaluate.EvalError as e:
        print(f"geocoding: error: {e}", file=sys.stderr)
        return 2
    actors = scoring.ActorNames(evaluate.load_actor_aliases())
    grouped = evaluate.group_predictions(docs, predictions)
    report = scoring.aggregate(
        [scoring.score_document(d.key, d.events, grouped[d.key], d.scope, actors) for d in docs]
    )
    figs = figures(report)
    e = report.events
    if args.json:
        print(json.dumps({"events": {"gold": e.gold, "matched": e.correct, "predicted": e.predicted}, **figs}, indent=2))
        return 0
    print(f"{len(docs)} documents, {e.gold} gold events, {e.correct} matched, {e.predicted} predicted")
    print(f"{'measure':<14}{'correct':>8}{'predicted':>10}{'gold':>6}{'precision':>11}{'recall':>8}")
    for name, f in figs.items():
        p = "—" if f["precision"] is None else f"{f['precision']:.2f}"
        r = "—" if f["recall"] is None else f"{f['recall']:.2f}"
        print(f"{name:<14}{f['correct']:>8}{f['predicted']:>10}{f['gold']:>6}{p:>11}{r:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
