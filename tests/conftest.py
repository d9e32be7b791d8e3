"""Fixtures shared by the whole suite: the repo, ../shared beside it, and a text → events helper."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from casus.model import Document, Event

ROOT = Path(__file__).resolve().parents[1]


def _shared() -> Path | None:
    for candidate in (ROOT.parent / "shared", ROOT / "shared"):
        if (candidate / "seed").is_dir():
            return candidate
    return None


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    found = _shared()
    if found is None:
        pytest.skip("../shared is not beside the repository")
    return found


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article as bundled in samples/ (a copy of ../shared/seed)."""
    return ROOT / "samples" / "raid-on-dioura-2023.txt"


def _events_of(text: str, published: date | None = None, doc_id: str = "test") -> list[Event]:
    from casus.extract.pipeline import extract

    return extract(Document(doc_id=doc_id, text=text, published=published, lang="en"))


@pytest.fixture(scope="session")
def events_of():
    """Run the whole English pipeline on a text: ``events_of(text, published=None)``."""
    return _events_of
