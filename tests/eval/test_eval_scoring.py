"""The evaluation's matching and metrics, on small hand-built gold/prediction pairs."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, EVAL / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


scoring = _load("scoring")
evaluate = _load("evaluate")

DIOURA = {
    "id": "dioura",
    "date_start": "2023-09-28",
    "date_end": "2023-09-28",
    "date_prec": 1,
    "location": "Dioura",
    "country": "Mali",
    "adm_1": "Mopti",
    "latitude": 14.8252,
    "longitude": -5.2547,
    "where_prec": 1,
    "side_a": "Government of Mali",
    "side_b": "CSP-PSD",
    "type_of_violence": 1,
    "event_type": "Battles",
    "sub_event_type": "Non-state actor overtakes territory",
    "deaths_a": {"low": 81, "best": 81, "high": 98},
    "deaths_b": {"low": 5, "best": 5, "high": 5},
    "claims": [
        {"kind": "killed", "side": "a", "low": 98, "high": 98, "claimant": "CSP-PSD spokesman Mohamed Elmaouloud Ramadane", "stance": "asserts"},
        {"kind": "vehicles_destroyed", "side": "b", "low": None, "high": None, "claimant": "The Malian Army", "stance": "asserts"},
        {"kind": "vehicles_destroyed", "side": "b", "low": None, "high": None, "claimant": "CSP-PSD", "stance": "denies"},
    ],
}
BER = {
    "id": "ber",
    "date_start": "2023-08-01",
    "date_end": "2023-08-31",
    "date_prec": 4,
    "location": "Ber",
    "side_a": "Government of Mali",
    "side_b": "CSP-PSD",
}


def pred(gold: dict, **changes) -> dict:
    """A predicted Event built from a gold event: claims carry the model's fields."""
    p = {k: v for k, v in gold.items() if k != "id"} | {"event_id": "p-" + gold["id"], "doc_ids": ["d"]}
    p["claims"] = [dict(c, doc_id="d", quote="q", spans=[]) for c in gold.get("claims", [])]
    return p | changes


def f(report_or_doc, name):
    fields = report_or_doc.fields
    return fields[name]


def test_perfect_match_scores_one():
    doc = scoring.score_document("d", [DIOURA, BER], [pred(BER), pred(DIOURA)])
    assert (doc.events.precision, doc.events.recall) == (1.0, 1.0)
    for name, count in doc.fields.items():
        if count.gold:
            assert count.precision == count.recall == 1.0, name


def test_missing_event_lowers_recall_only():
    doc = scoring.score_document("d", [DIOURA, BER], [pred(DIOURA)])
    assert doc.events.precision == 1.0
    assert doc.events.recall == 0.5
    assert doc.missed == ["ber (2023-08-01, Ber)"]


def test_wrong_field_lowers_that_fields_precision():
    doc = scoring.score_document("d", [DIOURA], [pred(DIOURA, event_type="Battles", sub_event_type="Armed clash", adm_1="Ségou")])
    assert doc.events.f1 == 1.0
    assert f(doc, "sub_event_type").precision == 0.0
    assert f(doc, "adm_1").precision == 0.0
    assert f(doc, "event_type").precision == 1.0
    assert f(doc, "location").precision == 1.0


def test_null_prediction_lowers_recall_not_precision():
    doc = scoring.score_document("d", [DIOURA], [pred(DIOURA, where_prec=None)])
    assert f(doc, "where_prec").recall == 0.0
    assert f(doc, "where_prec").precision is None


def test_fields_the_gold_omits_are_not_evaluated():
    doc = scoring.score_document("d", [BER], [pred(BER, latitude=1.0, longitude=1.0, event_type="Riots")])
    assert f(doc, "event_type").predicted == 0
    assert f(doc, "coords_10km").predicted == 0


def test_spurious_prediction_lowers_precision():
    other = pred(DIOURA, date_start="2023-10-01", date_end="2023-10-01", location="Bourem", latitude=16.955, longitude=-0.34861)
    doc = scoring.score_document("d", [DIOURA], [pred(DIOURA), other])
    assert doc.events.precision == 0.5
    assert doc.events.recall == 1.0


