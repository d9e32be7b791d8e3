"""The one door from bytes to text: BOMs, UTF-8, cp1252 when clearly right; refusals named."""

from __future__ import annotations

import codecs
import re

from casus.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
)
_CP1252_PUNCTUATION = frozenset("«»‘’‚“”„–—…•€°§©®±·×÷¿¡ªº")
_MAX_CONTROL_SHARE = 0.005
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
"""Control characters no text carries (tab, newlines, form feed and separators excepted)."""


def decode(data: bytes, name: str) -> str:
    """The text of ``data``, or a ReadError naming ``name`` and why it cannot be read."""
    if not data:
        raise ReadError(name, "empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(name, f"binary file ({what}), not text")
    text = _decode_text(data, name)
    _refuse_binary(text, name)
    if not text.strip():
        raise ReadError(name, "no text (white space only)")
    return text


def without_nul(text: str) -> str:
    """``text`` with U+0000 as U+FFFD, one character for one: PostgreSQL keeps no NUL in TEXT,
    and both stores must keep the same text (spans count characters, so none move)."""
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def _decode_text(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return without_nul(data.decode(encoding))
            except UnicodeDecodeError as err:
                raise ReadError(name, f"invalid {encoding} after its byte-order mark: {err.reason}")
    if b"\x00" in data:
        raise ReadError(name, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = f"invalid UTF-8 at byte {err.start}: {err.reason}"
    text = _as_cp1252(data)
    if text is None:
        raise ReadError(name, utf8_error)
    return text


def _as_cp1252(data: bytes) -> str | None:
    """``data`` as Windows-1252, when that reads as words: every non-ASCII character common
    punctuation, a letter inside a word or a lowercase letter on its own (French "à").
    None when it does not look right."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # bytes cp1252 leaves undefined: not cp1252
    for i, char in enumerate(text):
        if ord(char) < 128 or char in _CP1252_PUNCTUATION:
            continue
        if not char.isalpha():
            return None
        if char.islower():
            continue
        neighbours = text[max(i - 1, 0) : i] + text[i + 1 : i + 2]
        if not any(c.isalpha() for c in neighbours):
            return None
    return text


def _refuse_binary(text: str, name: str) -> None:
    controls = len(_CONTROL.findall(text))
    if controls and controls / len(text) > _MAX_CONTROL_SHARE:
        raise ReadError(name, f"binary file ({controls} control characters), not text")
