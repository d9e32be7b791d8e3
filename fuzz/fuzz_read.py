"""atheris harness: every reader (read_file with each extension, read_text with each format) on
coverage-guided bytes. A finding is any exception the properties of tests/fuzz/checks.py reject.

    .venv/bin/python fuzz/fuzz_read.py fuzz/corpus/read -max_total_time=600 -timeout=30 -rss_limit_mb=4096

Seeds: fuzz/seeds.py fills fuzz/corpus/read from samples/ and eval/docs/ (docs/reliability.md)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports():
    from casus import limits
    from casus.errors import ReadError
    from casus.ingest import read_file, read_text
    from casus.ingest.decode import decode
    from casus.model import FORMATS
    from tests.fuzz.checks import check_document, check_items, check_refusal

EXTENSIONS = (".txt", ".md", ".wiki", ".html", ".jsonl", "")
TMP = Path(tempfile.mkdtemp(prefix="casus-fuzz-"))


def one_input(data: bytes) -> None:
    if not data:
        return
    extension = EXTENSIONS[data[0] % len(EXTENSIONS)]
    body = data[1:]
    path = TMP / f"input{extension}"
    path.write_bytes(body)
    check_items(read_file(path), str(path))
    try:
        text = decode(body, "input")
    except ReadError as err:
        check_refusal(err, "input")
        return
    fmt = (*[f for f in FORMATS if f != "jsonl"], None)[data[0] % 6]
    try:
        check_document(read_text(text, "input", fmt))
    except ReadError as err:
        check_refusal(err, "input")


if __name__ == "__main__":
    limits.configure(timeout=20)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
