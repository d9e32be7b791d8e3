"""Extraction on mutated documents: events whose every claim quotes the document exactly (spans
inside the text, ``span_text(spans) == quote``), or a refusal naming the document; never a crash,
never a hang (the document-level time limit)."""

from __future__ import annotations

from hypothesis import event, given, settings
from hypothesis import strategies as st

from casus.errors import DocumentError
from casus.extract.pipeline import extract
from casus.ingest import read_text
from tests.fuzz.checks import check_events, check_refusal
from tests.fuzz.mutations import FUZZ, mutated


def extract_checked(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    try:
        doc = read_text(text, "fuzzed")
    except DocumentError as err:
        check_refusal(err, "fuzzed")
        event("refused by the reader")
        return
    try:
        events = extract(doc)
    except DocumentError as err:
        check_refusal(err, "fuzzed")
        event("refused by extraction")
        return
    claims = check_events(doc, events)
    event(f"{doc.format}: {'events' if events else 'no event'}")
    event(f"claims checked: {'some' if claims else 'none'}")


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_mutated_bundled_documents_extract_or_are_refused(bundled, data):
    extract_checked(data.draw(mutated(bundled, max_ops=4), label="bytes"))


@settings(FUZZ, max_examples=30)
@given(data=st.data())
def test_mutated_wikipedia_corpus_extracts_or_is_refused(wikipedia, data):
    extract_checked(data.draw(mutated(wikipedia, max_ops=4), label="bytes"))


def test_seed_unmutated_quotes_back(seed_path):
    """The control: the seed's claims all quote it exactly."""
    doc = read_text(seed_path.read_text(encoding="utf-8"), "seed")
    assert check_events(doc, extract(doc)) > 5
