"""HTML pages (news reports).

A small tokenizer keeps every offset: text between tags is kept, entities are read through
replacement segments, block elements break paragraphs. Content is the first ``<article>``, else
``<main>``, else ``<body>`` (else everything), without the page furniture in ``SKIPPED`` or
elements whose class, id or role say they are furniture. Metadata come from ``<title>``/og:title,
``article:published_time`` and kin or the first ``<time datetime>``, ``<html lang>`` and the
canonical link. Truncated or unbalanced HTML reads as far as it goes.
"""

from __future__ import annotations

import html
import re

from casus.ingest.base import LINE, Reading, Stream, parse_date
from casus.model import fold

ROOTS = ("article", "main", "body")
SKIPPED = frozenset(
    {"head", "nav", "header", "footer", "aside", "form", "noscript", "figure", "svg", "iframe",
     "button", "select", "template", "dialog", "menu", "object", "video", "audio", "canvas"}
)
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "col"})
RAW_TEXT = frozenset({"script", "style", "title", "textarea", "xmp"})
BLOCKS = frozenset(
    {"address", "article", "blockquote", "body", "dd", "div", "dl", "dt", "fieldset",
     "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre",
     "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "details",
     "summary"}
)
FURNITURE = re.compile(
    r"\b(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|related|newsletter|subscribe|"
    r"comments?|advert\w*|promo|cookies?|banner|sidebar|navigation|contentinfo|complementary)\b",
    re.I,
)
"""Class, id or role values of page furniture (share bars, related links, cookie notices)."""
PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "dc.date.issued", "dc.date", "date", "parsely-pub-date", "sailthru.date",
)

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comment; an unterminated one runs to the end
    r"|<[!?][^>]*(?:>|\Z)"  # doctype, processing instruction, CDATA
    r"|</?\Z"  # a tag cut off right after its "<"
    r"|<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z))*)(?:>|\Z)",
    re.S,
)
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"?|'[^']*'?|[^\s>]+))?")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def looks_like_html(text: str) -> bool:
    """True for a page that declares itself HTML or carries its skeleton tags."""
    head = text.lstrip()[:1000].casefold()
    if head.startswith(("<!doctype html", "<html")) or "<html" in head:
        return True
    return bool(re.search(r"<(?:body|head)[\s>]", text[:5000], re.I))


def read(text: str) -> Reading:
    """Segments of an HTML page's article text, and its metadata."""
    reader = _PageReader(text)
    reader.run()
    return reader.reading()


def attributes(source: str) -> dict[str, str]:
    """A tag's attributes, names lowercased, values unquoted and unescaped."""
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(source):
        value = (m[2] or "").strip("\"'")
        attrs.setdefault(m[1].casefold(), html.unescape(value))
    return attrs


class _PageReader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.stream = Stream(text)
        low = text.casefold()
        self.root = next((r for r in ROOTS if re.search(rf"<{r}[\s>]", low)), None)
        self.in_root = self.root is None
        self.root_depth = 0
        self.root_done = False
        self.skip: str | None = None  # the element being skipped
        self.skip_depth = 0
        self.meta: dict[str, str] = {}
        self.title: str | None = None
        self.lang: str | None = None
        self.url: str | None = None
        self.time: str | None = None

    def run(self) -> None:
        pos = 0
        while (m := _TOKEN.search(self.text, pos)) is not None:
            self._text(pos, m.start())
            pos = m.end()
            if m[2] is None:
                continue  # comment, doctype
            name = m[2].casefold()
            if m[1]:
                self._end(name, m.start(), m.end())
            else:
                pos = self._start(name, m[3], m.start(), m.end())
        self._text(pos, len(self.text))

    def _start(self, name: str, attr_source: str, start: int, end: int) -> int:
        """Handle a start tag; returns where reading goes on (after a raw-text element)."""
        attrs = attributes(attr_source) if "=" in attr_source else {}
        self._metadata(name, attrs)
        if name in RAW_TEXT:
            close = re.compile(rf"</{name}\s*>", re.I).search(self.text, end)
            stop = close.start() if close else len(self.text)
            if name == "title" and self.title is None:
                self.title = fold(html.unescape(self.text[end:stop])) or None
            return close.end() if close else stop
        if self.skip is not None:
            self.skip_depth += name == self.skip
            return end
        if not self.in_root:
            if name == self.root and not self.root_done:
                self.in_root, self.root_depth = True, 1
            return end
        if name == self.root:
            self.root_depth += 1
        void = name in VOID or attr_source.rstrip().endswith("/")
        if not void and (name in SKIPPED or _is_furniture(attrs)):
            self.skip, self.skip_depth = name, 1
            return end
        if name == "br":
            self.stream.brk(start, LINE)
        elif name in BLOCKS:
            self.stream.brk(start)
        return end

    def _end(self, name: str, start: int, end: int) -> None:
        if self.skip is not None:
            if name == self.skip:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip = None
            return
        if not self.in_root:
            return
        if name in BLOCKS or name == "br":
            self.stream.brk(end, LINE if name == "br" else "\n\n")
        if name == self.root:
            self.root_depth -= 1
            if self.root_depth == 0:
                self.in_root, self.root_done = False, True

    def _text(self, start: int, end: int) -> None:
        if start >= end or not self.in_root or self.skip is not None:
            return
        pos = start
        for m in _ENTITY.finditer(self.text, start, end):
            decoded = html.unescape(m[0])
            if decoded == m[0]:
                continue  # not an entity after all ("AT&T")
            self.stream.keep(pos, m.start())
            self.stream.replace(m.start(), m.end(), decoded)
            pos = m.end()
        self.stream.keep(pos, end)

    def _metadata(self, name: str, attrs: dict[str, str]) -> None:
        if name == "html" and attrs.get("lang"):
            self.lang = attrs["lang"].split("-")[0].split("_")[0].casefold() or None
        elif name == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            self.meta.setdefault(key.casefold(), attrs["content"])
        elif name == "link" and "canonical" in attrs.get("rel", "").casefold().split():
            self.url = self.url or attrs.get("href")
        elif name == "time" and self.time is None and attrs.get("datetime"):
            self.time = attrs["datetime"]

    def reading(self) -> Reading:
        published = None
        candidates = [self.meta.get(k) for k in PUBLISHED_META] + [self.time]
        for value in candidates:
            try:
                published = parse_date(value)
            except ValueError:
                continue
            if published:
                break
        return Reading(
            self.stream.segments(),
            title=fold(self.meta.get("og:title", "")) or self.title,
            url=self.url or self.meta.get("og:url"),
            published=published,
            lang=self.lang or (self.meta.get("og:locale", "").split("_")[0].casefold() or None),
        )


def _is_furniture(attrs: dict[str, str]) -> bool:
    return any(FURNITURE.search(attrs.get(k, "")) for k in ("class", "id", "role"))
