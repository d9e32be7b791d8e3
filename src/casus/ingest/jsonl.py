"""JSON Lines of documents, one report per line, as a news feed delivers them:

    {"id": "...", "text": "...", "title"?: "...", "url"?: "...", "published"?: "2024-01-31", "lang"?: "en"}

Each good line becomes a ``Record``; each bad one (invalid JSON, no id or text, a field of the
wrong type, a bad date, an id already seen) a ReadError naming ``file:line`` and the reason,
and the lines after it still come through. Other fields are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from casus.errors import ReadError
from casus.ingest.base import parse_date

TEXT_FIELDS = ("title", "url", "lang")


@dataclass
class Record:
    """One document of a feed: its id, its text and what the line says about it."""

    line: int
    doc_id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def records(text: str, name: str) -> Iterator[Record | ReadError]:
    """The records of a JSON Lines file named ``name``; blank lines are skipped."""
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 is not a line end
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = _record(line, number)
        except ValueError as err:
            yield ReadError(where, str(err))
            continue
        if record.doc_id in seen:
            yield ReadError(where, f"duplicate id {record.doc_id!r} (first on line {seen[record.doc_id]})")
            continue
        seen[record.doc_id] = number
        yield record


def _record(line: str, number: int) -> Record:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"invalid JSON: {err.msg} at column {err.colno}") from err
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError(f"a line must hold a JSON object, not {type(data).__name__}")
    doc_id = data.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or str(doc_id).strip() == "":
        raise ValueError("missing id" if doc_id in (None, "") else f"id must be a string, not {doc_id!r}")
    text = data.get("text")
    if text is None:
        raise ValueError("missing text")
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise ValueError("empty text")
    meta: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key} must be a string, not {type(value).__name__}")
        meta[key] = value or None
    meta["published"] = _published(data.get("published"))
    return Record(number, str(doc_id), text, meta)


def _published(value: object) -> date | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"published must be an ISO 8601 date string, not {value!r}")
    try:
        return parse_date(value)
    except ValueError as err:
        raise ValueError(f"bad published date: {err}") from err
