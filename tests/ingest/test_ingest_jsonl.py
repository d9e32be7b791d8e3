"""JSON Lines feeds: one Document per good line, one ReadError per bad line, never a stop."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from casus.errors import ReadError
from casus.ingest import read_file
from casus.model import Document
from casus.view import View


def test_sample_feed(samples_dir: Path, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    docs = list(read_file(samples_dir / "sahel-wire-2024.jsonl"))
    assert [d.doc_id for d in docs] == [
        "sw-2024-0418-djibo", "sw-2024-0502-menaka", "sw-2024-0611-tillaberi", "sw-2024-0703-lere",
    ]
    for doc in docs:
        assert isinstance(doc, Document) and doc.format == "jsonl" and doc.lang == "en"
        assert doc.published and doc.title
        check_segments(doc)
        check_all_ranges(doc)
    assert docs[1].published == date(2024, 5, 2)
    assert View(docs[0]).clean.count("\n\n") == 1  # two paragraphs


def test_bad_lines_are_reported_and_the_rest_read(data_dir: Path) -> None:
    path = data_dir / "feed-with-bad-lines.jsonl"
    items = list(read_file(path))
    docs = [i for i in items if isinstance(i, Document)]
    errors = {e.doc_id: e.reason for e in items if isinstance(e, ReadError)}
    assert [d.doc_id for d in docs] == ["ok-1", "ok-2", "7"]
    assert docs[0].text == "At least 9 soldiers were killed near Boulkessi, the army said."
    assert docs[0].title == "Boulkessi" and docs[0].published == date(2024, 3, 12)
    assert docs[2].published == date(2024, 6, 11)
    f = str(path)
    assert errors.keys() == {f"{f}:{n}" for n in (2, 3, 4, 5, 6, 8, 10, 11)}
    assert errors[f"{f}:2"].startswith("invalid JSON")
    assert errors[f"{f}:3"] == "missing id"
    assert errors[f"{f}:4"] == "missing text"
    assert errors[f"{f}:5"] == "text must be a string, not int"
    assert "bad published date" in errors[f"{f}:6"] and "last Tuesday" in errors[f"{f}:6"]
    assert "JSON object" in errors[f"{f}:8"]
    assert errors[f"{f}:10"] == "duplicate id 'ok-1' (first on line 1)"
    assert errors[f"{f}:11"] == "empty text"


def test_html_inside_a_feed_is_read_as_html(data_dir: Path) -> None:
    docs = [i for i in read_file(data_dir / "feed-with-bad-lines.jsonl") if isinstance(i, Document)]
    assert docs[1].format == "jsonl"
    assert View(docs[1]).clean == "Gunmen killed 5 civilians in Bourem\xa0on Sunday."