def test_partial_scope_ignores_unmatched_predictions():
    other = pred(DIOURA, date_start="2023-10-01", date_end="2023-10-01", location="Bourem", latitude=16.955, longitude=-0.34861)
    doc = scoring.score_document("d", [DIOURA], [pred(DIOURA), other], scope="partial")
    assert doc.events.precision == 1.0
    assert doc.ignored == 1
    assert doc.spurious == []


def test_dates_too_far_apart_do_not_match():
    doc = scoring.score_document("d", [DIOURA], [pred(DIOURA, date_start="2023-11-28", date_end="2023-11-28")])
    assert doc.events.correct == 0


def test_month_precision_gold_matches_a_day_inside_it():
    doc = scoring.score_document("d", [BER], [pred(BER, date_start="2023-08-12", date_end="2023-08-12", date_prec=1)])
    assert doc.events.correct == 1
    assert f(doc, "date_prec").precision == 0.0


def test_location_matches_by_folded_name_or_distance():
    by_name = pred(DIOURA, location="DIOURA", latitude=None, longitude=None)
    assert scoring.score_document("d", [DIOURA], [by_name]).events.correct == 1
    by_distance = pred(DIOURA, location="Dioura camp", latitude=14.9, longitude=-5.3)
    doc = scoring.score_document("d", [DIOURA], [by_distance])
    assert doc.events.correct == 1
    assert f(doc, "location").correct == 0
    assert f(doc, "coords_10km").correct == 1


def test_coordinates_within_10_and_50_km():
    doc = scoring.score_document("d", [DIOURA], [pred(DIOURA, latitude=14.8252 + 0.25)])  # ~28 km
    assert f(doc, "coords_10km").correct == 0
    assert f(doc, "coords_50km").correct == 1


def test_deaths_compare_low_and_high():
    doc = scoring.score_document("d", [DIOURA], [pred(DIOURA, deaths_a={"low": 81, "best": 90, "high": 98}, deaths_b={"low": 0, "best": 0, "high": 0})])
    assert f(doc, "deaths_a").correct == 1
    assert f(doc, "deaths_b").predicted == 0 and f(doc, "deaths_b").recall == 0.0


def test_claims_match_on_kind_side_and_figures_then_claimant_and_stance():
    claims = [
        {"kind": "killed", "side": "a", "low": 98, "high": 98, "claimant": "Mohamed Elmaouloud Ramadane", "stance": "asserts"},
        {"kind": "vehicles_destroyed", "side": "b", "low": None, "high": None, "claimant": "the CSP-PSD", "stance": "denies"},
        {"kind": "killed", "side": "a", "low": 81, "high": 81, "claimant": None, "stance": "asserts"},
    ]
    doc = scoring.score_document("d", [DIOURA], [pred(DIOURA, claims=claims)])
    c = f(doc, "claims")
    assert (c.correct, c.predicted, c.gold) == (2, 3, 3)
    assert f(doc, "claimant").correct == 2  # containment, case-insensitive
    assert f(doc, "stance").correct == 2  # the denial pairs with the gold denial


def test_non_state_sides_may_come_in_either_order():
    gold = {"id": "g", "date_start": "2014-03-29", "date_end": "2014-03-29", "location": "Markada",
            "side_a": "IS", "side_b": "Jabhat al-Nusra", "type_of_violence": 2,
            "deaths_a": {"low": 13, "best": 13, "high": 13}, "deaths_b": {"low": 43, "best": 43, "high": 43},
            "claims": [{"kind": "killed", "side": "b", "low": 43, "high": 43, "claimant": None, "stance": "asserts"}]}
    flipped = pred(gold, side_a="Jabhat al-Nusra", side_b="IS", deaths_a=gold["deaths_b"], deaths_b=gold["deaths_a"],
                   claims=[{"kind": "killed", "side": "a", "low": 43, "high": 43, "stance": "asserts"}])
    doc = scoring.score_document("d", [gold], [flipped])
    assert doc.flipped == 1
    for name in ("side_a", "side_b", "deaths_a", "deaths_b", "claims"):
        assert f(doc, name).correct == 1, name


