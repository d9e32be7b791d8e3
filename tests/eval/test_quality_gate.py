"""The quality gate: casus's figures on the annotated sets may not fall below eval/floors.yaml.

Both scorers run `casus extract` on their documents, as `make eval` does; the figures are
deterministic, so a fall is a change of behaviour, never noise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
FLOORS: dict[str, dict[str, dict[str, float]]] = yaml.safe_load((REPO / "eval" / "floors.yaml").read_text())
SCORERS = {"main": ["eval/evaluate.py", "--json", "-"], "wire": ["eval/geocoding.py", "--json"]}


def _figures(report: dict[str, Any], measure: str) -> dict[str, Any]:
    """A measure's figures in either scorer's report (evaluate.py nests fields under 'fields')."""
    return report.get(measure) or report.get("fields", {}).get(measure) or {}


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    out = {}
    for name, argv in SCORERS.items():
        run = subprocess.run([sys.executable, *argv], cwd=REPO, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, f"{argv[0]} failed:\n{run.stderr[-2000:]}"
        out[name] = json.loads(run.stdout[run.stdout.index("{"):])
    return out


@pytest.mark.parametrize(
    "scorer,measure,metric",
    [(s, m, k) for s, measures in FLOORS.items() for m, floors in measures.items() for k in floors],
)
def test_figure_holds_its_floor(reports, scorer: str, measure: str, metric: str) -> None:
    floor = FLOORS[scorer][measure][metric]
    value = _figures(reports[scorer], measure).get(metric)
    assert value is not None, f"{scorer}: no {measure}.{metric} in the report"
    assert value >= floor, f"{scorer} {measure} {metric} fell to {value:.3f}, below its floor {floor}"
