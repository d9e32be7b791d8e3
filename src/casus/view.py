"""The content of a document as one clean string, with every character traced to the original.

Readers describe content as segments of the original text (markup, link previews and debris are
simply left out). Extraction reads ``View.clean``; ``View.spans`` turns any clean range back into
offsets into the document exactly as read, which is what claims store.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from casus.model import Document, Segment, Span, span_text


@dataclass(frozen=True, slots=True)
class _Piece:
    clean_start: int
    clean_end: int
    raw_start: int
    raw_end: int
    literal: bool  # True: clean text is raw text char for char


class View:
    """Clean text of a document and the map back to its original offsets."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        segments = doc.segments or [Segment(start=0, end=len(doc.text))]
        parts: list[str] = []
        pieces: list[_Piece] = []
        pos = 0
        for seg in segments:
            chunk = doc.text[seg.start : seg.end] if seg.replacement is None else seg.replacement
            if not chunk:
                continue
            parts.append(chunk)
            pieces.append(
                _Piece(pos, pos + len(chunk), seg.start, seg.end, seg.replacement is None)
            )
            pos += len(chunk)
        self.clean = "".join(parts)
        self._pieces = pieces
        self._starts = [p.clean_start for p in pieces]

    def spans(self, start: int, end: int) -> list[Span]:
        """Original-text spans covering clean ``[start, end)``, adjacent ones merged."""
        out: list[Span] = []
        i = max(bisect_right(self._starts, start) - 1, 0)
        for piece in self._pieces[i:]:
            if piece.clean_start >= end:
                break
            lo, hi = max(start, piece.clean_start), min(end, piece.clean_end)
            if lo >= hi:
                continue
            if piece.literal:
                r0 = piece.raw_start + lo - piece.clean_start
                r1 = piece.raw_start + hi - piece.clean_start
            else:
                r0, r1 = piece.raw_start, piece.raw_end
            if r0 == r1:
                continue  # a separator the reader inserted: nothing in the original
            if out and out[-1].end >= r0:
                out[-1] = Span(start=out[-1].start, end=max(out[-1].end, r1))
            else:
                out.append(Span(start=r0, end=r1))
        return out

    def raw_offset(self, clean_pos: int) -> int:
        """The original offset of one clean character (its segment's start if replaced)."""
        i = max(bisect_right(self._starts, clean_pos) - 1, 0)
        piece = self._pieces[i]
        if piece.literal:
            return piece.raw_start + min(clean_pos - piece.clean_start, piece.raw_end - piece.raw_start)
        return piece.raw_start

    def quote(self, start: int, end: int) -> tuple[str, list[Span]]:
        """The quote of a clean range, as the original text says it, and its spans."""
        spans = self.spans(start, end)
        return span_text(self.doc.text, spans), spans
