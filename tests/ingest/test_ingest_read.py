"""read_paths, read_file and read_text: files, folders, errors as values, the public API."""

from __future__ import annotations

from pathlib import Path

import pytest

import casus.ingest
from casus.errors import ReadError
from casus.ingest import read_file, read_paths, read_text
from casus.model import Document
from casus.view import View


def test_public_api() -> None:
    assert sorted(casus.ingest.__all__) == ["detect_format", "read_file", "read_paths", "read_text"]


def test_samples_folder(samples_dir: Path, shared: Path) -> None:
    items = list(read_paths([samples_dir]))
    assert all(isinstance(i, Document) for i in items), items
    assert [(d.doc_id, d.format) for d in items] == [
        (str(samples_dir / "battle-of-bourem-2024.wiki"), "wikitext"),
        (str(samples_dir / "boulkessi-attack-2024.html"), "html"),
        (str(samples_dir / "raid-on-dioura-2023.txt"), "mirror"),
        ("sw-2024-0418-djibo", "jsonl"),
        ("sw-2024-0502-menaka", "jsonl"),
        ("sw-2024-0611-tillaberi", "jsonl"),
        ("sw-2024-0703-lere", "jsonl"),
    ]  # SOURCES.md describes the folder and is skipped
    seed = (shared / "seed" / "raid-on-dioura-2023.txt").read_bytes()
    assert (samples_dir / "raid-on-dioura-2023.txt").read_bytes() == seed


def test_a_folder_mixing_good_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "b-reports").mkdir()
    (tmp_path / "b-reports" / "good.txt").write_text("Twelve soldiers were killed in Djibo.\n", encoding="utf-8")
    (tmp_path / "b-reports" / "empty.txt").write_bytes(b"")
    (tmp_path / "a-blank.md").write_text("  \n\n \t\n", encoding="utf-8")
    (tmp_path / "c-image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "d-latin.txt").write_bytes(b"Attack \x80\x81\xfe\xff on Ber")
    (tmp_path / "e-feed.jsonl").write_text('{"id": "x", "text": "Clashes in Ber."}\nnot json\n', encoding="utf-8")
    (tmp_path / "f-page.html").write_text("<html><body><p>Five killed in Gao.</p>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("never read", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("never read", encoding="utf-8")
    folder = str(tmp_path)
    items = list(read_paths([folder, tmp_path / "missing.txt", folder + "/b-reports/good.txt"]))
    got = [(i.doc_id, type(i).__name__, getattr(i, "reason", "")) for i in items]
    assert got == [
        (f"{folder}/a-blank.md", "ReadError", "no text (white space only)"),
        (f"{folder}/b-reports/empty.txt", "ReadError", "empty file"),
        (f"{folder}/b-reports/good.txt", "Document", ""),
        (f"{folder}/c-image.png", "ReadError", "binary file (a PNG image), not text"),
        (f"{folder}/d-latin.txt", "ReadError", "invalid UTF-8 at byte 7: invalid start byte"),
        ("x", "Document", ""),
        (f"{folder}/e-feed.jsonl:2", "ReadError", "invalid JSON: Expecting value at column 1"),
        (f"{folder}/f-page.html", "Document", ""),
        (f"{folder}/missing.txt", "ReadError", "no such file or folder"),
        (f"{folder}/b-reports/good.txt", "Document", ""),  # a file named by the user: its path as given
    ]


def test_lang_is_a_default(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Attaque à Ménaka.", encoding="utf-8")
    (tmp_path / "b.html").write_text('<html lang="en"><body><p>Attack.</p></body></html>', encoding="utf-8")
    assert [d.lang for d in read_paths([tmp_path], lang="fr")] == ["fr", "en"]


def test_read_file_yields_errors_instead_of_raising(tmp_path: Path) -> None:
    (error,) = read_file(tmp_path / "nope.txt")
    assert isinstance(error, ReadError) and error.doc_id == str(tmp_path / "nope.txt")


def test_read_text_plain_paragraphs() -> None:
    text = "\n\n  At least 12 soldiers were killed.\r\n\r\n\r\nThe army said so.\n  \n"
    doc = read_text(text, "wire-1", published="2024-03-12", lang="en", title="Attack")
    assert doc.text == text and doc.format == "text"
    assert View(doc).clean == "At least 12 soldiers were killed.\n\nThe army said so."
    assert (doc.title, doc.lang, str(doc.published)) == ("Attack", "en", "2024-03-12")


@pytest.mark.parametrize(
    ("text", "kwargs", "reason"),
    [
        ("", {}, "no text"),
        (" \n\t ", {}, "no text"),
        ("Report.", {"published": "12/03/2024"}, "not a date"),
        ("Report.", {"fmt": "pdf"}, "unknown format"),
        ('{"id": "a", "text": "b"}', {}, "JSON Lines"),
        ("{{Infobox military conflict|conflict=X}}[[Category:Y]]", {}, "no content"),
    ],
)
def test_read_text_refusals(text: str, kwargs: dict[str, str], reason: str) -> None:
    with pytest.raises(ReadError) as err:
        read_text(text, "doc-1", **kwargs)
    assert err.value.doc_id == "doc-1" and reason in err.value.reason


def test_read_text_rejects_unknown_metadata() -> None:
    with pytest.raises(TypeError):
        read_text("Report.", "doc-1", source="x")
