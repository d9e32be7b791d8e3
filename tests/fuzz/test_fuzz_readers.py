"""Every reader on mutated and random bytes: Documents, or a ReadError naming the file (or the
feed's line) and why; never another exception, never a segment outside the text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import event, given, settings
from hypothesis import strategies as st

from casus.errors import ReadError
from casus.ingest import read_file, read_text
from casus.ingest.decode import decode
from casus.model import FORMATS, Document
from tests.fuzz.checks import check_document, check_items, check_refusal
from tests.fuzz.mutations import BUNDLED, EXTENSIONS, FUZZ, mutated, random_bytes


def read_bytes_as_file(data: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzzed{extension}"
        path.write_bytes(data)
        docs = check_items(read_file(path), str(path))
    event(f"{extension or 'no extension'}: {'read' if docs else 'refused'}")


def read_as_every_format(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    for fmt in (*[f for f in FORMATS if f != "jsonl"], None):
        try:
            doc = read_text(text, "fuzzed", fmt)
        except ReadError as err:
            check_refusal(err, "fuzzed")
            continue
        assert doc.text == text
        check_document(doc)


@settings(FUZZ, max_examples=120)
@given(data=st.data(), extension=st.sampled_from(EXTENSIONS))
def test_mutated_bundled_documents_read_or_are_refused(bundled, data, extension):
    read_bytes_as_file(data.draw(mutated(bundled), label="bytes"), extension)


@settings(FUZZ, max_examples=60)
@given(data=st.data(), extension=st.sampled_from(EXTENSIONS))
def test_mutated_wikipedia_corpus_reads_or_is_refused(wikipedia, data, extension):
    read_bytes_as_file(data.draw(mutated(wikipedia), label="bytes"), extension)


@settings(FUZZ, max_examples=120)
@given(data=random_bytes(), extension=st.sampled_from(EXTENSIONS))
def test_random_bytes_read_or_are_refused(data, extension):
    read_bytes_as_file(data, extension)


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_every_reader_on_mutated_text(bundled, data):
    read_as_every_format(data.draw(mutated(bundled), label="bytes"))


@settings(FUZZ, max_examples=80)
@given(data=random_bytes())
def test_decode_decodes_or_refuses(data):
    try:
        text = decode(data, "fuzzed")
    except ReadError as err:
        check_refusal(err, "fuzzed")
        return
    assert text.strip() and "\x00" not in text


def test_unmutated_documents_all_read(tmp_path):
    """The control: the documents before mutation read, every one, without a refusal."""
    for path in BUNDLED:
        items = list(read_file(path))
        assert items and all(isinstance(i, Document) for i in items), (path, items)
        check_items(items, str(path))
