"""Fill fuzz/corpus/{read,extract} with seeds: the bundled documents (samples/, eval/docs/),
each prefixed by one byte choosing the extension and format for the reader harness, and cut to
windows of at most 4 kB for the extraction harness. ``python fuzz/seeds.py``"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [p for folder in ("samples", "eval/docs") for p in sorted((ROOT / folder).rglob("*"))
           if p.is_file() and p.stem.upper() not in {"SOURCES", "README"}]

if __name__ == "__main__":
    read, extract = ROOT / "fuzz/corpus/read", ROOT / "fuzz/corpus/extract"
    read.mkdir(parents=True, exist_ok=True)
    extract.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(SOURCES):
        data = path.read_bytes()
        (read / f"{path.name}").write_bytes(bytes([i % 6]) + data)
        for j in range(0, min(len(data), 12_000), 4_000):
            (extract / f"{path.name}.{j}").write_bytes(data[j : j + 4_000])
    print(f"{len(SOURCES)} documents seeded")
