"""Which reader a text needs, by its content as well as its file extension.

Strong content signs win over the extension (an HTML page saved as ``.txt``, a mirror page,
front matter); then the extension; then weaker content signs (wiki or Markdown syntax).
"""

from __future__ import annotations

import json
from pathlib import PurePath

from casus.ingest import html, markdown, mirror, wikitext

EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
}


def detect_format(text: str, path: str | None = None) -> str:
    """One of casus.model.FORMATS for ``text``, read from ``path`` if given."""
    suffix = PurePath(path).suffix.casefold() if path else ""
    by_extension = EXTENSIONS.get(suffix)
    if by_extension == "jsonl" or (by_extension is None and _looks_like_jsonl(text)):
        return "jsonl"
    if html.looks_like_html(text):
        return "html"
    if markdown.has_front_matter(text):
        return "markdown"
    if mirror.looks_like_mirror(text):
        return "mirror"
    if by_extension:
        return by_extension
    if wikitext.looks_like_wikitext(text):
        return "wikitext"
    if markdown.looks_like_markdown(text):
        return "markdown"
    return "text"


def _looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object with a "text" field."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(first)
    except (ValueError, RecursionError):  # nested too deeply: not a feed line jsonl would take
        return False
    return isinstance(record, dict) and "text" in record
