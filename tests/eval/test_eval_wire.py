"""The geocoding wire set: every gold entry points at a line of the JSON Lines file, and the
evaluation reads it (documents inside a JSON Lines file are addressed by their id)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WIRE = REPO / "eval" / "gold" / "wire"


def _evaluate():
    spec = importlib.util.spec_from_file_location("evaluate", REPO / "eval" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module
    spec.loader.exec_module(module)
    return module


def test_wire_gold_addresses_jsonl_lines() -> None:
    evaluate = _evaluate()
    docs = evaluate.load_gold(WIRE)
    assert len(docs) >= 40
    lines = [json.loads(x) for x in (REPO / docs[0].document).read_text(encoding="utf-8").splitlines() if x.strip()]
    ids = {x["id"] for x in lines}
    assert {d.doc_id for d in docs} == ids and all(x["lang"] == "en" for x in lines)
    for d in docs:
        for ev in d.events:
            assert ev["where_prec"] in range(1, 7) and ev["geo_precision"] in (1, 2, 3)
            assert 0 < ev["latitude"] < 25 and -12 < ev["longitude"] < 16


def test_predictions_are_grouped_by_jsonl_id() -> None:
    evaluate = _evaluate()
    docs = evaluate.load_gold(WIRE)
    grouped = evaluate.group_predictions(docs, [{"doc_ids": [docs[0].doc_id]}])
    assert len(grouped[docs[0].key]) == 1 and sum(map(len, grouped.values())) == 1
