"""atheris harness: extraction on coverage-guided documents (read from the bytes by whichever
reader their content calls for). Findings: crashes, refusals that wrap a crash, claims whose
spans leave the document or do not quote it (tests/fuzz/checks.py).

    .venv/bin/python fuzz/fuzz_extract.py fuzz/corpus/extract -max_total_time=600 -timeout=60 -max_len=8192

Slow (the spaCy parse): a few examples a second; the reader harness is the fast one."""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports():
    from casus import limits
    from casus.errors import DocumentError
    from casus.extract.pipeline import extract
    from casus.ingest import read_text
    from tests.fuzz.checks import check_events, check_refusal


def one_input(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    try:
        doc = read_text(text, "input", lang="en")
    except DocumentError as err:
        check_refusal(err, "input")
        return
    try:
        events = extract(doc)
    except DocumentError as err:
        check_refusal(err, "input")
        return
    check_events(doc, events)


if __name__ == "__main__":
    limits.configure(timeout=30)
    extract(read_text("Gunmen killed 12 soldiers in Dioura, Mali.", "warm-up"))  # models loaded once
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
