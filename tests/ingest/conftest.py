"""Fixtures for the reader tests: test data, samples, and the checks every reader must pass
(segments in reading order, the span invariant). ``shared`` and ``seed_path`` (the seed as
bundled in samples/) come from tests/conftest.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from casus.model import Document, Segment, fold
from casus.view import View

REPO = Path(__file__).resolve().parents[2]
_SPACE = re.compile(r"\s+")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return REPO / "samples"


@pytest.fixture(scope="session")
def check_segments() -> Callable[[Document], None]:
    return _check_segments


@pytest.fixture(scope="session")
def check_all_ranges() -> Callable[..., None]:
    return _check_all_ranges


@pytest.fixture(scope="session")
def check_range() -> Callable[[Document, View, int, int], None]:
    return _check_range


def _check_segments(doc: Document) -> None:
    """Segments in reading order, inside the text, never overlapping; clean text laid out in
    paragraphs with no white space at either end."""
    previous_end = 0
    for seg in doc.segments:
        assert previous_end <= seg.start <= seg.end <= len(doc.text), (doc.doc_id, seg)
        assert seg.replacement is not None or seg.end > seg.start, (doc.doc_id, seg)
        previous_end = seg.end
    clean = View(doc).clean
    assert clean and clean == clean.strip(), doc.doc_id
    assert "\n\n\n" not in clean, doc.doc_id


def _check_range(doc: Document, view: View, start: int, end: int) -> None:
    """The span invariant: a clean range quotes back to the same words in the original.

    With no replacement in the range, the original text of its spans, folded, is the folded
    clean text; with only white-space replacements (separators), the quote has the same
    characters apart from white space (a separator stands for nothing in the original)."""
    clean = view.clean[start:end]
    spans = view.spans(start, end)
    for a, b in zip(spans, spans[1:]):
        assert a.end < b.start, (doc.doc_id, spans)
    replaced = _replacements(doc, start, end)
    if not replaced:
        original = "".join(doc.text[s.start : s.end] for s in spans)
        assert fold(original) == fold(clean), (doc.doc_id, start, end)
    if all(r.start == r.end and not r.replacement.strip() for r in replaced):
        quote, _ = view.quote(start, end)
        assert _SPACE.sub("", quote) == _SPACE.sub("", clean), (doc.doc_id, start, end)


def _replacements(doc: Document, start: int, end: int) -> list[Segment]:
    """The replacement segments that make up part of clean ``[start, end)``."""
    found, pos = [], 0
    for seg in doc.segments:
        length = len(seg.replacement) if seg.replacement is not None else seg.end - seg.start
        if seg.replacement is not None and length and pos < end and pos + length > start:
            found.append(seg)
        pos += length
    return found


def _check_all_ranges(doc: Document, step: int = 7) -> None:
    """check_range over many ranges of the document: every paragraph, and sliding windows."""
    view = View(doc)
    n = len(view.clean)
    pos = 0
    for paragraph in view.clean.split("\n\n"):
        _check_range(doc, view, pos, pos + len(paragraph))
        pos += len(paragraph) + 2
    for start in range(0, n, step):
        _check_range(doc, view, start, min(n, start + 3 * step + 1))
