"""A Dask client: a LocalCluster of worker processes, or a running scheduler's address."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from distributed import Client


@contextmanager
def cluster(scheduler: str | None = None, workers: int = 2) -> Iterator[Client]:
    """A client of ``scheduler`` (``tcp://host:8786``), else of a LocalCluster of ``workers``
    single-threaded processes (spaCy parses on one core per process), closed on exit."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as local, Client(local) as client:  # fmt: skip
        yield client
