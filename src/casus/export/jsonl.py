"""JSON Lines: one event a line, exactly the Event model (docs/event-record.md)."""

from __future__ import annotations

from typing import TextIO

from casus.model import Event


def event_line(event: Event) -> str:
    return event.model_dump_json(exclude_none=False)


def write_event(event: Event, out: TextIO) -> None:
    out.write(event_line(event) + "\n")
