"""Typed errors. Every refusal names the document and the reason; nothing fails silently.

    CasusError
    ├── DocumentError          a document was refused (carries doc_id and reason)
    │   ├── ReadError          it could not be read or decoded (empty, binary, bad encoding…)
    │   │   └── TooLarge       over the size limit (casus.limits)
    │   ├── ExtractError       extraction failed on it
    │   └── TimedOut           over the time limit (casus.limits): ReadTimedOut, ExtractTimedOut
    └── ConfigError            bad options, data files or set-up
"""

from __future__ import annotations


class CasusError(Exception):
    """Base of every error casus raises on purpose."""


class DocumentError(CasusError):
    """A document was refused."""

    def __init__(self, doc_id: str, reason: str) -> None:
        super().__init__(f"{doc_id}: {reason}")
        self.doc_id = doc_id
        self.reason = reason


class ReadError(DocumentError):
    """A document could not be read: empty, binary, undecodable, malformed."""


class ExtractError(DocumentError):
    """Extraction failed on a document."""


class ConfigError(CasusError):
    """Bad options, data files or set-up."""
