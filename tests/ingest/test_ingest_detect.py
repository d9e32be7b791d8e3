"""Format detection by content as well as by extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.ingest import detect_format


def test_seed_is_a_mirror_page_whatever_its_name(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    assert detect_format(text, str(seed_path)) == "mirror"
    assert detect_format(text) == "mirror"
    assert detect_format(text, "page.md") == "mirror"


def test_mirror_page_without_its_header_is_still_a_mirror_page(data_dir: Path) -> None:
    text = (data_dir / "siege-of-djibo.txt").read_text(encoding="utf-8")
    body = text[text.index("The siege") :]
    assert detect_format(body, "x.txt") == "mirror"
    assert detect_format(body[: body.index("{{DEFAULTSORT")], "x.txt") == "mirror"  # previews


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("{{Infobox military conflict\n| conflict = X\n}}\nThe battle.", "a.txt", "wikitext"),
        ("The '''Battle of Léré''' was fought near [[Léré]] in [[Mali]].", "a.txt", "wikitext"),
        ("---\ntitle: X\n---\nThe battle was fought.", "a.txt", "markdown"),
        ("---\ntitle: X\n---\nThe battle was fought.", None, "markdown"),
        ("# Battle\n\nThe [battle](http://x.org) was **hard**.", None, "markdown"),
        ("Just a report.\n\nTwo paragraphs.", "a.md", "markdown"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", "html"),
        ("<html lang=en><p>x</p>", None, "html"),
        ("<p>12 soldiers killed</p>", "a.htm", "html"),
        ('{"id": "1", "text": "x"}\n{"id": "2", "text": "y"}', "feed.jsonl", "jsonl"),
        ('{"id": "1", "text": "x"}\n', "feed.ndjson", "jsonl"),
        ('{"id": "1", "text": "x"}\n', "feed.dat", "jsonl"),
        ("At least 12 soldiers were killed, the army said.", "a.txt", "text"),
        ("At least 12 soldiers were killed, the army said.", "report.unknown", "text"),
        ("At least 12 soldiers were killed, the army said.", None, "text"),
        ("== Background ==\nThe [[Mali War]] began.", "a.wiki", "wikitext"),
    ],
)
def test_detect_format(text: str, path: str | None, expected: str) -> None:
    assert detect_format(text, path) == expected
