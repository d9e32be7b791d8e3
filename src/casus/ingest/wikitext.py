"""MediaWiki wikitext, parsed with mwparserfromhell.

``str(node)`` of every node is exactly its source, so walking the parse tree while adding up
lengths gives each node's offset in the original. Kept: prose, link labels (``[[Target|label]]``
reads "label", ``[[Target]]`` "Target"), external link labels, headings (their own paragraphs),
the text inside bold, italic and inline HTML. Dropped: templates (the infobox becomes
``infobox``), references, files, categories, comments, tables, magic words, back-matter
sections. mwparserfromhell is tolerant: truncated or unbalanced markup reads as text.
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from casus.ingest.base import LINE, PARAGRAPH, Malformed, Reading, Stream, is_back_matter

HIDDEN_NAMESPACES = frozenset({"file", "image", "media", "category"})
DROPPED_TAGS = frozenset(
    {"ref", "references", "gallery", "math", "chem", "score", "timeline", "graph",
     "table", "templatedata", "syntaxhighlight", "source", "pre", "nowiki", "imagemap"}
)
BLOCK_TAGS = frozenset({"li", "dt", "dd", "hr", "p", "div", "blockquote", "center", "poem"})
TEXT_TEMPLATES = {"lang": -1, "transl": -1, "nowrap": 0, "nobr": 0, "small": 0, "ill": 0}
"""Inline templates whose text belongs to the prose: name → which positional parameter."""

TITLE_PARAMS = ("conflict", "title", "name")
"""Infobox parameters that name the article, for a title when none is given."""

_MARKUP_IN_TEXT = re.compile(
    r"'{2,}|__[A-Z]+__"  # bold and italic quotes left unpaired, magic words
    r"|\{\{[^\n]*|\}\}|^[ \t]*(?:\{\||[|!])[^\n]*|\]\]|\[\["  # unclosed templates, tables, links
    r"|<!--[\s\S]*"  # an unclosed comment runs to the end
    r"|<ref\b[^\n]*|</?[a-zA-Z][^<>\n]*>"  # an unclosed <ref> (to the line's end), stray tags
    r"|\[(?:https?:)?//[^\s\]]*",  # an external link's bracket and address, left unclosed
    re.M,
)
"""Markup mwparserfromhell leaves in text when it is unbalanced or truncated."""
_INTERLANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z]+)?:")


def looks_like_wikitext(text: str) -> bool:
    """True for text with an infobox, or several of: bold quotes, wiki links, ``==`` headings,
    ``{{templates}}``, ``<ref>`` tags."""
    if re.search(r"\{\{\s*infobox", text, re.I):
        return True
    signs = (
        re.search(r"'''[^'\n]+'''", text),
        len(re.findall(r"\[\[[^\[\]\n]+\]\]", text)) >= 2,
        re.search(r"^==+[^=\n]+==+\s*$", text, re.M),
        re.search(r"\{\{[^{}\n]+\}\}", text),
        re.search(r"<ref[ >/]", text),
    )
    return sum(1 for s in signs if s) >= 2


def read(text: str) -> Reading:
    """Segments of a wikitext article and its infobox."""
    try:
        walker = _walk(text)
    except RecursionError:  # mwparserfromhell builds its tree recursively: {{{{… 10,000 deep
        raise Malformed("wikitext markup nested too deep to read") from None
    infobox = walker.infobox or {}
    title = next((infobox[k] for k in TITLE_PARAMS if infobox.get(k)), None)
    return Reading(walker.stream.segments(), title=title, infobox=walker.infobox)


def plain_text(source: str) -> str:
    """Wikitext as plain text, the way this reader reads it (for infobox values)."""
    walker = _walk(source)
    parts = (
        source[seg.start : seg.end] if seg.replacement is None else seg.replacement
        for seg in walker.stream.segments()
    )
    return "".join(parts).replace(PARAGRAPH, LINE).strip()


def _walk(source: str) -> _Walker:
    walker = _Walker(source)
    walker.walk(mwparserfromhell.parse(source, skip_style_tags=False), 0)
    return walker


class _Walker:
    def __init__(self, text: str) -> None:
        self.stream = Stream(text)
        self.infobox: dict[str, str] | None = None
        self._back_matter_level = 0  # level of the back-matter heading being skipped, or 0

    def walk(self, code: Wikicode, offset: int) -> None:
        for node in code.nodes:
            length = len(str(node))
            if isinstance(node, Heading):
                self._heading(node, offset)
            elif not self._back_matter_level:
                self._node(node, offset)
            offset += length

    def _heading(self, node: Heading, offset: int) -> None:
        if self._back_matter_level and node.level > self._back_matter_level:
            return
        self._back_matter_level = node.level if is_back_matter(str(node.title.strip_code())) else 0
        if self._back_matter_level:
            return
        self.stream.brk(offset)
        self.walk(node.title, offset + node.level)
        self.stream.brk(offset + len(str(node)))

    def _node(self, node: Node, offset: int) -> None:
        stream = self.stream
        if isinstance(node, Text):
            self._text(str(node), offset)
        elif isinstance(node, Wikilink):
            self._wikilink(node, offset)
        elif isinstance(node, ExternalLink):
            if node.brackets and node.title is not None:
                title = str(node.title)
                self.walk(node.title, offset + len(str(node)) - 1 - len(title))
        elif isinstance(node, HTMLEntity):
            stream.replace(offset, offset + len(str(node)), node.normalize())
        elif isinstance(node, Template):
            self._template(node, offset)
        elif isinstance(node, Tag):
            self._tag(node, offset)
        elif isinstance(node, Comment):
            pass
        # Argument ({{{1}}}) and anything else: markup, dropped

    def _text(self, text: str, offset: int) -> None:
        pos, end = offset, offset + len(text)
        for m in _MARKUP_IN_TEXT.finditer(self.stream.text, offset, end):  # "^": real line starts
            self.stream.keep(pos, m.start())
            pos = m.end()
        self.stream.keep(pos, end)

    def _wikilink(self, node: Wikilink, offset: int) -> None:
        target = str(node.title)
        prefix = target.strip().split(":", 1)[0].casefold() if ":" in target else ""
        if prefix in HIDDEN_NAMESPACES or _INTERLANGUAGE.fullmatch(prefix + ":"):
            return
        if node.text is not None:
            self.walk(node.text, offset + 2 + len(target) + 1)
        else:
            self.stream.keep(offset + 2, offset + 2 + len(target))

    def _template(self, node: Template, offset: int) -> None:
        name = str(node.name).strip().casefold()
        if name.startswith("infobox"):
            if self.infobox is None:
                self.infobox = {str(p.name).strip(): plain_text(str(p.value)) for p in node.params}
            return
        which = TEXT_TEMPLATES.get(name)
        if which is None:
            return
        positional: list[tuple[int, Wikicode]] = []
        pos = offset + 2 + len(str(node.name))  # "{{" name
        for param in node.params:
            pos += 1  # "|"
            if not param.showkey:
                positional.append((pos, param.value))
            pos += len(str(param))
        if -len(positional) <= which < len(positional):
            start, value = positional[which]
            self.walk(value, start)

    def _tag(self, node: Tag, offset: int) -> None:
        tag = str(node.tag).strip().casefold()
        full = str(node)
        if tag in DROPPED_TAGS:
            return
        if tag == "br":
            self.stream.brk(offset, LINE)
            return
        block = tag in BLOCK_TAGS
        if block:
            self.stream.brk(offset)
        if node.contents is not None and not node.self_closing:
            contents = str(node.contents)
            if node.wiki_markup:  # '''bold''', * list items
                close = len(node.closing_wiki_markup or "")
            else:
                close = 0 if node.implicit else len(full) - max(full.rfind("</"), 0)
            start = len(full) - close - len(contents)
            if full[start : start + len(contents)] == contents:
                self.walk(node.contents, offset + start)
        if block:
            self.stream.brk(offset + len(full))
