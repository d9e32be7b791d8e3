"""JSON Lines: one event a line, exactly the Event model (docs/event-record.md)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from casus.model import Event


def event_line(event: Event) -> str:
    return event.model_dump_json(exclude_none=False)


def write_event(event: Event, out: TextIO) -> None:
    out.write(event_line(event) + "\n")


def write(events: Iterable[Event], out: TextIO, docs: Mapping[str, Any] | None = None, **_: Any) -> int:
    """Write every event as ``casus extract`` does; returns the number of lines."""
    n = 0
    for event in events:
        write_event(event, out)
        n += 1
    return n
