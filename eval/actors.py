"""Actor resolution on the annotated set (issue 4): do the registry's aliases find the actors
the analyst coded, and do the names it finds belong there? English and French apart.

    cd /work/main && .venv/bin/python eval/actors.py            # both languages
    .venv/bin/python eval/actors.py --lang fr -v                # + what was missed, per document
    .venv/bin/python eval/actors.py --json

Two shares, per language:

- **gold actors resolved** (recall): every actor a gold event names — ``side_a``, ``side_b``,
  ``side_a_actors``, ``side_b_actors``, read through the registry to a canonical actor (a name,
  an alias or an unambiguous ``ucdp_name``) — counts once per document; it is resolved when the
  registry matcher, run on the document's prose as the pipeline runs it (same tokenizer, same
  case rules, demonyms), finds a mention of that actor, of a member of it (a coalition), or of a
  force serving it (a government). "Unidentified armed group" and "Civilians" are codes, not
  names in the text, and are left out; a gold actor the registry does not know is counted as
  unresolved and listed (the registry's gaps).
- **mentions resolved right** (precision), on full-scope documents only: every mention the
  matcher finds counts; it is right when its actor is among the document's gold actors, a
  member or coalition of one, or serves one. (Partial-scope documents name actors in events the
  annotator did not code, so they only count for recall.)

A measurement: exits 0 whatever the figures (2 when it cannot run).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate  # noqa: E402

CODES = {"Unidentified armed group", "Civilians"}


@dataclass
class Tally:
    gold: int = 0
    resolved: int = 0
    mentions: int = 0
    right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        share = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
        return {"gold_actors": self.gold, "resolved": self.resolved, "recall": share(self.resolved, self.gold),
                "mentions": self.mentions, "right": self.right, "precision": share(self.right, self.mentions),
                "missed": self.missed, "wrong": self.wrong}


def _canonical(registry, name: str) -> set[str]:
    """A gold name read through the registry: a name or alias, a government, or every actor
    UCDP names so ("Syrian insurgents"); empty when the registry does not know it."""
    if (found := registry.canonical(name)) is not None:
        return {found}
    if any(a.government == name for a in registry.actors.values()):
        return {name}
    return {a for a, extra in registry.extra.items() if extra.get("ucdp_name") == name}


def _related(registry, found: str, on=None) -> set[str]:
    """What a found actor vouches for: itself, its coalitions (all of them, transitively) and
    the government it serves."""
    out = {found}
    frontier = [found]
    while frontier:
        parents = [c for n in frontier for c in registry.coalitions(n, on) if c not in out]
        out.update(parents)
        frontier = parents
    actor = registry.get(found)
    if actor is not None and actor.government:
        out.add(actor.government)
    return out


def mentions_in(path: Path, lang: str):
    """(surface text, canonical actor) for every registry mention in a document's prose."""
    from casus.extract.nlp import load
    from casus.extract.pipeline import paragraphs
    from casus.extract.actors import registry as load_registry
    from casus.ingest import read_file
    from casus.view import View

    doc = next(read_file(path))
    nlp, reg = load(lang), load_registry()
    paras = [p.text for p in paragraphs(View(doc).clean) if not p.heading]
    return [(m.text, m.actor) for parsed in nlp.pipe(paras) for m in reg.find(parsed, nlp)]


def measure(docs: list[evaluate.GoldDoc], verbose: bool = False) -> dict[str, Tally]:
    from casus.extract.actors import registry as load_registry

    reg = load_registry()
    tallies: dict[str, Tally] = {}
    for d in docs:
        if d.doc_id:  # a JSON Lines set (geocoding only): no actors coded
            continue
        lang = d.lang or "en"
        tally = tallies.setdefault(lang, Tally())
        names = {n for ev in d.events for k in ("side_a", "side_b") if (n := ev.get(k))}
        names |= {n for ev in d.events for k in ("side_a_actors", "side_b_actors") for n in ev.get(k) or []}
        gold = {n: _canonical(reg, n) for n in sorted(names)}
        found = mentions_in(evaluate.REPO / d.document, lang)
        vouched = set().union(*(_related(reg, a) for _, a in found)) if found else set()
        for name, canon in gold.items():
            if name in CODES:
                continue
            tally.gold += 1
            if canon & vouched:
                tally.resolved += 1
            else:
                tally.missed.append(f"{Path(d.document).name}: {name}" + ("" if canon else " (not in the registry)"))
        if d.scope == "full":
            targets = set().union(*gold.values()) if gold else set()
            for text, actor in found:
                tally.mentions += 1
                if _related(reg, actor) & targets or any(actor in _related(reg, t) for t in targets):
                    tally.right += 1
                else:
                    tally.wrong.append(f"{Path(d.document).name}: {text!r} → {actor}")
        if verbose:
            print(f"{d.document}: {len(found)} mentions, gold {sorted(gold)}", file=sys.stderr)
    return tallies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=evaluate.GOLD_DIR)
    ap.add_argument("--lang", help="only documents whose gold `lang:` is this (en, fr)")
    ap.add_argument("--json", action="store_true", help="the figures as JSON on stdout")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed actors and wrong mentions")
    args = ap.parse_args(argv)
    try:
        docs = evaluate.load_gold(args.gold, args.lang)
    except evaluate.EvalError as e:
        print(f"actors: error: {e}", file=sys.stderr)
        return 2
    tallies = measure(docs, args.verbose)
    if args.json:
        print(json.dumps({k: t.as_dict() for k, t in sorted(tallies.items())}, indent=2, ensure_ascii=False))
        return 0
    for lang, t in sorted(tallies.items()):
        r, p = t.as_dict()["recall"], t.as_dict()["precision"]
        print(f"{lang}: gold actors resolved {t.resolved}/{t.gold} ({r}); "
              f"mentions resolved right {t.right}/{t.mentions} ({p}, full-scope documents)")
        if args.verbose:
            for line in t.missed:
                print(f"   missed  {line}")
            for line in t.wrong:
                print(f"   wrong   {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
