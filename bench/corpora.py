"""The benchmark's corpora, each a stream of (doc_id, text, format) read by casus' own reader.

    samples  the bundled samples/ (7 documents)
    corpus   ../shared/corpus/wikipedia (63 encyclopedia articles, Markdown)
    short    one-paragraph wire reports: eval/wire + samples + eval/merge, varied, as JSON Lines would carry them
    large    the corpus repeated with varied place names and years, streamed (never held in memory)

Variation is deterministic: copy k swaps the Sahel towns it names for others (a rotation of
TOWNS) and shifts every year by k mod 7, so copies are new documents with the same structure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import count, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOWNS = ["Dioura", "Boulkessi", "Djibo", "Ménaka", "Gao", "Kidal", "Tessit", "Léré", "Nampala", "Bourem",
         "Ansongo", "Diafarabé", "Tillabéri", "Téra", "Ouallam", "Dori", "Kaya", "Arbinda"]
_TOWN = re.compile(r"\b(" + "|".join(map(re.escape, TOWNS)) + r")\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")

Item = tuple[str, str, str | None, dict]
"""(doc_id, text, format for casus.ingest.read_text or None to detect, metadata)"""


def vary(text: str, k: int) -> str:
    """Copy ``k`` of a text: towns rotated by ``k``, years shifted by ``k % 7``."""
    if k == 0:
        return text
    text = _TOWN.sub(lambda m: TOWNS[(TOWNS.index(m.group()) + k) % len(TOWNS)], text)
    return _YEAR.sub(lambda m: str(int(m.group()) - k % 7), text)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.stem.upper() not in {"SOURCES", "README"})


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def samples() -> Iterator[Item]:
    for path in _files(ROOT / "samples"):
        if path.suffix == ".jsonl":
            for r in _records(path):
                yield r["id"], r["text"], "jsonl", _meta(r)
        else:
            yield str(path), path.read_text(encoding="utf-8"), None, {}


def corpus() -> Iterator[Item]:
    for path in _files(SHARED / "corpus" / "wikipedia"):
        yield str(path), path.read_text(encoding="utf-8"), None, {}


def short(n: int) -> Iterator[Item]:
    """``n`` one-paragraph reports, cycling over the wire reports the repository holds."""
    base = [r for p in (ROOT / "eval/wire/sahel-wire.jsonl", ROOT / "samples/sahel-wire-2024.jsonl",
                        ROOT / "eval/merge/reports.jsonl") for r in _records(p)]  # fmt: skip
    for i in range(n):
        r, k = base[i % len(base)], i // len(base)
        yield f"{r['id']}~{k}", vary(r["text"], k), "jsonl", _meta(r)


def large(n: int) -> Iterator[Item]:
    """``n`` articles: the corpus over and over, each pass varied; read lazily, one at a time."""
    paths = _files(SHARED / "corpus" / "wikipedia")
    for i in islice(count(), n):
        path, k = paths[i % len(paths)], i // len(paths)
        yield f"{path}~{k}", vary(path.read_text(encoding="utf-8"), k), "markdown", {}


def _meta(r: dict) -> dict:
    return {key: r.get(key) for key in ("title", "url", "published", "lang") if r.get(key) is not None}


def stream(name: str, docs: int | None) -> Iterator[Item]:
    """The named corpus, cut to ``docs`` documents when given."""
    if name == "samples":
        found: Iterator[Item] = samples()
    elif name == "corpus":
        found = corpus()
    elif name == "short":
        found = short(docs or 2000)
    elif name == "large":
        found = large(docs or 100_000)
    else:
        raise ValueError(f"unknown corpus {name!r}")
    return islice(found, docs) if docs else found
