"""Dates said in English and French text: ``find_dates`` and the running ``DateContext``.

Mentions are found by the patterns below (tables in ``casus/data/lexicon/dates.yaml``) and resolved
with the standard library; dateparser is not needed: the grammar already yields day, month and year.
Precision (``prec``) follows UCDP ``date_prec``, from the resolved span: 1 one day; 2 two to six
days; 3 a week or a third of a month (7–11 days: "last week", "early/mid/late September" =
days 1–10 / 11–20 / 21–end); 4 within one calendar month; 5 anything longer ("in 2015",
"mid-2023" = May–Aug, "late 2023" = Sep–Dec, "the start of 2023" = Jan–Apr).

Resolving against the anchor (``relative=True`` whenever the anchor supplied any part):

* a publication anchor (``narrative=False``): a date without a year is the most recent such date
  not after the anchor ("in August" read on 2023-09-30 → August 2023); a bare weekday is the most
  recent one on or before the anchor ("last Wednesday": strictly before; "next": strictly after).
* a narrative anchor (``narrative=True``, the last date the text gave): a date without a year takes
  the anchor's year; a bare weekday is the nearest one within three days either side.
* "two days later" / "the next day" / "la veille" count from the anchor; "last week" is the
  Monday–Sunday week before the anchor's; "earlier this month" runs from the 1st to the anchor.
* with no anchor, anything that needs one (no year, relative) is dropped; nothing reads today.
* a night over two days ("the night of the 11th to the 12th", "dans la nuit du 11 au 12",
  "overnight", "last night", "cette nuit") is both days (prec 2); "since Friday" / "depuis
  vendredi" runs from that day to the anchor.
* ``undated``: a report that gives no date of its own is coded as the 7 days ending at its
  publication (UCDP date_prec 3); the pipeline applies it to such documents' incidents.

Numeric dates are day first (28/09/2023), month first only when the first number exceeds 12. A
year is 1900–2099 standing alone (not glued to letters or other digits, not after a capitalised
word such as "Route"); "98 soldiers" and "G5" are never dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from text_to_num import text2num

from casus.extract.date_calc import _Anchor, _Span, _month_span, _night, _period, _prec, _shift_month, _year_for
from casus.extract.quantities import _after_name, _alt, _lexicon

__all__ = ["DateMention", "DateContext", "find_dates", "undated"]


@dataclass(frozen=True)
class DateMention:
    """A date said in the text: ``text == source[start:end]``, meaning ``[date_start, date_end]``."""

    start: int
    end: int
    text: str
    date_start: date
    date_end: date
    prec: int
    relative: bool
    part_of_day: str | None = None


_S = r"[ \u00a0\u202f]+"
_S0 = r"[ \u00a0\u202f]*"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_DASH = r"(?:-|–|—|to|and|au|et|à)"
_FEW = {  # counts of days, weeks... in "two days later", "il y a trois semaines"
    "en": "a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty",
    "fr": "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize vingt trente quarante",
}


class _Grammar:
    """Compiled patterns, in priority order, for one language."""

    def __init__(self, lang: str) -> None:
        lex = _lexicon("dates.yaml")[lang]
        self.lang = lang
        low = lambda d: {k.lower(): v for k, v in d.items()}  # noqa: E731
        self.months, self.weekdays = low(lex["months"]), low(lex["weekdays"])
        self.parts = low(lex["parts_of_day"])
        self.month_parts, self.year_parts = low(lex["month_parts"]), low(lex["year_parts"])
        self.rel_days, self.rel_periods = low(lex["relative_days"]), low(lex["relative_periods"])
        self.offsets, self.units = low(lex["offsets"]), low(lex["units"])
        self.weekday_prefix, self.weekday_suffix = lex["weekday_prefix"], lex["weekday_suffix"]
        since, nights = lex.get("weekday_since", []), lex["nights"]
        self.function_words = set(_lexicon("quantities.yaml")[lang]["name_function_words"])
        cap = (lambda ws: f"(?-i:{_alt(w.capitalize() for w in ws)})") if lang == "en" else _alt
        mon = rf"(?:{cap(self.months)})\b\.?"
        wd = rf"(?:{cap(self.weekdays)})\b"
        day = r"(?:[12]\d|3[01]|0?[1-9]|premier)(?!\d)(?:st|nd|rd|th|er|e)?\b"
        art = r"(?:(?:the|le)" + _S + ")?"
        opener = rf"(?:(?P<open>between|from|entre|du|de){_S}{art})?"
        parts = _alt(list(self.month_parts) + list(self.year_parts))
        pod = _alt(self.parts)
        preps = _alt(p for p in lex["month_preps"] if not p.endswith("'"))
        rel_n = rf"(?<![\w-])(?P<n>\d{{1,3}}|{_alt(_FEW[lang].split())}){_S}(?P<unit>{_alt(self.units)})"
        wd_pre = rf"(?:(?P<pre>{_alt(self.weekday_prefix)}){_S})?" if self.weekday_prefix else ""
        wd_since = rf"(?:(?P<since>{_alt(since)}){_S})?" if since else ""
        night = (rf"(?:(?:the|la){_S})?(?:{_alt(nights['lead'])}){_S}{art}(?P<d>{day})(?:{_S}(?:of{_S})?"
                 rf"(?P<mon>{mon}))?{_S0}(?:{_alt(nights['join'])}){_S0}{art}(?P<d2>{day})"
                 rf"(?:{_S}(?:of{_S})?(?P<mon2>{mon}))?(?:,?{_S}(?P<y>{_YEAR}))?")
        wd_post = rf"(?:{_S}(?P<post>{_alt(self.weekday_suffix)}))?" if self.weekday_suffix else ""
        P: list[tuple[str, str]] = [
            ("night", night),
            ("iso", rf"(?<![\d-])(?P<y>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"),
            ("num", rf"(?<![\d/.])(?P<d>\d{{1,2}})([/.])(?P<m>\d{{1,2}})\2(?P<y>{_YEAR})(?![/.]\d)"),
            ("dm2", rf"{opener}(?P<d>{day}){_S}(?:of{_S})?(?P<mon>{mon}){_S0}{_DASH}{_S0}{art}"
                    rf"(?P<d2>{day}){_S}(?:of{_S})?(?P<mon2>{mon})(?:,?{_S}(?P<y>{_YEAR}))?"),
            ("dm", rf"(?:(?P<wd>{wd}),?{_S})?{opener}(?P<d>{day})(?:{_S0}(?:{_DASH}|or|ou){_S0}{art}"
                   rf"(?P<d2>{day}))?{_S}(?:of{_S})?(?P<mon>{mon})(?:,?{_S}(?P<y>{_YEAR}))?"),
            ("md", rf"(?:(?P<wd>{wd}),?{_S})?(?P<mon>{mon}){_S0}(?P<d>{day})(?:{_S0}{_DASH}{_S0}"
                   rf"(?P<d2>{day}))?(?:,?{_S}(?P<y>{_YEAR}))?(?![\d,.]\d)"),
            ("part", rf"(?<![\w-])(?P<part>{parts})(?:{_S}|-)(?:(?P<mon>{mon})(?:,?{_S}(?P<y>{_YEAR}))?"
                     rf"|(?P<y2>{_YEAR}))"),
            ("my", rf"(?P<mon>{mon}){_S}(?:de{_S})?(?P<y>{_YEAR})"),
            ("mon", rf"(?:(?<![\w-])(?:{preps}){_S}|\bd['’])(?:(?:the{_S}month{_S}of|le{_S}mois{_S}"
                    rf"(?:de|d['’])){_S0})?(?P<mon>{mon})(?![\w-]|{_S0}\d)"),
            ("ago", rf"\bil{_S}y{_S}a{_S}{rel_n}\b"),
            ("later", rf"(?<!for )(?<!pendant )\b{rel_n}{_S}(?P<dir>{_alt(self.offsets)})\b"),
            ("reld", rf"(?<![\w'’-])(?P<rel>{_alt(self.rel_days)})(?![\w-])"),
            ("relp", rf"(?<![\w'’-])(?P<rel>{_alt(self.rel_periods)})(?![\w-])"),
            ("wd", rf"{wd_since}{wd_pre}(?<![\w-])(?P<wd>{wd}){wd_post}"),
            ("nth", rf"\bon{_S}(?P<the>the{_S}(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th))\b"),
            ("year", rf"(?<![\w$€£/.,-])(?<!\d[.,])(?P<y>{_YEAR})(?:{_S0}(?:-|–|to|and|à|et|au)"
                     rf"{_S0}(?P<y2>{_YEAR}))?(?![\w%]|[.,/-]\d)"),
        ]
        self.patterns = [(k, re.compile(p, re.I)) for k, p in P if not (k == "nth" and lang == "fr")]
        # every pattern needs a digit or one of these words: one cheap scan before the fifteen
        self.trigger = re.compile(r"\d|(?<!\w)(?:" + _alt([*self.months, *self.weekdays, *self.units,
                                     *self.rel_days, *self.rel_periods]) + r")(?!\w)", re.I)
        self.pod_before = re.compile(
            rf"(?:(?<=\W)|^)(?:the|la|le|l['’]){_S0}(?:early{_S}|late{_S})?(?P<pod>{pod})"
            rf"{_S}(?:of|du|de|d['’])?{_S0}$", re.I)
        self.pod_after = re.compile(
            rf"(?:,?{_S}(?:in{_S}the|au|dans{_S}la|en))?{_S}(?P<pod>{pod})(?![\w-])"
            rf"(?!{_S}(?:of|du|de|d['’]))", re.I)


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    if lang not in ("en", "fr"):
        raise ValueError(f"unsupported language {lang!r}; expected 'en' or 'fr'")
    return _Grammar(lang)


def _int(s: str | None, lang: str) -> int | None:
    if s is None:
        return None
    s = s.lower().rstrip(".")
    s = re.sub(r"(st|nd|rd|th|er|e)$", "", s) if s[:1].isdigit() else s
    if s in ("premier", "a", "an", "un", "une"):
        return 1
    try:
        return int(s) if s.isdigit() else int(text2num(s, lang))
    except ValueError:
        return None




def _resolve(kind: str, m: re.Match[str], a: _Anchor, g: _Grammar) -> _Span | None:
    gd = m.groupdict()
    get: Callable[[str], int | None] = lambda k: _int(gd.get(k), g.lang)  # noqa: E731
    month = lambda k: g.months.get(gd[k].lower().rstrip(".")) if gd.get(k) else None  # noqa: E731
    if kind in ("iso", "num"):
        d, mo, y = get("d"), get("m"), get("y")
        assert d is not None and mo is not None and y is not None
        if mo > 12 >= d:
            d, mo = mo, d
        return date(y, mo, d), date(y, mo, d), None, False
    if kind in ("dm", "dm2", "md"):
        d, d2, y = get("d"), get("d2"), get("y")
        mo = month("mon")
        mo2 = month("mon2") or mo
        assert d is not None and mo is not None and mo2 is not None
        rel = y is None
        if y is None:
            y, ok = _year_for(a, mo, d)
            if not ok or y is None:
                return None
        y1 = y - 1 if mo2 < mo else y
        start, end = date(y1, mo, d), date(y, mo2, d2 or d)
        return (start, end, None, rel) if start <= end else None
    if kind in ("part", "my", "mon"):
        mo, y = month("mon"), get("y") or get("y2")
        rel = y is None
        if mo is None:  # a part of a year: "mid-2023", "fin 2023"
            assert y is not None
            lo, hi = g.year_parts[gd["part"].lower()]
            return date(y, lo, 1), _month_span(y, hi)[1], 5, False
        if y is None:
            y, ok = _year_for(a, mo)
            if not ok or y is None:
                return None
        start, end = _month_span(y, mo)
        if gd.get("part"):
            lo, hi = g.month_parts[gd["part"].lower()]
            start, end = start.replace(day=lo), end.replace(day=min(hi, end.day))
        return start, end, None, rel
    if kind == "night":
        return _night(gd, get, month, a)
    if kind == "year":
        y, y2 = get("y"), get("y2") or get("y")
        assert y is not None and y2 is not None
        return (date(y, 1, 1), date(y2, 12, 31), 5, False) if y <= y2 else None
    if a.day is None:
        return None
    t = a.day
    if kind == "nth":
        d = get("d")
        assert d is not None
        y, mo = t.year, t.month
        if not a.narrative and d > t.day:
            y, mo = _shift_month(y, mo, -1)
        x = date(y, mo, d)
        return x, x, 1, True
    if kind == "wd":
        wd = g.weekdays[gd["wd"].lower()]
        delta = (t.weekday() - wd) % 7
        if gd.get("since"):  # "since Friday": from that day to the anchor
            return t - timedelta(days=delta), t, None, True
        way = g.weekday_prefix.get((gd.get("pre") or "").lower()) or \
            g.weekday_suffix.get((gd.get("post") or "").lower())
        if way == 1:
            x = t + timedelta(days=(wd - t.weekday()) % 7 or 7)
        elif way == -1:
            x = t - timedelta(days=delta or 7)
        elif a.narrative:
            x = t + timedelta(days=((wd - t.weekday() + 3) % 7) - 3)
        else:
            x = t - timedelta(days=delta)
        return x, x, 1, True
    if kind == "reld":
        v = g.rel_days[gd["rel"].lower()]
        x = t + timedelta(days=v[0] if isinstance(v, list) else v)
        if isinstance(v, list) and len(v) > 2:  # "overnight": a night over two days
            return x, t + timedelta(days=v[2]), None, True
        return x, x, 1, True
    if kind == "relp":
        unit, k, mode = g.rel_periods[gd["rel"].lower()]
        return (*_period(t, unit, k, mode == "to_anchor"), True)
    n, unit = get("n"), g.units[gd["unit"].lower()]
    if n is None:
        return None
    k = -n if kind == "ago" else n * g.offsets[gd["dir"].lower()]
    if unit == "day":
        x = t + timedelta(days=k)
        return x, x, 1, True
    if unit == "week":
        x = t + timedelta(days=7 * k)
        return x - timedelta(days=3), x + timedelta(days=3), 3, True
    return (*_period(t, unit, k, False), True)


def undated(published: date | None) -> DateMention | None:
    """The date of a report that gives none of its own: the days (``undated`` in dates.yaml, 7:
    UCDP date_prec 3) ending at its publication; nothing without a publication date."""
    if published is None:
        return None
    days = int(_lexicon("dates.yaml")["undated"]["days"])
    start = published - timedelta(days=days - 1)
    return DateMention(0, 0, "", start, published, _prec(start, published), True)


def _candidates(text: str, g: _Grammar) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping matches, earlier patterns first, in text order."""
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    if not g.trigger.search(text):
        return taken
    for kind, rx in g.patterns:
        for m in rx.finditer(text):
            s = m.start("the") if kind == "nth" else m.start("mon") if kind == "mon" else m.start()
            e = m.end()
            if kind == "year" and _after_name(text, s, g.function_words):
                continue
            if all(e <= s2 or s >= e2 for s2, e2, _, _ in taken):
                taken.append((s, e, kind, m))
    return sorted(taken, key=lambda c: c[0])


