"""Markdown with YAML front matter (the corpus format).

The front matter becomes ``infobox`` (the whole mapping) and gives ``title``, ``published``,
``lang`` and ``url`` when it has them. In the body, headings are paragraphs of their own, list
items too; emphasis markers, link syntax (``[label](url)`` reads "label"), images, footnote
markers and definitions, HTML tags, code fences and back-matter sections ("References",
"See also") are dropped. Tables are dropped too: their cells are not prose, and a row read as
a sentence ("2010 7 soldiers 18 soldiers") misleads extraction more than it helps.
"""

from __future__ import annotations

import html
import re
from typing import Any

import yaml

from casus.ingest.base import Malformed, Reading, Stream, is_back_matter, parse_date

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_LINE = re.compile(r"[^\n]*\n?")
_FENCE = re.compile(r"[ \t]*(```|~~~)")
_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"[ \t]*([-=*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$|[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_DEFINITION = re.compile(r"[ \t]*\[\^?[^\]]+\]:")  # link and footnote definitions
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"[ \t]*(?:>[ \t]?)+")

_DROPPED = re.compile(
    r"!\[[^\]]*\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)"  # images
    r"|\[\^[^\]]+\]"  # footnote markers
    r"|<ref\b[^>]*?/>|<ref\b[^>]*>.*?</ref>"  # wiki references left in
    r"|<(?:https?|mailto):[^>]*>|</?[A-Za-z][^<>]*>|<!--.*?-->"  # autolinks, HTML tags, comments
    r"|\\(?=[\\`*_{}\[\]()#+\-.!|>~])|`+"  # escapes, code ticks
)
_LINK = re.compile(
    r"(\[)[^\[\]]*(\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\))"
    r"|(\[)[^\[\]]+(\]\[[^\[\]]*\])"  # [label](url), [label][ref]: the brackets and url
)
_EMPHASIS = (
    re.compile(r"(\*\*|__|~~)(?=\S)(?:.*?)(\1)"),  # "**15 **" too: the corpus has it
    re.compile(r"(?<![\w*])(\*)(?=[^\s*])(?:.*?[^\s*])?(\*)(?![\w*])"),
    re.compile(r"(?<![\w_])(_)(?=[^\s_])(?:.*?[^\s_])?(_)(?![\w_])"),
)
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_MASK = "\x00"


def has_front_matter(text: str) -> bool:
    return _FRONT_MATTER.match(text) is not None


def looks_like_markdown(text: str) -> bool:
    """True for text with several of: ``#`` headings, ``[links](url)``, ``**bold**``, images."""
    signs = (
        re.search(r"^#{1,6} \S", text, re.M),
        re.search(r"\[[^\[\]\n]+\]\([^)\s]+\)", text),  # no "[" in the label: linear on "[[[[…"
        re.search(r"\*\*[^*\n]+\*\*", text),
        re.search(r"^[ \t]*[-*] \S", text, re.M),
    )
    return sum(1 for s in signs if s) >= 2


def read(text: str) -> Reading:
    """Segments of a Markdown document, its front matter as ``infobox``."""
    front, body_start = _front_matter(text)
    stream = Stream(text)
    first_heading: str | None = None
    fence = None
    skip_level = 0  # level of the back-matter heading whose section is being dropped
    for m in _LINE.finditer(text, body_start):
        start, end = m.start(), m.end()
        if start == end:
            break
        line = text[start:end].rstrip("\r\n")
        stop = start + len(line)
        if fence:
            fence = None if line.strip().startswith(fence) else fence
            continue
        if f := _FENCE.match(line):
            fence = f[1]
            continue
        if h := _HEADING.match(line):
            level = len(h[1])
            if skip_level and level > skip_level:
                continue
            skip_level = level if is_back_matter(h[2]) else 0
            if not skip_level:
                first_heading = first_heading or (h[2].strip() if level == 1 else None)
                stream.brk(start)
                _inline(stream, start + h.start(2), start + h.end(2))
                stream.brk(stop)
            continue
        if skip_level or _RULE.match(line) or _TABLE_ROW.match(line) or _DEFINITION.match(line):
            stream.brk(start)
            continue
        content = start
        if q := _QUOTE.match(line):
            content = start + q.end()
        if li := _LIST_ITEM.match(text, content, stop):
            stream.brk(start)
            content = li.end()
        _inline(stream, content, stop)
        stream.keep(stop, end)  # the line break
    return Reading(stream.segments(), infobox=front, **_metadata(front, first_heading))


def _front_matter(text: str) -> tuple[dict[str, Any] | None, int]:
    m = _FRONT_MATTER.match(text)
    if m is None:
        return None, 0
    try:
        data = yaml.safe_load(m[1])
    except yaml.YAMLError as err:
        raise Malformed(f"front matter is not valid YAML: {err}") from err
    except RecursionError:  # PyYAML composes recursively: "a: [[[[…" thousands deep
        raise Malformed("front matter is nested too deep to read") from None
    if data is None:
        return None, m.end()
    if not isinstance(data, dict):
        raise Malformed(f"front matter is a {type(data).__name__}, not a mapping")
    return {str(k): v for k, v in data.items()}, m.end()


def _metadata(front: dict[str, Any] | None, first_heading: str | None) -> dict[str, Any]:
    front = front or {}

    def text_field(*keys: str) -> str | None:
        return next((front[k].strip() for k in keys if isinstance(front.get(k), str)), None)

    published = None
    for key in ("published", "pubDate", "date"):
        try:
            published = parse_date(front.get(key))
        except ValueError:
            continue  # the raw value stays in infobox
        if published:
            break
    return {
        "title": text_field("title") or first_heading,
        "published": published,
        "lang": text_field("lang", "language"),
        "url": text_field("url", "canonical_url", "source_url"),
    }


def _inline(stream: Stream, start: int, end: int) -> None:
    """Keep a line's text without its inline markup."""
    text = stream.text
    line = list(text[start:end])
    dropped = [False] * len(line)

    def drop(a: int, b: int) -> None:
        for i in range(a, b):
            dropped[i] = True
            line[i] = _MASK

    for m in _DROPPED.finditer(text, start, end):
        drop(m.start() - start, m.end() - start)
    while links := list(_LINK.finditer("".join(line))):  # again for nested links
        for m in links:
            for g in (1, 2) if m[1] else (3, 4):
                drop(m.start(g), m.end(g))
    for pattern in _EMPHASIS:
        for m in pattern.finditer("".join(line)):
            drop(m.start(1), m.end(1))
            drop(m.start(2), m.end(2))
    entities = {m.start() - start: m for m in _ENTITY.finditer(text, start, end)}
    i = 0
    while i < len(line):
        if dropped[i]:
            i += 1
            continue
        if (m := entities.get(i)) is not None and not any(dropped[i : m.end() - start]):
            stream.replace(m.start(), m.end(), html.unescape(m[0]))
            i = m.end() - start
            continue
        j = i
        while j < len(line) and not dropped[j] and (j == i or j not in entities):
            j += 1
        stream.keep(start + i, start + j)
        i = j
