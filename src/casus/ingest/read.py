"""Reading files, folders and strings into Documents: the ingest stage's public API."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from casus import limits
from casus.errors import ReadError
from casus.ingest import html, jsonl, markdown, mirror, plain, wikitext
from casus.ingest.base import Malformed, Reading, parse_date
from casus.ingest.decode import decode, without_nul
from casus.ingest.detect import EXTENSIONS, detect_format
from casus.model import FORMATS, Document

READERS: dict[str, Callable[[str], Reading]] = {
    "text": plain.read,
    "mirror": mirror.read,
    "wikitext": wikitext.read,
    "markdown": markdown.read,
    "html": html.read,
}
META_FIELDS = ("title", "url", "published", "lang")
FOLDER_NOTES = frozenset({"readme", "sources", "license", "licence", "notice", "changelog"})
"""Stems of files that describe a folder of documents rather than being one (SOURCES.md):
skipped when a folder is read, read when named."""


def read_text(text: str, doc_id: str, fmt: str | None = None, **meta: Any) -> Document:
    """A Document from ``text``; ``meta`` (title, url, published, lang) overrides what the text
    itself says. ``fmt="jsonl"`` marks a text taken from a JSON Lines feed: it is read by the
    reader its content calls for. Raises ReadError."""
    unknown = set(meta) - set(META_FIELDS)
    if unknown:
        raise TypeError(f"read_text() got unknown metadata: {', '.join(sorted(unknown))}")
    if fmt is not None and fmt not in FORMATS:
        raise ReadError(doc_id, f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if not text.strip():
        raise ReadError(doc_id, "no text (empty or white space only)")
    limits.check_text(text, doc_id)
    text = without_nul(text)
    _refuse_surrogates(doc_id, {"text": text, "id": doc_id, **meta})
    with limits.time_limit(doc_id, "reading"):
        reader_fmt = detect_format(text) if fmt in (None, "jsonl") else fmt
    if reader_fmt == "jsonl":
        raise ReadError(doc_id, "JSON Lines holds many documents: read it with read_file")
    try:
        with limits.time_limit(doc_id, "reading"):
            reading = READERS[reader_fmt](text)
        published = parse_date(meta.get("published")) or reading.published
    except (Malformed, ValueError) as err:
        raise ReadError(doc_id, getattr(err, "reason", str(err))) from err
    if not reading.segments:
        raise ReadError(doc_id, f"no content left once the {reader_fmt} markup is removed")
    return Document(
        doc_id=doc_id,
        text=text,
        format=fmt or reader_fmt,
        title=meta.get("title") or reading.title,
        url=meta.get("url") or reading.url,
        published=published,
        lang=meta.get("lang") or reading.lang,
        infobox=reading.infobox,
        segments=reading.segments,
    )


def read_file(path: str | Path) -> Iterator[Document | ReadError]:
    """The documents of one file (a JSON Lines file holds many), with a ReadError, yielded
    and not raised, for the file or each line that cannot be read."""
    name = str(path)
    try:
        if EXTENSIONS.get(Path(path).suffix.casefold()) != "jsonl":  # a feed: each document is checked
            limits.check_size(Path(path).stat().st_size, name)
        text = decode(Path(path).read_bytes(), name)
        with limits.time_limit(name, "reading"):
            fmt = detect_format(text, name)
    except ReadError as err:
        yield err
        return
    except OSError as err:
        yield ReadError(name, err.strerror or str(err))
        return
    if fmt != "jsonl":
        yield _guarded(lambda: read_text(text, name, fmt), name)
        return
    for record in jsonl.records(text, name):
        if isinstance(record, ReadError):
            yield record
            continue
        yield _guarded(
            lambda r=record: read_text(r.text, r.doc_id, "jsonl", **r.meta),
            f"{name}:{record.line}",
            about=f"document {record.doc_id!r}: ",
        )


def read_paths(
    paths: Sequence[str | Path], *, lang: str | None = None
) -> Iterator[Document | ReadError]:
    """Documents from files and folders (recursively, sorted, hidden files and folder notes
    such as README or SOURCES files skipped), in order,
    with a ReadError for each file or line that cannot be read; never stops at a bad input.
    ``lang`` is the language of documents that do not state their own."""
    for path in paths:
        for file in _files(path):
            for item in [file] if isinstance(file, ReadError) else read_file(file):
                if isinstance(item, Document) and lang and not item.lang:
                    item = item.model_copy(update={"lang": lang})
                yield item


def _files(given: str | Path) -> Iterator[str | Path | ReadError]:
    """The files under ``given``: itself, or a folder's files below it, by relative path."""
    path = Path(given)
    if path.is_dir():
        found = sorted(
            p for p in path.rglob("*")
            if p.is_file()
            and p.stem.casefold() not in FOLDER_NOTES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        yield from found
    elif path.exists():
        yield given
    else:
        yield ReadError(str(given), "no such file or folder")


def _refuse_surrogates(doc_id: str, fields: dict[str, Any]) -> None:
    """A ReadError for a lone surrogate ("\\ud800" in a JSON feed or body): no Unicode text,
    and nothing downstream (hashing, the store, JSON output) can encode it."""
    for what, value in fields.items():
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as err:
                name = doc_id.encode("utf-8", "backslashreplace").decode("utf-8")
                raise ReadError(name, f"{what}: not Unicode text, a lone surrogate "
                                      f"({value[err.start]!r}) at character {err.start}") from None


def _guarded(read: Callable[[], Document], where: str, about: str = "") -> Document | ReadError:
    """The document, or a ReadError naming ``where`` and why not: a reader's failure is the
    document's, never the batch's."""
    try:
        return read()
    except ReadError as err:
        return ReadError(where, about + err.reason)
    except Exception as err:  # a reader bug must not stop the batch; it is reported, not hidden
        return ReadError(where, f"{about}reader failed: {type(err).__name__}: {err}")
