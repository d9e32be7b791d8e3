"""casus' benchmark: documents/s, words/s, time per stage, peak memory, and the bare spaCy floor.

    .venv/bin/python bench/run.py --corpus samples|corpus|short|large [--docs N]
        [--engine serial|dask --workers N] [--no-store] [--no-bare] [--json FILE]

One run reads the named corpus (bench/corpora.py) through casus' reader, extracts it with the
pipeline (stage clocks: Pipeline.timings), stores it in a fresh DuckDB file (one writer), then
runs the same loaded spaCy model bare (``nlp.pipe``) over the very paragraphs the pipeline
parsed, so casus' overhead over the NLP floor is a ratio measured on the same texts. Words are
the words of those paragraphs. Memory is the process's resident set, sampled as the run goes
(with ``--engine dask``: the driver's). Start-up (loading spaCy, the data) is timed apart.
A measurement, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402

STAGES = ("read", "nlp", "extraction", "resolution", "store")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Run:
    """Counters of one run."""

    def __init__(self, total: int | None) -> None:
        self.docs = self.words = self.events = self.refused = 0
        self.stages = dict.fromkeys(STAGES, 0.0)
        self.memory: list[tuple[int, float]] = []
        self.every = max(1, (total or 60) // 10)

    def tick(self) -> None:
        if self.docs % self.every == 0:
            self.memory.append((self.docs, round(rss_mb(), 1)))


def documents(name: str, docs: int | None, run: Run) -> Iterator[object]:
    """The corpus as Documents (or ReadErrors), the reading timed."""
    from casus.errors import ReadError
    from casus.ingest import read_text

    for doc_id, text, fmt, meta in corpora.stream(name, docs):
        t = time.perf_counter()
        try:
            item: object = read_text(text, doc_id, fmt, **meta)
        except ReadError as exc:
            item = exc
        run.stages["read"] += time.perf_counter() - t
        yield item


def paragraph_texts(doc: object) -> list[str]:
    """What the pipeline hands spaCy for a document (Pipeline.read: paragraphs, not headings)."""
    from casus.extract.pipeline import _DATELINE, paragraphs
    from casus.view import View

    paras = [p for p in paragraphs(View(doc).clean) if not p.heading]  # type: ignore[arg-type]
    if paras and (m := _DATELINE.match(paras[0].text)):
        paras[0].text = " " * m.end() + paras[0].text[m.end():]
    return [p.text for p in paras]


def casus_run(args: argparse.Namespace, store: object | None) -> tuple[Run, float]:
    from casus.errors import CasusError
    from casus.extract.actors import registry
    from casus.extract.pipeline import _PIPELINES, extract_many

    run = Run(args.docs)
    reg = registry(())
    for p in _PIPELINES.values():  # the warm-up document is start-up, not the run
        p.timings.clear()
    start = time.perf_counter()
    if args.engine == "dask":
        results = _on_engine(args, run)
    else:
        results = ((d, [] if isinstance(r, CasusError) else r, isinstance(r, CasusError))
                   for d, r in extract_many(documents(args.corpus, args.docs, run)))  # batched, as casus extract
    for doc, events, failed in results:
        if failed:
            run.refused += 1
            continue
        run.docs += 1
        run.words += sum(len(p.split()) for p in paragraph_texts(doc))
        run.events += len(events)
        if store is not None:
            t = time.perf_counter()
            store.add(doc, events, reg)  # type: ignore[attr-defined]
            run.stages["store"] += time.perf_counter() - t
        run.tick()
    elapsed = time.perf_counter() - start
    if args.engine != "dask":
        for p in _PIPELINES.values():
            for stage, seconds in p.timings.items():
                run.stages[stage] += seconds
    run.memory.append((run.docs, round(rss_mb(), 1)))
    return run, elapsed


def _on_engine(args: argparse.Namespace, run: Run) -> Iterator[tuple[object, list, bool]]:
    from casus.engine import cluster, extract_partitions

    with cluster(args.scheduler, args.workers) as client:
        # warm the workers (each loads the pipeline once) before the clock matters
        list(extract_partitions(client, documents("samples", 1, Run(1)), batch=1, in_flight=args.workers))
        run.stages = dict.fromkeys(STAGES, 0.0)
        for part in extract_partitions(client, documents(args.corpus, args.docs, run), batch=args.batch):
            for stage, seconds in part.timings.items():
                run.stages[stage] += seconds
            for r in part.results:
                yield r.doc, r.events, r.read_error is not None or r.error is not None


def bare_run(args: argparse.Namespace, nlp: object) -> tuple[int, int, float]:
    """The same paragraphs through ``nlp.pipe`` alone, one stream; returns docs, words, seconds
    (reading and paragraph splitting not counted)."""
    from casus.errors import ReadError

    prep = 0.0
    words = docs = 0

    def texts() -> Iterator[str]:
        nonlocal prep, words, docs
        reading = Run(args.docs)
        for item in documents(args.corpus, args.docs, reading):
            t = time.perf_counter()  # reading is timed inside documents() and left out here
            if isinstance(item, ReadError):
                continue
            paras = paragraph_texts(item)
            docs += 1
            words += sum(len(p.split()) for p in paras)
            prep += time.perf_counter() - t
            yield from paras
        prep += reading.stages["read"]

    start = time.perf_counter()
    for _ in nlp.pipe(texts()):  # type: ignore[attr-defined]
        pass
    return docs, words, time.perf_counter() - start - prep


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="corpus", choices=["samples", "corpus", "short", "large"])
    ap.add_argument("--docs", type=int, default=None, help="Cut the corpus to N documents.")
    ap.add_argument("--engine", default="serial", choices=["serial", "dask"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scheduler", default=None)
    ap.add_argument("--batch", type=int, default=16, help="Documents a partition (dask).")
    ap.add_argument("--no-store", action="store_true", help="Leave the store stage out.")
    ap.add_argument("--no-bare", action="store_true", help="Skip the bare spaCy run.")
    ap.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    from casus.extract.pipeline import pipeline

    from casus.extract.pipeline import extract
    from casus.ingest import read_text

    pipe = pipeline("en")
    extract(read_text("Gunmen killed 3 soldiers in Gao, the army said.", "warm-up"))  # lazy loads
    startup = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        store = None
        if not args.no_store:
            from casus.store import open_store

            store = open_store(str(Path(tmp) / "bench.duckdb"))
        run, elapsed = casus_run(args, store)
        if store is not None:
            store.close()
    bare = None if args.no_bare else bare_run(args, pipe.nlp)
    report(args, startup, run, elapsed, bare, pipe.nlp.pipe_names)


def report(args: argparse.Namespace, startup: float, run: Run, elapsed: float,
           bare: tuple[int, int, float] | None, components: list[str]) -> None:
    cores = args.workers if args.engine == "dask" else 1
    fig: dict[str, object] = {
        "corpus": args.corpus, "engine": args.engine, "cores": cores, "documents": run.docs,
        "refused": run.refused, "words": run.words, "events": run.events, "seconds": round(elapsed, 2),
        "docs_per_s": round(run.docs / elapsed, 1), "words_per_s": round(run.words / elapsed),
        "words_per_s_per_core": round(run.words / elapsed / cores),
        "stages_s": {k: round(v, 2) for k, v in run.stages.items()},
        "other_s": round(elapsed - sum(run.stages.values()) / (cores if args.engine == "dask" else 1), 2),
        "startup_s": round(startup, 2), "rss_mb": run.memory, "peak_rss_mb": round(peak_mb(), 1),
        "spacy_components": components,
    }  # fmt: skip
    if bare:
        docs, words, seconds = bare
        fig["bare_spacy"] = {"documents": docs, "words": words, "seconds": round(seconds, 2),
                             "words_per_s": round(words / seconds)}
        fig["casus_over_bare"] = round(elapsed * cores / seconds, 2)
    print(f"corpus {args.corpus}: {run.docs} documents ({run.refused} refused), {run.words} words, "
          f"{run.events} events; engine {args.engine}, {cores} core(s); start-up {startup:.2f} s")
    print(f"  casus      {elapsed:8.2f} s  {fig['docs_per_s']:>8} docs/s  {fig['words_per_s']:>8} words/s "
          f"({fig['words_per_s_per_core']} a core)")
    if bare:
        b = fig["bare_spacy"]
        print(f"  bare spaCy {b['seconds']:8.2f} s  {'':>8}         {b['words_per_s']:>8} words/s (1 core)  "  # type: ignore[index]
              f"→ casus/bare {fig['casus_over_bare']}× (core-seconds)")
    print("  stages (core-seconds): " + ", ".join(f"{k} {v:.2f}" for k, v in fig["stages_s"].items())  # type: ignore[union-attr]
          + f"; other {fig['other_s']:.2f}")
    print(f"  memory: peak RSS {fig['peak_rss_mb']} MB; RSS by documents done: "
          + ", ".join(f"{n}:{mb}" for n, mb in run.memory))
    if args.json:
        args.json.write_text(json.dumps(fig, indent=1) + "\n")


if __name__ == "__main__":
    main()
