"""Pages scraped from an encyclopedia mirror (the seed article's kind).

Such a page is the article's prose with three kinds of noise, all left out of the segments:

- navigation debris at the top: the title line, then "HOME", "TheInfoList", "OR:";
- link previews: every linked term starts a line of its own and the linked article's opening,
  cut off with " ...", follows it on that line ("Bourem Bourem is a commune ... ..."), before the
  prose goes on on the next line. The term is kept, the preview dropped;
- the category blob at the end, from ``{{DEFAULTSORT:`` on, and back-matter sections
  ("References").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from casus.ingest.base import Reading, Stream, is_back_matter

HEADER_DEBRIS = frozenset({"home", "theinfolist", "or:"})
"""Lines of the mirror's navigation bar (compared stripped and case-folded)."""
CATEGORY_BLOB = "{{DEFAULTSORT:"

MIN_PREVIEW = 60
"""Fewest characters a preview has after its term (the mirror cuts them at about 250)."""
MAX_TERM_WORDS = 12
MAX_HEADING_WORDS = 6
WEAK, STRONG = 1, 2

_LINE = re.compile(r"[^\n]*\n?")
_WORD = re.compile(r"\w+")
_ARTICLE = re.compile(r"(?:The|A|An)\s")
_NOT_IN_TERM = re.compile(r"[()\[\];:]|\.\s")
_DEFINITION = re.compile(
    r" \(| (?:is|was|are|were)\b| may refer to\b| refers? to\b| (?:is|was) (?:a|an|the)\b"
)
_SENTENCE_END = re.compile(r"[.!?:;,\"”]\s*$")


def looks_like_mirror(text: str) -> bool:
    """True for a page with the mirror's navigation debris, category blob or link previews."""
    head = text[:400].casefold()
    if "theinfolist" in head:
        return True
    blob = text.find(CATEGORY_BLOB)
    if blob >= 0 and "}}" not in text[blob:]:
        return True  # the mirror flattens categories into an unclosed template
    lines = text.splitlines()
    return sum(1 for i in range(len(lines)) if _preview_term_end(lines, i) is not None) >= 2


def read(text: str) -> Reading:
    """Segments of a mirror page: its prose without debris, previews or categories."""
    lines = list(_lines(text))
    title, first = _header(text, lines)
    end = text.find(CATEGORY_BLOB)
    end = len(text) if end < 0 else end
    stream = Stream(text)
    plain = [text[s:e].rstrip("\n") for s, e in lines]
    in_back_matter = False
    for i in range(first, len(lines)):
        start, stop = lines[i]
        if start >= end:
            break
        stop = min(stop, end)
        heading = _heading_strength(plain, i, first)
        if heading and is_back_matter(plain[i]):
            in_back_matter = True
        elif heading == STRONG:
            in_back_matter = False
        if in_back_matter:
            continue
        term_end = _preview_term_end(plain, i)
        if term_end is None:
            stream.keep(start, stop)
        else:
            stream.keep(start, start + term_end)
            stream.keep(start + len(plain[i]), stop)  # the line's newline
    return Reading(stream.segments(), title=title)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    for m in _LINE.finditer(text):
        if m.end() > m.start():
            yield m.start(), m.end()


def _header(text: str, lines: list[tuple[int, int]]) -> tuple[str | None, int]:
    """The page title and the index of the first line of prose after the navigation debris."""
    title = None
    i = 0
    for i, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        if not line or line.casefold() in HEADER_DEBRIS:
            continue
        if title is None and i == 0 and _has_debris_after(text, lines):
            title = line
            continue
        return title, i
    return title, len(lines)


def _has_debris_after(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when the first line is followed by navigation debris (so it is the title line)."""
    return any(text[s:e].strip().casefold() in HEADER_DEBRIS for s, e in lines[1:6])


def _heading_strength(lines: list[str], i: int, first: int) -> int:
    """STRONG for a heading as the mirror sets them (a short line with no closing punctuation,
    two blank lines before it and one after), WEAK for such a line with one blank line before
    (a short paragraph, or a heading), else 0."""
    line = lines[i].strip()
    if (
        not line
        or len(line.split()) > MAX_HEADING_WORDS
        or _SENTENCE_END.search(line)
        or (i + 1 < len(lines) and lines[i + 1].strip())
    ):
        return 0
    blanks = 0
    while blanks < 2 and i - blanks - 1 >= first and not lines[i - blanks - 1].strip():
        blanks += 1
    if blanks == 2 or i - blanks == first:
        return STRONG
    return WEAK if blanks else 0


def _preview_term_end(lines: list[str], i: int) -> int | None:
    """Where the linked term ends on line ``i`` when the rest of the line is a link preview."""
    line = lines[i].rstrip()
    if not line.endswith(("...", "…")):
        return None
    before = i > 0 and lines[i - 1].strip()
    after = i + 1 < len(lines) and lines[i + 1].strip()
    if not (before or after):
        return None  # a paragraph of its own: prose, not a link in a sentence
    end = _term_end(line)
    if end is None or len(line) - end < MIN_PREVIEW:
        return None
    return end


def _term_end(line: str) -> int | None:
    """The end of the term a preview line starts with, found by the first rule that applies:
    the preview repeats the term ("Bourem Bourem is", "Wagner Group The Wagner Group ("),
    the preview opens with an article ("... Development The Strategic Framework ..."),
    or the term and the opening sentence are one ("Le Monde (; ) is a ...")."""
    best, best_score = None, 0
    for space in _spaces(line):
        term, rest = line[:space], line[space + 1 :]
        if (m := _ARTICLE.match(rest)) is not None:
            rest = rest[m.end() :]
        score = _shared_words(term, rest)
        if score > best_score:
            best, best_score = space, score
    if best is not None:
        return best
    for space in _spaces(line):
        if _ARTICLE.match(line, space + 1):
            return space
    m = _DEFINITION.search(line)
    if m and _plausible_term(line[: m.start()]):
        return m.start()
    return None


def _spaces(line: str) -> Iterator[int]:
    """Positions of the spaces that could end a term, left to right."""
    for m in re.finditer(" ", line):
        if not _plausible_term(line[: m.start()]):
            return
        yield m.start()


def _plausible_term(term: str) -> bool:
    return bool(term.strip()) and len(term.split()) <= MAX_TERM_WORDS and not _NOT_IN_TERM.search(term)


def _shared_words(term: str, rest: str) -> int:
    """How many words the preview opens with are the term's (first words may share a stem).
    Counts only when all of the term is repeated or, failing that, the first word is."""
    a = [w.casefold() for w in _WORD.findall(term)]
    b = [w.casefold() for w in _WORD.findall(rest)[: len(a)]]
    if not a or not b:
        return 0
    if a == b:
        return 2 * len(a)  # the whole term repeated beats any partial match
    if _same_stem(a[0], b[0]):
        return sum(1 for x, y in zip(a, b) if x == y) or 1
    return 0


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 5 and common >= min(len(a), len(b)) - 2
