"""Partitions of documents extracted on workers and gathered back in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from casus.errors import CasusError, DocumentError
from casus.model import Document, Event

if TYPE_CHECKING:
    from distributed import Client, Future


@dataclass
class DocResult:
    """One input item: a document with its events or the reason extraction refused it, or the
    reader's refusal (``read_error``, raised on the driver and never shipped)."""

    doc: Document | None
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    read_error: DocumentError | None = None


@dataclass
class Partition:
    """The ``index``-th run of input items, its documents extracted together on one worker."""

    index: int
    results: list[DocResult]
    timings: dict[str, float]
    """Seconds per pipeline stage the worker spent on it (from Pipeline.timings)."""


def extract_docs(index: int, docs: list[Document], actors: tuple[str, ...]) -> Partition:
    """Worker side: extract the partition's documents, parsed together (``extract_many``); the
    pipeline is built once per worker process (``casus.extract.pipeline.pipeline`` caches it)."""
    from casus.extract.pipeline import _PIPELINES, extract_many

    before = _stage_totals(_PIPELINES.values())
    results = []
    for doc, out in extract_many(docs, actors=actors):  # one spaCy parse per run of documents
        assert isinstance(doc, Document)
        if isinstance(out, CasusError):
            results.append(DocResult(doc, error=str(out)))
        else:
            results.append(DocResult(doc, out))
    after = _stage_totals(_PIPELINES.values())
    return Partition(index, results, {k: v - before.get(k, 0.0) for k, v in after.items()})


def _stage_totals(pipelines: Iterable[object]) -> dict[str, float]:
    out: dict[str, float] = {}
    for p in pipelines:
        for stage, seconds in getattr(p, "timings", {}).items():
            out[stage] = out.get(stage, 0.0) + seconds
    return out


def extract_partitions(
    client: Client, items: Iterable[Document | DocumentError], actors: tuple[str, ...] = (),
    batch: int = 16, in_flight: int | None = None,
) -> Iterator[Partition]:
    """Partitions of ``batch`` input items, submitted as ``items`` is read and yielded in input
    order. At most ``in_flight`` partitions (default: 4 a worker) are out at once, so memory
    stays bounded however long the input."""
    workers = len(client.scheduler_info().get("workers", {}))
    limit = in_flight or 4 * max(1, workers)
    pending: deque[tuple[list[Document | DocumentError], Future]] = deque()
    it = iter(items)
    index = 0
    while chunk := list(islice(it, batch)):
        docs = [d for d in chunk if isinstance(d, Document)]
        pending.append((chunk, client.submit(extract_docs, index, docs, actors, pure=False)))
        index += 1
        if len(pending) >= limit:
            yield _gather(*pending.popleft())
    while pending:
        yield _gather(*pending.popleft())


def _gather(chunk: list[Document | DocumentError], future: Future) -> Partition:
    """The worker's partition with the driver's read errors put back in their places."""
    done: Partition = future.result()
    extracted = iter(done.results)
    results = [DocResult(None, read_error=item) if isinstance(item, DocumentError) else next(extracted)
               for item in chunk]  # fmt: skip
    return Partition(done.index, results, done.timings)
