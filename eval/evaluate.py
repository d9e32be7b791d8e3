"""Score casus against the annotated evaluation set (eval/gold/**/*.yaml; fr/ holds French).

    cd /work/main && .venv/bin/python eval/evaluate.py                 # runs `casus extract`
    .venv/bin/python eval/evaluate.py --predictions events.jsonl       # scores a file
    .venv/bin/python eval/evaluate.py --lang en --json report.json --min-f1 events=0.5

A measurement, not a test: exits 0 whatever the figures, unless a ``--min-f1 FIELD=X`` floor is
not met (exit 1) or the input cannot be read (exit 2). Matching and metrics: eval/scoring.py;
the annotation format: eval/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scoring  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO / "eval" / "gold"
ACTORS_YAML = REPO / "src" / "casus" / "data" / "actors.yaml"


class EvalError(Exception):
    """Input the evaluation cannot work with; the message says what and where."""


@dataclass
class GoldDoc:
    path: Path
    document: str
    lang: str | None
    scope: str
    events: list[dict[str, Any]]
    doc_id: str | None = None
    """For a document inside a JSON Lines file: its ``id`` (the events' ``doc_ids``)."""

    @property
    def key(self) -> str:
        return f"{self.document}#{self.doc_id}" if self.doc_id else self.document


# --- reading ------------------------------------------------------------------------------


SEPARATE_SETS = {"wire"}
"""Subfolders of eval/gold scored by their own script (wire: eval/geocoding.py), not read when
their parent is: the main set is eval/gold/*.yaml and every other subfolder (fr/...)."""


def load_gold(gold_dir: Path, lang: str | None = None) -> list[GoldDoc]:
    files = sorted(
        f for f in gold_dir.rglob("*.yaml") if not SEPARATE_SETS & set(f.relative_to(gold_dir).parts[:-1])
    )
    if not files:
        raise EvalError(f"no gold files (*.yaml) in {gold_dir}")
    docs = []
    for f in files:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "document" not in data:
            raise EvalError(f"{f}: not a gold file (no 'document:' key)")
        scope = data.get("scope", "full")
        if scope not in ("full", "partial"):
            raise EvalError(f"{f}: scope must be 'full' or 'partial', not {scope!r}")
        if lang and data.get("lang") != lang:
            continue
        if "documents" in data:  # a JSON Lines file: one entry per line's id
            for entry in data["documents"] or []:
                if not isinstance(entry, dict) or not entry.get("doc_id"):
                    raise EvalError(f"{f}: every entry of 'documents:' needs a 'doc_id:'")
                docs.append(GoldDoc(f, data["document"], data.get("lang"), scope, entry.get("events") or [], str(entry["doc_id"])))
            continue
        docs.append(GoldDoc(f, data["document"], data.get("lang"), scope, data.get("events") or []))
    return docs


def load_predictions(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise EvalError(f"prediction file not found: {path}")
    events = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            ev = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalError(f"{path}:{n}: not JSON ({e.msg})") from e
        if not isinstance(ev, dict):
            raise EvalError(f"{path}:{n}: expected a JSON object per line")
        events.append(ev)
    return events


def load_actor_aliases(path: Path = ACTORS_YAML) -> dict[str, str]:
    """Name → side key from the actor registry, when it exists and parses (else no aliases).

    Every entry's name and aliases map to its ``government`` (state forces: the UCDP side name)
    or else its own name; an unambiguous ``ucdp_name`` maps there too. So "FAMa", "Malian Armed
    Forces" and "Government of Mali" compare equal as sides, and so do "IS Sahel" and "ISSP".
    """
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        print(f"evaluate: warning: {path} does not parse, actor aliases not used ({e.problem})", file=sys.stderr)
        return {}
    if isinstance(data, dict):
        data = data.get("actors") or []
    aliases: dict[str, str] = {}
    ucdp: dict[str, set[str]] = {}
    for actor in data if isinstance(data, list) else []:
        if not isinstance(actor, dict) or not actor.get("name"):
            continue
        key = actor.get("government") or actor["name"]
        for name in [actor["name"], *(actor.get("aliases") or [])]:
            aliases.setdefault(str(name), key)
        if actor.get("ucdp_name"):
            ucdp.setdefault(str(actor["ucdp_name"]), set()).add(key)
    for name, keys in ucdp.items():
        if len(keys) == 1:
            aliases.setdefault(name, keys.pop())
    return aliases


def _doc_key(path: str) -> Path:
    p = Path(path)
    return (p if p.is_absolute() else REPO / p).resolve()


def group_predictions(docs: list[GoldDoc], predictions: list[dict]) -> dict[str, list[dict]]:
    """Predicted events per gold document, by their ``doc_ids`` (a merged event counts for
    every document it cites)."""
    by_path = {_doc_key(d.document): d.key for d in docs if not d.doc_id}
    by_id = {d.doc_id: d.key for d in docs if d.doc_id}
    grouped: dict[str, list[dict]] = {d.key: [] for d in docs}
    for ev in predictions:
        for doc in {by_id.get(i) or by_path.get(_doc_key(i)) for i in ev.get("doc_ids") or []} - {None}:
            grouped[doc].append(ev)
    return grouped


# --- running casus ------------------------------------------------------------------------


def run_casus(documents: list[str], out: Path) -> None:
    exe = REPO / ".venv" / "bin" / "casus"
    cmd = str(exe) if exe.exists() else shutil.which("casus")
    if not cmd:
        raise EvalError("the casus CLI is not installed (.venv/bin/casus); pass --predictions FILE.jsonl")
    try:
        proc = subprocess.run(
            [cmd, "extract", *documents, "-o", str(out)],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
    except OSError as e:
        raise EvalError(f"could not run {cmd}: {e}") from e
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise EvalError(f"`casus extract` failed (exit {proc.returncode}):\n{tail}")
    if not out.is_file():
        raise EvalError(f"`casus extract` wrote no output file ({out})")


# --- reporting ----------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def print_report(report: scoring.Report, verbose: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if verbose:
        for d in report.documents:
            console.print(f"[bold]{d.document}[/] ({d.scope})")
            for g, p in d.pairs:
                console.print(f"  [green]matched[/]  {g}  ↔  {p}")
            for g in d.missed:
                console.print(f"  [red]missed[/]   {g}")
            for p in d.spurious:
                console.print(f"  [yellow]spurious[/] {p}")
            if d.ignored:
                console.print(f"  [dim]{d.ignored} unmatched prediction(s) ignored (partial scope)[/]")
    table = Table(title="casus evaluation")
    for col in ("measure", "correct", "predicted", "gold", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "measure" else "right")
    rows = [("events", report.events), *report.fields.items()]
    for name, c in rows:
        table.add_row(name, str(c.correct), str(c.predicted), str(c.gold), _fmt(c.precision), _fmt(c.recall), _fmt(c.f1))
    console.print(table)
    e = report.events
    console.print(
        f"{len(report.documents)} documents, {e.gold} gold events, {e.predicted} scored predictions: "
        f"event P {_fmt(e.precision)} R {_fmt(e.recall)} F1 {_fmt(e.f1)}"
    )


def parse_floors(specs: list[str]) -> dict[str, float]:
    floors = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        if not sep:
            raise EvalError(f"--min-f1 expects FIELD=X, got {spec!r}")
        if name != "events" and name not in scoring.new_field_counts():
            raise EvalError(f"--min-f1: unknown field {name!r}")
        floors[name] = float(value)
    return floors


def check_floors(report: scoring.Report, floors: dict[str, float]) -> list[str]:
    failures = []
    for name, floor in floors.items():
        count = report.events if name == "events" else report.fields[name]
        f1 = count.f1 or 0.0
        if f1 < floor:
            failures.append(f"{name}: F1 {f1:.3f} < {floor}")
    return failures


# --- main ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--predictions", type=Path, help="events JSONL; default: run `casus extract`")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder of gold YAML files")
    ap.add_argument("--lang", help="only documents whose gold `lang:` is this (en, fr)")
    ap.add_argument("--json", nargs="?", const="-", metavar="FILE", help="write the figures as JSON (to FILE or stdout)")
    ap.add_argument("--min-f1", action="append", default=[], metavar="FIELD=X", help="exit 1 when F1 of FIELD (or 'events') is below X")
    ap.add_argument("-v", "--verbose", action="store_true", help="list matched, missed and spurious events per document")
    args = ap.parse_args(argv)

    try:
        floors = parse_floors(args.min_f1)
        docs = load_gold(args.gold, args.lang)
        if not docs:
            raise EvalError(f"no gold documents with lang {args.lang!r}")
        if args.predictions:
            predictions = load_predictions(args.predictions)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "events.jsonl"
                run_casus(list(dict.fromkeys(d.document for d in docs)), out)
                predictions = load_predictions(out)
    except (EvalError, yaml.YAMLError) as e:
        print(f"evaluate: error: {e}", file=sys.stderr)
        return 2

    actors = scoring.ActorNames(load_actor_aliases())
    grouped = group_predictions(docs, predictions)
    report = scoring.aggregate(
        [scoring.score_document(d.key, d.events, grouped[d.key], d.scope, actors) for d in docs]
    )
    if args.json == "-":
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print_report(report, args.verbose)
        if args.json:
            Path(args.json).write_text(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    failures = check_floors(report, floors)
    for failure in failures:
        print(f"evaluate: below floor: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
