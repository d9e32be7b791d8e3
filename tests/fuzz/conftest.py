"""Fixtures of the fuzz tests: the documents mutated (bundled ones always, ../shared's corpus when
it is there) and limits tight enough that a slow input fails fast."""

from __future__ import annotations

import pytest

from casus import limits
from tests.fuzz.mutations import BUNDLED, corpus_files


@pytest.fixture(scope="session")
def bundled() -> list[bytes]:
    """The seed, the samples (every reader's format) and eval/docs, as bytes."""
    return [p.read_bytes() for p in BUNDLED]


@pytest.fixture(scope="session")
def wikipedia(shared) -> list[bytes]:
    """../shared/corpus/wikipedia as bytes (the test skips when ../shared is absent)."""
    files = corpus_files(shared / "corpus" / "wikipedia")
    if not files:
        pytest.skip("no ../shared/corpus/wikipedia")
    return [p.read_bytes() for p in files]


@pytest.fixture(autouse=True)
def fuzz_limits():
    """20 s for reading or extracting one document (60 s by default): a slow path fails the
    run in seconds, as a refusal that the property accepts and test_hostile.py times."""
    limits.configure(timeout=20)
    yield
    limits.reset()
