"""Measure cross-document merging: ingest eval/merge/reports.jsonl with the real pipeline into a
fresh store and score the "same incident" decision on every pair of documents.

Two documents are predicted to report the same incident when one stored event has reports from
both; gold.tsv says which really do. Prints pairwise precision, recall and F1.

    .venv/bin/python eval/merge/evaluate_merge.py [-v] [--db FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent


def gold(path: Path = HERE / "gold.tsv") -> dict[str, set[str]]:
    """Document → the incidents it reports."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            doc_id, incidents = line.split("\t")
            out[doc_id] = set(incidents.split(","))
    return out


def ingest(db: str, reports: Path) -> None:
    from casus.extract.actors import registry
    from casus.extract.pipeline import extract
    from casus.ingest import read_paths
    from casus.store import open_store

    with open_store(db) as store:
        for doc in read_paths([reports]):
            if isinstance(doc, Exception):
                raise SystemExit(f"cannot read {doc}")
            store.add(doc, extract(doc), registry())


def predicted(db: str) -> dict[str, set[str]]:
    """Event id → the documents it was merged from."""
    from casus.store import open_store

    with open_store(db, read_only=True) as store:
        rows = store.conn.fetch("SELECT event_id, doc_id FROM event_sources")
    out: dict[str, set[str]] = defaultdict(set)
    for event_id, doc_id in rows:
        out[event_id].add(doc_id)
    return out


def score(truth: dict[str, set[str]], events: dict[str, set[str]]) -> dict[str, float | int | list]:
    same_pred = {frozenset(p) for docs in events.values() for p in combinations(sorted(docs), 2)}
    tp = fp = fn = tn = 0
    wrong: list = []
    for a, b in combinations(sorted(truth), 2):
        g, p = bool(truth[a] & truth[b]), frozenset((a, b)) in same_pred
        tp, fp, fn, tn = tp + (g and p), fp + (p and not g), fn + (g and not p), tn + (not g and not p)
        if g != p:
            wrong.append([a, b, "merged apart incidents" if p else "missed"])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"documents": len(truth), "incidents": len(set().union(*truth.values())), "pairs": tp + fp + fn + tn,
            "same_pairs": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "errors": wrong}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="Keep the store in this DuckDB file (default: a temporary one).")
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    ap.add_argument("-v", "--verbose", action="store_true", help="List the pairs decided wrongly.")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "merge.duckdb")
        if args.db and Path(args.db).exists():
            Path(args.db).unlink()
        ingest(db, HERE / "reports.jsonl")
        result = score(gold(), predicted(db))
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{result['documents']} documents, {result['incidents']} incidents, {result['pairs']} pairs "
          f"({result['same_pairs']} of the same incident)")
    print(f"pairwise precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}"
          f"  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")
    if args.verbose:
        for a, b, why in result["errors"]:
            print(f"  {why}: {a} ~ {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
