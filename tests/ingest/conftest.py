"""Fixtures for the reader tests: the shared material, test data and bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` next to the repository (skips only when it is absent)."""
    shared = REPO.parent / "shared"
    if not shared.is_dir():
        pytest.skip(f"shared material not found at {shared}")
    return shared


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seed" / "raid-on-dioura-2023.txt"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES
