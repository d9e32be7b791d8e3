"""Counts of people and things in English and French text: ``find_quantities``, ``parse_quantity``.

A :class:`Quantity` is a span of the input with a ``[low, high]`` range. Rules:

* Figures: ``98``, ``1,200``, ``1 200`` (space, no-break space), ``1.5 million``; in French the
  thousands separator may also be ``.`` (``1.200``) and the decimal mark is ``,``.
* Number words are read by text2num (``ninety-eight``, ``two hundred and fifty``,
  ``quatre-vingt-dix-huit``); ``a hundred`` = 100; ``two dozen`` = 24. A lone French ``un``/``une``
  is an article, not a count; English ``one`` after no/any/every/the/this/that/which/each or
  before ``another`` is not a count either.
* Vague phrases (``dozens``, ``une dizaine``...), set phrases (``a dozen``), modifiers
  (``about``, ``at least``, ``plus de``...) and their range rules live in
  ``casus/data/lexicon/quantities.yaml``; its header is the reference table.
* Ranges: ``between 10 and 15``, ``10 to 15``, ``10-15``, ``two or three``, ``entre 10 et 15``,
  ``de 10 à 15``; the first figure must be smaller than the second.
* ``approx`` is True for every quantity that is not one exact figure; ``kind`` says which rule
  made it: exact, vague, range, or the modifier's rule (about, point, nearly, min, min_strict,
  max, max_strict).

Not counts, and never returned: a 4-digit figure 1900–2100 without a separator and without a
modifier (a year: "the 2023 attack"; "2,000 troops" is kept, "2000 troops" is not); ordinals
(``33rd``, ``1er``); figures glued to letters (``G5``, ``Mi-24``, ``5-year``) or part of a
date,
time or numeric date (``September 28``, ``27 au 28 septembre``, ``10:30``, ``28/09/2023``); a
figure right after a capitalised word that is not a function word (``Route 66``, ``Barkhane 2``)
or after ``No.``/``n°``/``#``; money (``$5``, ``5 dollars``); and any number or vague phrase
followed by a unit of time, distance, share or money (``two hours of fighting``, ``5 km``,
``10%``, ``several days``) — durations and measures are not counts of people or things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from text_to_num import text2num

__all__ = ["Quantity", "find_quantities", "parse_quantity"]


@dataclass(frozen=True)
class Quantity:
    """A count said in the text: ``text == source[start:end]``, value in ``[low, high]``."""

    start: int
    end: int
    low: int
    high: int
    approx: bool
    text: str
    kind: str = "exact"


_NUMBER_WORDS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion",
    "fr": "zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize vingt vingts trente quarante cinquante soixante cent cents mille million "
    "millions milliard milliards",
}
_SCALES = {"hundred": 100, "thousand": 1000, "mille": 1000, "million": 10**6, "millions": 10**6,
           "billion": 10**9, "milliard": 10**9, "milliards": 10**9, "dozen": 12}
_NOT_ONE_BEFORE = re.compile(r"(?:^|\W)(?:no|any|every|the|this|that|which|each)\s+$", re.I)
_NAME_MARK = re.compile(r"(?:\bNo\.|\bno\.|n°|N°|nº|#)\s*$")
_CAP_WORD = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][\w’'-]*)[ \u00a0]+$")
_SP = r"[ \u00a0\u202f]"
_DOZEN = re.compile(rf"{_SP}+dozen(?![\w-])", re.I)


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def _lexicon(name: str) -> dict[str, Any]:
    path = resources.files("casus") / "data" / "lexicon" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _Grammar:
    """Compiled patterns and tables for one language."""

    def __init__(self, lang: str) -> None:
        lex = _lexicon("quantities.yaml")[lang]
        self.lang = lang
        self.vague = {k.lower(): tuple(v) for k, v in lex["vague"].items()}
        self.exact = {k.lower(): v for k, v in lex["exact"].items()}
        self.mods = {k.lower(): v for k, v in lex["modifiers"].items()}
        self.function_words = set(lex["name_function_words"])
        words = _alt(_NUMBER_WORDS[lang].split())
        sep = rf"(?:{_SP}+|-)(?:(?:and|et)(?:{_SP}+|-))?"
        article = rf"(?:\ban?{_SP}+(?=(?:hundred|thousand|million)\b))?" if lang == "en" else ""
        thou, dec = (r"[,\u00a0\u202f ]", r"\.") if lang == "en" else (r"[.\u00a0\u202f ]", ",")
        scales = "hundred|thousand|million|billion|dozen" if lang == "en" else \
            "millions?|milliards?|mille"
        digits = (rf"(?<![\w])(?<!\d[.,:/])(?<![^\W\d_]-)"
                  rf"(?P<num>\d{{1,3}}(?:{thou}\d{{3}})+|\d+)(?!\d)(?P<dec>{dec}\d+)?"
                  rf"(?:{_SP}+(?P<scale>{scales}))?(?![.,:/]\d)(?!-?[^\W\d_])(?!%)")
        self.atom = re.compile(
            rf"(?<![\w-])(?P<phrase>{_alt(list(self.vague) + list(self.exact))})(?![\w-])"
            rf"|(?<![\w-])(?P<words>{article}(?:{words})(?:{sep}(?:{words}))*)(?!-?\w)"
            rf"|{digits}", re.I)
        self.units = re.compile(
            rf"{_SP}*(?:of{_SP}+|de{_SP}+|d['’])?(?:{_alt(lex['units'])})(?![\w%])", re.I)
        self.currency = re.compile(rf"(?:{_alt(lex['currency_before'])}){_SP}*$")
        self.modifier = re.compile(rf"(?:^|(?<=\W))({_alt(self.mods)}){_SP}+$", re.I)
        self.range_open = re.compile(rf"(?:^|(?<=\W))({_alt(lex['range_open'])}){_SP}+$", re.I)
        self.range_join = re.compile(rf"{_SP}*({_alt(lex['range_join'])}){_SP}*", re.I)
        months = _lexicon("dates.yaml")[lang]["months"]
        mon = _alt(m.capitalize() for m in months) if lang == "en" else f"(?i:{_alt(months)})"
        day = r"\d{1,2}(?:er|st|nd|rd|th|e)?"
        self.date_mask = re.compile(
            rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{1,2}}[:h]\d\d"
            rf"|\b(?:{mon})\b\.?{_SP}*{day}(?:{_SP}*(?:-|–|to|and){_SP}*{day})?\b"
            rf"|\b{day}(?:{_SP}*(?:-|–|to|and|au|et|or|ou){_SP}*(?:le{_SP}+)?{day})?"
            rf"{_SP}+(?:of{_SP}+)?(?:{mon})\b")


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    if lang not in _NUMBER_WORDS:
        raise ValueError(f"unsupported language {lang!r}; expected 'en' or 'fr'")
    return _Grammar(lang)


def _t2n(words: list[str], lang: str) -> int | None:
    if words and words[0].lower() in ("a", "an"):
        words = words[1:]
    try:
        return int(text2num(" ".join(words).lower(), lang))
    except ValueError:
        return None


def _word_atoms(m: re.Match[str], lang: str) -> list[tuple[int, int, int]]:
    """Split a run of number words into the longest prefixes text2num accepts."""
    toks = [(t.start(), t.end(), t.group()) for t in re.finditer(r"[^\s\u00a0\u202f-]+", m.group())]
    out, i, base = [], 0, m.start()
    while i < len(toks):
        if toks[i][2].lower() in ("and", "et"):
            i += 1
            continue
        for j in range(len(toks), i, -1):
            if toks[j - 1][2].lower() in ("and", "et", "a", "an"):
                continue
            value = _t2n([t[2] for t in toks[i:j]], lang)
            if value is not None:
                out.append((base + toks[i][0], base + toks[j - 1][1], value))
                i = j
                break
        else:
            i += 1
    return out


def _after_name(text: str, start: int, function_words: set[str]) -> bool:
    """Whether the figure at ``start`` is part of a name: "Route 66", "Barkhane 2", "No. 5"."""
    before = text[max(0, start - 40):start]
    cap = _CAP_WORD.search(before)
    return bool(_NAME_MARK.search(before) or (cap and cap.group(1) not in function_words))


def _atoms(text: str, g: _Grammar) -> list[list[Any]]:
    """Candidate counts as ``[start, end, low, high, kind, excluded]``."""
    masked = [(m.start(), m.end()) for m in g.date_mask.finditer(text)]
    atoms: list[list[Any]] = []
    for m in g.atom.finditer(text):
        if m.group("phrase"):
            p = m.group("phrase").lower()
            lo, hi = g.vague[p] if p in g.vague else (g.exact[p], g.exact[p])
            found = [(m.start(), m.end(), lo, hi, "vague" if p in g.vague else "exact")]
        elif m.group("words"):
            found = [(s, e, v, v, "exact") for s, e, v in _word_atoms(m, g.lang)]
            dozen = _DOZEN.match(text, m.end()) if found and g.lang == "en" else None
            if dozen and found[-1][1] == m.end():
                s, _, v, _, _ = found.pop()
                found.append((s, dozen.end(), 12 * v, 12 * v, "exact"))
        else:
            sep = "," if g.lang == "en" else "."
            num = re.sub(rf"[{sep}\u00a0\u202f ]", "", m.group("num"))
            value = float(num + (m.group("dec") or "").replace(",", "."))
            scale = m.group("scale")
            value *= _SCALES[scale.lower()] if scale else 1
            if value != int(value) or any(s <= m.start() < e for s, e in masked):
                continue
            found = [(m.start(), m.end(), int(value), int(value), "digits")]
        for s, e, lo, hi, kind in found:
            word = text[s:e].lower()
            excluded = bool(g.units.match(text, e) or g.currency.search(text, max(0, s - 6), s))
            if kind == "digits":
                excluded |= _after_name(text, s, g.function_words)
                kind = "year" if re.fullmatch(r"\d{4}", word) and 1900 <= lo <= 2100 else "exact"
            elif g.lang == "fr" and word in ("un", "une"):
                excluded = True
            elif word == "one":
                excluded |= bool(_NOT_ONE_BEFORE.search(text[max(0, s - 12):s])
                                 or re.match(r"\s+another\b", text[e:e + 9], re.I))
            atoms.append([s, e, lo, hi, kind, excluded])
    return atoms


def _apply(rule: str, n: int) -> tuple[int, int]:
    lo, hi = {
        "about": (9 * n // 10, -(-11 * n // 10)),
        "point": (n, n),
        "nearly": (9 * n // 10, n - 1),
        "min": (n, n),
        "min_strict": (n + 1, -(-12 * n // 10)),
        "max": (-(-8 * n // 10), n),
        "max_strict": (-(-8 * n // 10), n - 1),
    }[rule]
    return max(0, min(lo, hi)), max(lo, hi, 0)


def find_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """All counts in ``text`` in order of appearance (see the module docstring for the rules)."""
    g = _grammar(lang)
    atoms = _atoms(text, g)
    out: list[Quantity] = []
    i = 0
    while i < len(atoms):
        s, e, lo, hi, kind, excluded = atoms[i]
        approx = kind == "vague"
        if i + 1 < len(atoms) and kind in ("exact", "year") and atoms[i + 1][4] in ("exact", "year"):
            nxt = atoms[i + 1]
            join = g.range_join.fullmatch(text, e, nxt[0])
            opener = g.range_open.search(text, max(0, s - 12), s)
            word = join.group(1).lower() if join else ""
            if join and lo < nxt[2] and (opener or word not in ("and", "et")):
                excluded = (excluded or nxt[5]) or (kind == "year" and nxt[4] == "year")
                s = opener.start(1) if opener else s
                e, hi, kind, approx = nxt[1], nxt[3], "range", True
                i += 1
        i += 1
        mod = g.modifier.search(text, max(0, s - 30), s)
        if kind == "year" and not mod:
            continue
        kind = "exact" if kind == "year" else kind
        if excluded:
            continue
        if mod:
            rule = g.mods[mod.group(1).lower()]
            if kind == "exact":
                lo, hi = _apply(rule, lo)
                kind = rule
            s, approx = mod.start(1), True
        out.append(Quantity(s, e, lo, hi, approx, text[s:e], kind))
    return out


def parse_quantity(phrase: str, lang: str = "en") -> Quantity | None:
    """The quantity that ``phrase`` is as a whole ("about 50", "une dizaine"), else None."""
    stripped = phrase.strip()
    lead = len(phrase) - len(phrase.lstrip())
    found = find_quantities(stripped, lang)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        q = found[0]
        return Quantity(q.start + lead, q.end + lead, q.low, q.high, q.approx, q.text, q.kind)
    return None
