"""Plain text: all of it is content, laid out in paragraphs at blank lines."""

from __future__ import annotations

from casus.ingest.base import Reading, Stream


def read(text: str) -> Reading:
    """Segments of plain text: its paragraphs."""
    stream = Stream(text)
    stream.keep(0, len(text))
    return Reading(stream.segments())
