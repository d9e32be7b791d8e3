"""Hostile inputs for the fuzz tests and the atheris harnesses: mutations of real documents and a
catalogue of nasty fragments (nested markup, invalid UTF-8, zero-width and right-to-left marks,
NUL bytes, byte-order marks, mixed scripts, huge lines).

Sizes stay small enough for CI; tests/fuzz/test_hostile.py runs the megabyte cases once each."""

from __future__ import annotations

import codecs
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = (".txt", ".md", ".wiki", ".html", ".jsonl", "")

FUZZ = settings(deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=list(HealthCheck))
"""Reproducible (derandomized: the same examples every run), no deadline, no health checks:
every fuzz test takes its own ``max_examples``."""

FRAGMENTS: dict[str, bytes] = {
    "nested_templates": b"{{" * 300,
    "closing_templates": b"}}" * 300,
    "nested_divs": b"<div>" * 1000,
    "unbalanced_links": b"[[" * 500,
    "unclosed_comment": b"<!--",
    "unclosed_front_matter": b"---\ntitle: [",
    "table": b"\n{|\n|-\n| a || b\n",
    "heading": b"\n== Casualties ==\n",
    "infobox": b"{{Infobox military conflict\n| casualties1 = 12 killed\n",
    "html_skeleton": b"<!DOCTYPE html><html><body><article><p>",
    "script": b"<script>alert('x')</script>",
    "entities": b"&amp;&#8217;&#x1F4A3;&bogus;&#99999999999;",
    "jsonl_line": b'\n{"id": "x", "text": "Gunmen killed 12 soldiers in Dioura."}\n',
    "jsonl_bad": b'\n{"id": 1, "text": ["no"]}\n{"id": "\\ud800", "text": "\\ud800 lone surrogate"}\n',
    "nul": b"\x00",
    "nuls": b"\x00" * 64,
    "bom_utf8": codecs.BOM_UTF8,
    "bom_utf16": codecs.BOM_UTF16_LE,
    "bom_utf32": codecs.BOM_UTF32_LE,
    "invalid_utf8": b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc",
    "surrogate_utf8": b"\xed\xa0\x80",
    "overlong_utf8": b"\xc0\xaf\xe0\x80\xaf",
    "cp1252": "Ménaka – «attaque» à Gao".encode("cp1252"),
    "zero_width": "\u200b\u200c\u200d\u2060\ufeff".encode(),
    "rtl": "\u202eقتل 12 جنديا في ديورا\u202c \u200f".encode(),
    "bidi_isolates": "\u2066\u2067\u2068\u2069\u202a\u202b\u202d".encode(),
    "mixed_scripts": "Гао 殺害 ☠️ Ménaka ማሊ 𝔐𝔞𝔩𝔦 e\u0301\u0301\u0301".encode(),
    "line_separators": "\u2028\u2029\x85\x0b\x0c\r\r\n".encode(),
    "figures": b" killed 98 soldiers, ninety-eight dead, 1,000,000,000,000,000 wounded ",
    "long_token": b"A" * 20_000,
    "long_line": b"killed " * 3_000,
}

HUGE: dict[str, bytes] = {
    "one_token_1MB": b"x" * 1_000_000,
    "nested_templates_10k": b"{{" * 10_000 + b"Mali" + b"}}" * 10_000,
    "divs_10k": b"<html><body>" + b"<div>" * 10_000 + b"Gunmen killed 12 soldiers in Dioura.",
    "unbalanced_links_20k": b"[[" * 20_000 + b"Mali",
    "brackets_50k": b"[" * 50_000,
    "zero_width_100k": "Dioura\u200b".encode() * 15_000,
    "rtl_100k": "\u202eديورا 12 \u202c".encode() * 10_000,
    "nuls_100k": b"\x00" * 100_000,
    "invalid_utf8_100k": b"\xff\xc3" * 50_000,
}
"""The megabyte-scale cases, run once each (test_hostile.py), not in every example."""


def corpus_files(*folders: Path) -> list[Path]:
    """Document files under ``folders`` (no folder notes such as SOURCES.md)."""
    out = []
    for folder in folders:
        out += sorted(p for p in folder.rglob("*") if p.is_file() and p.stem.upper() not in {"SOURCES", "README"})
    return out


BUNDLED = corpus_files(ROOT / "samples", ROOT / "eval" / "docs")
"""The seed, the samples (every format) and the evaluation documents."""


@st.composite
def mutated(draw: st.DrawFn, sources: list[bytes], max_ops: int = 6) -> bytes:
    """One of ``sources`` cut to a window, then mutated a few times: bytes flipped, cut short,
    ranges deleted or repeated, hostile fragments inserted."""
    data = draw(st.sampled_from(sources))
    if len(data) > 6000 and draw(st.booleans()):
        start = draw(st.integers(0, len(data) - 1))
        data = data[start : start + draw(st.integers(200, 6000))]
    for _ in range(draw(st.integers(0, max_ops))):
        data = _mutate(draw, data)
    return data


def _mutate(draw: st.DrawFn, data: bytes) -> bytes:
    op = draw(st.sampled_from(["flip", "cut", "delete", "repeat", "insert", "insert", "insert"]))
    pos = draw(st.integers(0, len(data)))
    if op == "flip" and data:
        i = min(pos, len(data) - 1)
        return data[:i] + bytes([data[i] ^ (1 << draw(st.integers(0, 7)))]) + data[i + 1 :]
    if op == "cut":
        return data[:pos]
    if op == "delete":
        return data[:pos] + data[pos + draw(st.integers(1, 500)) :]
    if op == "repeat":
        return data[:pos] + data[pos : pos + draw(st.integers(1, 200))] * draw(st.integers(2, 50)) + data[pos:]
    fragment = FRAGMENTS[draw(st.sampled_from(sorted(FRAGMENTS)))]
    return data[:pos] + fragment + data[pos:]


def random_bytes() -> st.SearchStrategy[bytes]:
    """Bytes from nothing: random, or random runs of the hostile fragments."""
    pieces = st.one_of(st.binary(max_size=40), st.sampled_from(list(FRAGMENTS.values())),
                       st.text(max_size=20).map(lambda s: s.encode("utf-8", "surrogatepass")))
    return st.lists(pieces, max_size=12).map(b"".join)
