"""The properties every input must keep, whatever it is: shared by the fuzz tests and the atheris
harnesses in fuzz/.

- A reader gives Documents or a ReadError naming the document and a reason; never another
  exception, and never a reason that only wraps a crash ("reader failed: …").
- A Document's segments lie inside its text, in order.
- Extraction gives events or a DocumentError naming the document; never a crash wrapped as a
  refusal ("extraction failed: …"); every claim's spans lie inside the text and quote it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable

from casus.errors import DocumentError, ReadError
from casus.model import Document, Event, span_text
from casus.view import View

CRASHES = ("reader failed:", "extraction failed:")
"""How casus words a refusal that only wraps an unexpected exception: a bug to report."""


def check_refusal(err: DocumentError, doc_id: str) -> None:
    assert isinstance(err, DocumentError), repr(err)
    assert err.doc_id.startswith(doc_id), (err.doc_id, doc_id)
    assert err.reason and err.reason.strip(), repr(err)
    assert not err.reason.startswith(CRASHES), f"a crash reported as a refusal: {err}"
    assert str(err).startswith(err.doc_id), str(err)


def check_document(doc: Document) -> None:
    previous = 0
    for seg in doc.segments:
        assert previous <= seg.start <= seg.end <= len(doc.text), (doc.doc_id, seg, len(doc.text))
        previous = seg.end
    view = View(doc)
    assert view.clean.strip(), doc.doc_id
    for start in range(0, len(view.clean), max(1, len(view.clean) // 50)):
        for span in view.spans(start, start + 40):
            assert 0 <= span.start < span.end <= len(doc.text), (doc.doc_id, span)


def check_items(items: Iterable[Document | ReadError], name: str) -> list[Document]:
    """Check what a reader yielded for the file ``name``; the documents it read."""
    docs = []
    for item in items:
        if isinstance(item, Document):
            check_document(item)
            docs.append(item)
        else:
            check_refusal(item, name)
    return docs


def check_events(doc: Document, events: list[Event]) -> int:
    """Check the events of ``doc``; the number of claims checked."""
    n = 0
    for event in events:
        assert doc.doc_id in event.doc_ids, (doc.doc_id, event.doc_ids)
        for claim in event.claims:
            assert claim.spans, (doc.doc_id, claim)
            for span in [*claim.spans, *([claim.context] if claim.context else [])]:
                assert 0 <= span.start <= span.end <= len(doc.text), (doc.doc_id, span, len(doc.text))
            assert span_text(doc.text, claim.spans) == claim.quote, (doc.doc_id, claim.quote, claim.spans)
            n += 1
    return n
