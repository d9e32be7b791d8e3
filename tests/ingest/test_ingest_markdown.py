"""Markdown with YAML front matter: the encyclopedia corpus and a small report."""

from __future__ import annotations

from collections.abc import Callable
import re
from datetime import date
from pathlib import Path

import pytest

from casus.errors import ReadError
from casus.ingest import read_file, read_paths, read_text
from casus.model import Document
from casus.view import View

MARKDOWN_SYNTAX = re.compile(
    r"\]\(|!\[|\[\^|^#{1,6} |\*\*|__|^\s*[-*+] |^\s*\||^---$|^\w+:\s*$|^\s+text:|https?://", re.M
)


def test_report(data_dir: Path, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    (doc,) = read_file(data_dir / "ambush-report.md")
    assert isinstance(doc, Document), doc
    assert doc.format == "markdown"
    assert doc.title == "Ambush on the Djibo road"
    assert doc.published == date(2024, 4, 18)
    assert doc.lang == "en"
    assert doc.infobox and doc.infobox["source"].startswith("Sahel Wire")
    assert View(doc).clean.split("\n\n") == [
        "Ambush on the Djibo road",
        "At least 15 members of the Volunteers for the Defence of the Homeland (VDP) were killed in an\n"
        "ambush south of Djibo, two security sources said.\n"
        'The army said an air strike had "neutralised" the attackers — a claim that could not be verified.',
        "Toll",
        "15 volunteers killed, according to security sources",
        "3 vehicles burned",
        "Weapons taken: unknown",
        '"They came from the bush on motorbikes," a survivor said.',
        "The attack took place on the road_to_Djibo, about 20 km from the town. "
        "It was the third such attack in a month*.",
    ]
    check_segments(doc)
    check_all_ranges(doc)


def test_all_corpus_articles_read_cleanly(shared: Path, check_segments: Callable[..., None]) -> None:
    corpus = shared / "corpus" / "wikipedia"
    docs = list(read_paths([corpus]))
    assert len(docs) == 63
    for doc in docs:
        assert isinstance(doc, Document), doc
        assert doc.format == "markdown" and doc.title and doc.infobox
        clean = View(doc).clean
        assert not MARKDOWN_SYNTAX.search(clean), (doc.doc_id, MARKDOWN_SYNTAX.search(clean))
        assert "infoboxes" not in clean and "shortDescription" not in clean
        check_segments(doc)


def test_corpus_spans(shared: Path, check_all_ranges: Callable[..., None]) -> None:
    for name in ("sahel__tongo_tongo_ambush.md", "caucasus__2016_nagorno-karabakh_conflict.md"):
        (doc,) = read_file(shared / "corpus" / "wikipedia" / name)
        assert isinstance(doc, Document)
        check_all_ranges(doc, step=97)


def test_corpus_prose_is_kept(shared: Path) -> None:
    (doc,) = read_file(shared / "corpus" / "wikipedia" / "sahel__tongo_tongo_ambush.md")
    assert isinstance(doc, Document)
    clean = View(doc).clean
    assert clean.startswith("The Tongo Tongo ambush or the Niger ambush occurred on 4 October 2017")
    assert "\n\nBackground\n\n" in clean
    assert "Motorcycle destroyed by Team Ouallam" not in clean  # an image's alt text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: [unclosed\n---\nBody text.", "not valid YAML"),
        ("---\n- a list\n---\nBody text.", "not a mapping"),
    ],
)
def test_bad_front_matter_is_refused(text: str, reason: str) -> None:
    with pytest.raises(ReadError) as err:
        read_text(text, "bad.md", "markdown")
    assert err.value.doc_id == "bad.md" and reason in err.value.reason
