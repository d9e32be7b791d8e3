"""``casus extract`` and ``casus ingest`` on the engine: the serial commands' loops with the
extraction done on Dask workers; what is written is what the serial path writes, in its order."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from casus.engine.cluster import cluster
from casus.engine.run import DocResult, extract_partitions
from casus.errors import DocumentError
from casus.model import Document, Event

if TYPE_CHECKING:
    from casus.store import Store

SUMMARY_EVENTS = 50
"""Events kept for the summary table; the rest are counted, not held."""


@dataclass
class Counts:
    read: int = 0
    extracted: int = 0
    refused: int = 0
    events: int = 0
    first: list[Event] = field(default_factory=list)
    """The first SUMMARY_EVENTS events, for the summary table."""


@dataclass(frozen=True)
class EngineOptions:
    scheduler: str | None = None
    workers: int = 2
    batch: int = 16
    parts: Path | None = None
    """A folder for the partitioned output: part-00000.jsonl… one a partition."""


def results(
    paths: Sequence[Path], lang: str | None, actors: tuple[str, ...], options: EngineOptions
) -> Iterator[tuple[int, DocResult]]:
    """(partition index, result) for every input item, in input order."""
    from casus.ingest import read_paths

    with cluster(options.scheduler, options.workers) as client:
        for part in extract_partitions(client, read_paths(paths, lang=lang), actors, options.batch):
            for result in part.results:
                yield part.index, result


def extract(
    paths: Sequence[Path], lang: str | None, actors: tuple[str, ...], out: TextIO, options: EngineOptions,
    refused: Callable[[str], None],
) -> Counts:
    """Extract on the engine, writing events to ``out`` (and to the parts folder, if any)."""
    from casus.export.jsonl import event_line

    counts = Counts()
    part_index, part_file = -1, None
    if options.parts:
        options.parts.mkdir(parents=True, exist_ok=True)
    try:
        for index, r in results(paths, lang, actors, options):
            if options.parts and index != part_index:
                if part_file:
                    part_file.close()
                part_index, part_file = index, open(options.parts / f"part-{index:05d}.jsonl", "w", encoding="utf-8")
            if r.read_error is not None:
                counts.refused += 1
                refused(f"{r.read_error.doc_id}: {r.read_error.reason}")
                continue
            counts.read += 1
            if r.error is not None:
                counts.refused += 1
                refused(r.error)
                continue
            counts.extracted += 1
            for event in r.events:
                line = event_line(event) + "\n"
                out.write(line)
                if part_file:
                    part_file.write(line)
            counts.events += len(r.events)
            counts.first += r.events[: SUMMARY_EVENTS - len(counts.first)]
    finally:
        if part_file:
            part_file.close()
    return counts


@dataclass
class IngestCounts:
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    refused: int = 0
    reports: int = 0
    new: int = 0
    merged: int = 0


def ingest(
    store: Store, paths: Sequence[Path], lang: str | None, actors: tuple[str, ...], options: EngineOptions,
    say: Callable[[str], None], verbose: bool = False,
) -> IngestCounts:
    """Ingest on the engine: workers extract, this process alone writes, in input order, so the
    store ends as the serial path leaves it. Documents already stored are not shipped."""
    from casus.extract.actors import registry
    from casus.ingest import read_paths

    reg = registry(actors)
    c = IngestCounts()
    items = (
        _Stored(item) if not isinstance(item, DocumentError) and store.stored_as(item) is not None else item
        for item in read_paths(paths, lang=lang)
    )
    with cluster(options.scheduler, options.workers) as client:
        for part in extract_partitions(client, items, actors, options.batch):
            for r in part.results:
                if r.read_error is not None:
                    if isinstance(r.read_error, _Stored):
                        c.read, c.unchanged = c.read + 1, c.unchanged + 1
                        if verbose:
                            say(f"unchanged {r.read_error.doc_id}")
                        continue
                    c.refused += 1
                    say(f"refused {r.read_error.doc_id}: {r.read_error.reason}")
                    continue
                c.read += 1
                assert r.doc is not None
                if store.stored_as(r.doc) is not None:  # the same text earlier in this input
                    c.unchanged += 1
                    if verbose:
                        say(f"unchanged {r.doc.doc_id}")
                    continue
                if r.error is not None:
                    c.refused += 1
                    say(f"refused {r.error}")
                    continue
                added = store.add(r.doc, r.events, reg)
                if not added.stored:
                    c.unchanged += 1
                    continue
                c.stored, c.reports = c.stored + 1, c.reports + added.reports
                c.new, c.merged = c.new + added.new_events, c.merged + added.merged
                if verbose:
                    say(f"stored {r.doc.doc_id}: {added.reports} events ({added.new_events} new, {added.merged} merged)")
    return c


class _Stored(DocumentError):
    """A document already in the store: kept on the driver like a read error, never shipped."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc.doc_id, "already stored")
