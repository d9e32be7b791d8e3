"""The megabyte-scale hostile inputs, once each, through every reader and extraction, against the
clock: each finishes (events, documents or a refusal naming it) within the time limit plus slack."""

from __future__ import annotations

import time

import pytest

from casus import limits
from casus.errors import DocumentError
from casus.extract.pipeline import extract
from casus.ingest import read_file, read_text
from casus.model import FORMATS
from tests.fuzz.checks import check_document, check_events, check_items, check_refusal
from tests.fuzz.mutations import HUGE

TIMEOUT = 8.0
SLACK = 4.0


@pytest.fixture(autouse=True)
def tight_limits():
    limits.configure(timeout=TIMEOUT)
    yield
    limits.reset()


@pytest.mark.parametrize("name", sorted(HUGE))
def test_huge_input_is_read_or_refused_in_time(name, tmp_path):
    data = HUGE[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    started = time.monotonic()
    docs = check_items(read_file(path), str(path))
    text = data.decode("utf-8", "replace")
    for fmt in (*[f for f in FORMATS if f != "jsonl"], None):
        t0 = time.monotonic()
        try:
            doc = read_text(text, name, fmt)
        except DocumentError as err:
            check_refusal(err, name)
        else:
            check_document(doc)
            docs.append(doc)
        assert time.monotonic() - t0 < TIMEOUT + SLACK, (name, fmt)
    doc = docs[0] if docs else None
    if doc is not None:
        t0 = time.monotonic()
        try:
            check_events(doc, extract(doc))
        except DocumentError as err:
            check_refusal(err, doc.doc_id)
        assert time.monotonic() - t0 < TIMEOUT + SLACK, (name, "extraction")
    assert time.monotonic() - started < 8 * (TIMEOUT + SLACK)


def test_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"killed " * 1_000_000)  # 7 MB
    [refusal] = list(read_file(path))
    assert isinstance(refusal, limits.TooLarge) and refusal.doc_id == str(path)
    assert "7.0 MB" in refusal.reason and "5.0 MB" in refusal.reason
