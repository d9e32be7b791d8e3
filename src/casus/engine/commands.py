"""``casus extract`` and ``casus ingest`` on the engine: the serial commands' loops with the
extraction done on Dask workers; what is written is what the serial path writes, in its order."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from casus.engine.cluster import cluster
from casus.engine.run import DocResult, extract_partitions
from casus.model import Event

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
