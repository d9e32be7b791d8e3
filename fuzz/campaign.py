"""The long fuzz campaign: mutation fuzzing of every reader, and of extraction through the store,
for a given number of inputs, with the oracle of tests/fuzz/checks.py (no traceback, no hang,
every claim's spans reproduce its quote after the round trip through the store).

    nice -n 19 .venv/bin/python -m fuzz.campaign --inputs 1000000 --log /tmp/casus-campaign.log

Each input is a bundled document (samples/, eval/docs/) cut to a window and mutated with the
fragments of tests/fuzz/mutations.py. Most inputs go through the readers only (read_file under
each extension, read_text under each format): milliseconds each. One in ``--extract-every``
goes on to extraction and a DuckDB store, and its claims are read back and checked against the
stored text: that costs a spaCy parse (tenths of a second), hence the ratio. A hang is an input
over ``--timeout`` (the limits module refuses it). Every finding is written to the log with the
input's base64, and the run goes on. The log ends each ``--every`` inputs with a progress line;
``--state`` keeps the count across restarts (the figure in docs/reliability.md is its total)."""

from __future__ import annotations

import argparse
import base64
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from casus import limits
from casus.errors import DocumentError, ReadError
from casus.ingest import read_file, read_text
from casus.ingest.decode import decode
from casus.model import FORMATS, span_text
from tests.fuzz.checks import check_document, check_events, check_items, check_refusal
from tests.fuzz.mutations import BUNDLED, EXTENSIONS, FRAGMENTS

READER_FORMATS = (*[f for f in FORMATS if f != "jsonl"], None)
_FRAGMENTS = list(FRAGMENTS.values())


def mutate(rng: random.Random, sources: list[bytes]) -> bytes:
    """A window of one source, mutated zero to six times (flip, cut, delete, repeat, insert)."""
    data = rng.choice(sources)
    if len(data) > 3000:
        start = rng.randrange(len(data))
        data = data[start : start + rng.randint(100, 3000)]
    for _ in range(rng.randint(0, 6)):
        pos = rng.randint(0, len(data))
        op = rng.choice(("flip", "cut", "delete", "repeat", "insert", "insert", "insert"))
        if op == "flip" and data:
            i = min(pos, len(data) - 1)
            data = data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1 :]
        elif op == "cut":
            data = data[:pos]
        elif op == "delete":
            data = data[:pos] + data[pos + rng.randint(1, 500) :]
        elif op == "repeat":
            data = data[:pos] + data[pos : pos + rng.randint(1, 100)] * rng.randint(2, 20) + data[pos:]
        else:
            data = data[:pos] + rng.choice(_FRAGMENTS) + data[pos:]
    return data


def read_checked(data: bytes, choice: int, tmp: Path) -> list:
    """The reader oracle on ``data``; the documents read by read_text (for extraction)."""
    path = tmp / f"input{EXTENSIONS[choice % len(EXTENSIONS)]}"
    path.write_bytes(data)
    check_items(read_file(path), str(path))
    try:
        text = decode(data, "input")
    except ReadError as err:
        check_refusal(err, "input")
        return []
    try:
        doc = read_text(text, "input", READER_FORMATS[choice % len(READER_FORMATS)])
    except ReadError as err:
        check_refusal(err, "input")
        return []
    check_document(doc)
    return [doc]


def extract_checked(doc, path: Path) -> int:
    """Extraction, a fresh store and the read back: every stored claim quotes the stored text."""
    from casus.extract.pipeline import extract
    from casus.store import open_store

    try:
        events = extract(doc)
    except DocumentError as err:
        check_refusal(err, doc.doc_id)
        return 0
    check_events(doc, events)
    path.unlink(missing_ok=True)
    store = open_store(str(path))
    store.add(doc, events)
    text = store.conn.fetch("SELECT text FROM documents WHERE doc_id = ? ORDER BY seq DESC LIMIT 1", [doc.doc_id])[0][0]
    assert text == doc.text, "the store changed the text"
    n = 0
    for event in store.events():
        for claim in event.claims:
            if claim.doc_id == doc.doc_id:
                assert span_text(text, claim.spans) == claim.quote, (claim.quote, claim.spans)
                n += 1
    store.close()
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m fuzz.campaign", description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=0, help="random seed (default: from the state)")
    ap.add_argument("--extract-every", type=int, default=400)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--every", type=int, default=2000, help="progress line every N inputs")
    ap.add_argument("--log", type=Path, default=Path(tempfile.gettempdir()) / "casus-campaign.log")
    ap.add_argument("--state", type=Path, default=None, help="JSON count kept across runs (default: LOG.state)")
    args = ap.parse_args(argv)
    state_path = args.state or args.log.with_suffix(".state")
    state = json.loads(state_path.read_text()) if state_path.exists() else {"inputs": 0, "extracted": 0,
                                                                           "claims": 0, "findings": 0}
    limits.configure(timeout=args.timeout)
    rng = random.Random(args.seed or state["inputs"] + 1)
    sources = [p.read_bytes() for p in BUNDLED]
    tmp = Path(tempfile.mkdtemp(prefix="casus-campaign-"))
    started = time.monotonic()
    with args.log.open("a", encoding="utf-8") as log:
        log.write(f"# start {time.strftime('%Y-%m-%d %H:%M:%S')} at {state['inputs']} inputs\n")
        for i in range(1, args.inputs + 1):
            data = mutate(rng, sources)
            choice = rng.randrange(30)
            t0 = time.monotonic()
            try:
                docs = read_checked(data, choice, tmp)
                if docs and i % args.extract_every == 0:
                    state["claims"] += extract_checked(docs[0], tmp / "campaign.duckdb")
                    state["extracted"] += 1
                if time.monotonic() - t0 > args.timeout * 2:
                    raise AssertionError(f"hang: {time.monotonic() - t0:.1f} s")
            except Exception:  # a finding: logged with its input, and the campaign goes on
                state["findings"] += 1
                last = traceback.format_exc().strip().splitlines()[-1]
                log.write(f"FINDING {state['inputs'] + 1} {last[:300]}\n  input {base64.b64encode(data).decode()}\n")
            state["inputs"] += 1
            if i % args.every == 0 or i == args.inputs:
                rate = i / (time.monotonic() - started)
                log.write(f"{time.strftime('%H:%M:%S')} inputs {state['inputs']} extracted {state['extracted']} "
                          f"claims {state['claims']} findings {state['findings']} ({rate:.0f}/s)\n")
                log.flush()
                state_path.write_text(json.dumps(state))
    return 0


if __name__ == "__main__":
    sys.exit(main())
