"""Calendar arithmetic for casus.extract.dates: the anchor dates are read against, precision
from a span (UCDP date_prec), months and weeks, and the night over two days."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

_Span = tuple[date, date, int | None, bool]   # date_start, date_end, prec (None: from span), relative


@dataclass(frozen=True)
class _Anchor:
    day: date | None       # for relative expressions
    narrative: bool        # narrative context (same year) or publication date (most recent)
    year: int | None       # the year a narrative anchor lends to dates without one


def _prec(a: date, b: date) -> int:
    n = (b - a).days + 1
    if n <= 1:
        return 1
    if n <= 6:
        return 2
    if n <= 11:
        return 3
    return 4 if (a.year, a.month) == (b.year, b.month) else 5


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + m - 1 + k
    return t // 12, t % 12 + 1


def _year_for(a: _Anchor, m: int, d: int = 1) -> tuple[int | None, bool]:
    """The year of a date said without one, and whether that is known."""
    if a.narrative and a.year:
        return a.year, True
    if a.day is None:
        return None, False
    y = a.day.year
    try:
        return (y if date(y, m, min(d, 28 if m == 2 else d)) <= a.day else y - 1), True
    except ValueError:
        return None, False


def _night(gd: dict, get: Callable[[str], int | None], month: Callable[[str], int | None],
           a: _Anchor) -> _Span | None:
    """"the night of the 11th to the 12th", "la nuit du 11 au 12 mars": both days; the month and
    year, when not said, those of the most recent such night (the anchor's, in a narrative)."""
    d, d2, y = get("d"), get("d2"), get("y")
    assert d is not None and d2 is not None
    mo2 = month("mon2") or month("mon")
    rel = y is None
    if mo2 is None:
        if a.day is None:
            return None
        y, mo2 = a.day.year, a.day.month
        if not a.narrative and d2 > a.day.day:
            y, mo2 = _shift_month(y, mo2, -1)
    elif y is None:
        y, ok = _year_for(a, mo2, d2)
        if not ok or y is None:
            return None
    end = date(y, mo2, d2)
    start = end - timedelta(days=1)
    return (start, end, 2, rel) if start.day == d else None


def _period(t: date, unit: str, k: int, to_anchor: bool) -> tuple[date, date, int]:
    if unit == "week":
        start = t - timedelta(days=t.weekday()) + timedelta(weeks=k)
        return start, (t if to_anchor else start + timedelta(days=6)), 3
    if unit == "month":
        start, end = _month_span(*_shift_month(t.year, t.month, k))
        return start, (t if to_anchor else end), 4
    return date(t.year + k, 1, 1), (t if to_anchor else date(t.year + k, 12, 31)), 5