def _mention(text: str, c: tuple[int, int, str, re.Match[str]], a: _Anchor,
             g: _Grammar) -> tuple[DateMention, bool] | None:
    """Resolve one candidate; also say whether the text gave its year."""
    s, e, kind, m = c
    try:
        r = _resolve(kind, m, a, g)
    except (ValueError, OverflowError):  # no such day (30 February), or out of range
        r = None
    if r is None:
        return None
    start, end, prec, rel = r
    pod = None
    if kind == "reld" and isinstance(v := g.rel_days[m.group("rel").lower()], list):
        pod = v[1]
    elif kind == "night":
        pod = "night"
    if (before := g.pod_before.search(text, max(0, s - 40), s)) is not None:
        s, pod = before.start(), g.parts[before.group("pod").lower()]
    elif pod is None and (after := g.pod_after.match(text, e)) is not None:
        e, pod = after.end(), g.parts[after.group("pod").lower()]
    prec = prec or _prec(start, end)
    explicit = kind in ("iso", "num", "year") or bool(m.groupdict().get("y"))
    return DateMention(s, e, text[s:e], start, end, prec, rel, pod), explicit


def find_dates(text: str, anchor: date | None, lang: str = "en", *,
               narrative: bool = False) -> list[DateMention]:
    """All dates in ``text``, resolved against ``anchor`` (see the module docstring)."""
    g = _grammar(lang)
    a = _Anchor(anchor, narrative, anchor.year if anchor else None)
    return [r[0] for c in _candidates(text, g) if (r := _mention(text, c, a, g))]