def test_actor_aliases():
    actors = scoring.ActorNames({"Malian Armed Forces": "Government of Mali", "FAMa": "Government of Mali"})
    doc = scoring.score_document("d", [DIOURA], [pred(DIOURA, side_a="FAMa")], actors=actors)
    assert f(doc, "side_a").correct == 1


def test_norm_folds_accents_case_and_punctuation():
    assert scoring.norm("Léré") == scoring.norm("LERE")
    assert scoring.norm("Tongo-Tongo") == scoring.norm("Tongo Tongo")


def test_empty_inputs():
    doc = scoring.score_document("d", [], [])
    assert doc.events.precision is None and doc.events.recall is None
    report = scoring.aggregate([doc])
    assert report.events.f1 is None


# --- the command --------------------------------------------------------------------------


def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gold" / "seed.yaml").write_text(
        "document: eval/docs/raid-on-dioura-2023.txt\nlang: en\nnotes: test\nevents:\n"
        "  - id: dioura\n    date_start: 2023-09-28\n    date_end: 2023-09-28\n    location: Dioura\n"
        "    side_a: Government of Mali\n    side_b: CSP-PSD\n    event_type: Battles\n",
        encoding="utf-8",
    )
    return tmp_path / "gold"


def test_evaluate_scores_a_prediction_file(tmp_path, capsys):
    line = {"event_id": "e1", "doc_ids": ["eval/docs/raid-on-dioura-2023.txt"], "date_start": "2023-09-28",
            "location": "Dioura", "side_a": "Government of Mali", "side_b": "CSP-PSD", "event_type": "Battles"}
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(line) + "\n", encoding="utf-8")
    code = evaluate.main(["--predictions", str(preds), "--gold", str(gold_dir(tmp_path)), "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["events"]["f1"] == 1.0
    assert evaluate.main(["--predictions", str(preds), "--gold", str(gold_dir(tmp_path)), "--json", "--min-f1", "events=0.9"]) == 0


def test_evaluate_floor_fails_below(tmp_path, capsys):
    preds = tmp_path / "p.jsonl"
    preds.write_text("", encoding="utf-8")
    code = evaluate.main(["--predictions", str(preds), "--gold", str(gold_dir(tmp_path)), "--json", "--min-f1", "events=0.5"])
    assert code == 1
    assert "below floor" in capsys.readouterr().err


def test_evaluate_missing_prediction_file_is_a_clear_error(tmp_path, capsys):
    code = evaluate.main(["--predictions", str(tmp_path / "nope.jsonl"), "--gold", str(gold_dir(tmp_path))])
    assert code == 2
    assert "prediction file not found" in capsys.readouterr().err


def test_evaluate_lang_filter(tmp_path, capsys):
    preds = tmp_path / "p.jsonl"
    preds.write_text("", encoding="utf-8")
    assert evaluate.main(["--predictions", str(preds), "--gold", str(gold_dir(tmp_path)), "--lang", "fr"]) == 2
    assert "no gold documents" in capsys.readouterr().err


@pytest.mark.parametrize("spec", ["events", "nonsense=0.5"])
def test_evaluate_rejects_bad_floors(tmp_path, spec, capsys):
    assert evaluate.main(["--predictions", str(tmp_path / "x"), "--gold", str(gold_dir(tmp_path)), "--min-f1", spec]) == 2


def test_admin_names_compare_without_their_kind():
    gold = dict(DIOURA, adm_1="Tillabéri")
    doc = scoring.score_document("d", [gold], [pred(gold, adm_1="Tillaberi Region")])
    assert f(doc, "adm_1").correct == 1


def test_a_different_place_matches_only_with_the_same_dates_and_sides():
    elsewhere = dict(location="Kidal", latitude=18.44111, longitude=1.40778)
    same_day = pred(DIOURA, **elsewhere)
    assert scoring.score_document("d", [DIOURA], [same_day]).events.correct == 1
    days_off = pred(DIOURA, date_start="2023-09-24", date_end="2023-09-24", **elsewhere)
    assert scoring.score_document("d", [DIOURA], [days_off]).events.correct == 0
    undated = pred(DIOURA, date_start=None, date_end=None, **elsewhere)
    assert scoring.score_document("d", [DIOURA], [undated]).events.correct == 0
