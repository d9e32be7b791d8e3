"""Issue 15 (hostile input, second round): inputs that used to stop a whole run."""

from __future__ import annotations

from pathlib import Path

from casus.errors import ReadError
from casus.ingest import read_file, read_text
from casus.ingest.decode import decode
from casus.ingest.detect import detect_format
from casus.model import Document

DEEP = "[" * 5000 + "]" * 5000


def test_deeply_nested_json_line_is_a_refusal_naming_the_line(tmp_path: Path) -> None:
    """Bug 2: RecursionError in json.loads stopped the feed."""
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id":"a","text":"x","t":' + DEEP + '}\n{"id":"b","text":"Gunmen killed 12 soldiers."}\n')
    items = list(read_file(path))
    assert isinstance(items[0], ReadError) and items[0].doc_id == f"{path}:1"
    assert "nested" in items[0].reason and not items[0].reason.startswith("reader failed")
    assert isinstance(items[1], Document) and items[1].doc_id == "b"


def test_deeply_nested_json_in_format_detection_is_not_a_crash(tmp_path: Path) -> None:
    """Bug 3: RecursionError in _looks_like_jsonl."""
    text = '{"text": ' + DEEP + "}\nGunmen killed 12 soldiers in Gao.\n"
    assert detect_format(text) == "text"
    path = tmp_path / "deep.txt"
    path.write_text(text)
    for item in read_file(path):
        assert isinstance(item, Document) or not item.reason.startswith("reader failed"), item
    doc = read_text(text, "body")
    assert doc.format == "text"


def test_nul_is_replaced_at_reading_so_every_store_keeps_the_same_text() -> None:
    """Bug 4: U+0000 broke PostgreSQL; it becomes U+FFFD, at the same offset."""
    text = "Gunmen killed 12\x00 soldiers in Gao."
    doc = read_text(text, "nul")
    assert "\x00" not in doc.text and doc.text == text.replace("\x00", "\ufffd")
    assert len(doc.text) == len(text)
    assert "\x00" not in decode("Gao\x00 attack".encode("utf-16"), "f")


def test_json_lines_split_on_newline_only(tmp_path: Path) -> None:
    """Bug 10: a raw U+2028/U+2029/U+0085 inside a JSON string is not a line end."""
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id":"a","text":"Gunmen\u2028killed\u2029 12\x85 soldiers."}\n'
                    '{"id":"b","text":"Second line."}\n', encoding="utf-8")
    items = list(read_file(path))
    assert [type(i) for i in items] == [Document, Document], items
    assert items[0].text == "Gunmen\u2028killed\u2029 12\x85 soldiers."