class DateContext:
    """Reads a document sentence by sentence, keeping the last day-precise date (prec <= 2: the
    narrative anchor for what follows) and the document's year (from dates said with a year,
    prec <= 4). Before the text gives a date, the publication date is the anchor. A date more
    than a year before the narrative anchor is background and moves neither — unless it opens
    its sentence with its year ("On 1 September 2012, …"), where the story itself moves."""

    def __init__(self, published: date | None = None, lang: str = "en") -> None:
        self.published, self.lang = published, lang
        self.last: date | None = None
        self.year: int | None = None

    def _anchor(self) -> _Anchor:
        if self.last is not None:
            return _Anchor(self.last, True, self.last.year)
        return _Anchor(self.published, self.year is not None, self.year)

    def feed(self, text: str) -> list[DateMention]:
        """The dates in one sentence, each resolved against what came before it."""
        g, out = _grammar(self.lang), []
        for c in _candidates(text, g):
            r = _mention(text, c, self._anchor(), g)
            if r is None:
                continue
            mention, explicit = r
            out.append(mention)
            opens = explicit and mention.start <= 20  # "On 1 September 2012, …": the story moves there
            if self.last and mention.date_end < self.last - timedelta(days=365) and not opens:
                continue  # background ("founded on 28 October 2014"): keeps the narrative anchor
            if explicit and mention.prec <= 4:
                self.year = mention.date_start.year
            if mention.prec <= 2:
                self.last = mention.date_end
        return out
