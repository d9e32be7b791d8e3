"""What every reader shares: the ``Reading`` it returns and the ``Stream`` it writes content to.

A reader walks its markup and tells a ``Stream`` which ranges of the original to keep, which to
read as something else (an entity, a separator) and where blocks break. ``Stream.segments``
then lays the content out the same way for every format: paragraphs separated by one
zero-width ``"\\n\\n"``, no leading or trailing white space, white space inside a paragraph kept
as it stands in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from casus.model import Segment, fold

PARAGRAPH = "\n\n"
LINE = "\n"

BACK_MATTER = frozenset(
    {
        "references",
        "notes",
        "footnotes",
        "citations",
        "notes and references",
        "references and notes",
        "external links",
        "see also",
        "further reading",
        "bibliography",
        "sources",
    }
)
"""Section headings whose sections hold no reporting, only apparatus (dropped with their section)."""

_WS = re.compile(r"\s+")
_ISO_DATE = re.compile(
    r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$"
)

_Item = tuple[int, int, str | None]


def is_back_matter(heading: str) -> bool:
    """True for "References", "See also" and the like."""
    return fold(heading).strip(" :").casefold() in BACK_MATTER


def parse_date(value: object) -> date | None:
    """A publication date: a ``date``, an ISO 8601 string ("2023-09-28", "2023-09-28T21:00:00Z"),
    or a full date as feeds and pages write them ("Tue, 02 May 2024 09:15:00 GMT", "2 mai 2024"),
    read by dateparser with day, month and year required (never relative to today).

    Raises ValueError when the value is none of these."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value if type(value) is date else value.date()  # type: ignore[attr-defined]
    if isinstance(value, str) and (m := _ISO_DATE.fullmatch(value)):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as err:
            raise ValueError(f"not a date: {value!r} ({err})") from err
    if isinstance(value, str) and re.search(r"[^\W\d_]{3}", value) and (found := _dateparser(value)):
        return found  # the month is named: "12/03/2024" stays refused, it is ambiguous
    raise ValueError(f"not a date (ISO 8601, or day, month named and year): {value!r}")


def _dateparser(text: str) -> date | None:
    import dateparser  # loaded only for dates that are not ISO 8601

    parsed = dateparser.parse(
        text[:100], languages=["en", "fr"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                  "RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["timestamp", "custom-formats", "absolute-time"]},
    )
    return parsed.date() if parsed else None


class Malformed(Exception):
    """Raised by a reader that cannot make sense of its input; the caller names the document."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Reading:
    """What a reader found in one text: its content segments and its metadata."""

    segments: list[Segment]
    title: str | None = None
    url: str | None = None
    published: date | None = None
    lang: str | None = None
    infobox: dict[str, Any] | None = None


class Stream:
    """The content of one text in reading order, as a reader finds it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._items: list[_Item] = []

    def keep(self, start: int, end: int) -> None:
        """Keep ``text[start:end]`` as it stands."""
        if end > start:
            self._items.append((start, end, None))

    def replace(self, start: int, end: int, replacement: str) -> None:
        """Read ``replacement`` in place of ``text[start:end]`` (an entity, a rendered template)."""
        if replacement:
            self._items.append((start, end, replacement))

    def brk(self, pos: int, separator: str = PARAGRAPH) -> None:
        """A break at ``pos`` where removed markup separated blocks (or words: ``" "``)."""
        self._items.append((pos, pos, separator))

    def segments(self) -> list[Segment]:
        """The segments, laid out in paragraphs (see the module docstring)."""
        out: list[_Item] = []
        run: list[_Item] = []  # white space waiting for the next content
        for is_space, item in self._pieces():
            if is_space:
                run.append(item)
                continue
            if out and run:
                if sum(self._chunk(i).count("\n") for i in run) >= 2:
                    _add(out, (run[0][0], run[0][0], PARAGRAPH))
                else:
                    for piece in run:
                        _add(out, piece)
            run = []
            _add(out, item)
        return [Segment(start=s, end=e, replacement=r) for s, e, r in out]

    def _chunk(self, item: _Item) -> str:
        start, end, replacement = item
        return self.text[start:end] if replacement is None else replacement

    def _pieces(self) -> Iterator[tuple[bool, _Item]]:
        """Items cut into white-space and content pieces."""
        for start, end, replacement in self._items:
            if replacement is not None:
                yield not replacement.strip(), (start, end, replacement)
                continue
            pos = start
            for m in _WS.finditer(self.text, start, end):
                if m.start() > pos:
                    yield False, (pos, m.start(), None)
                yield True, (m.start(), m.end(), None)
                pos = m.end()
            if pos < end:
                yield False, (pos, end, None)


def _add(out: list[_Item], item: _Item) -> None:
    """Append, merging a kept range into the kept range it continues."""
    if item[2] is None and out and out[-1][2] is None and out[-1][1] == item[0]:
        out[-1] = (out[-1][0], item[1], None)
    else:
        out.append(item)
