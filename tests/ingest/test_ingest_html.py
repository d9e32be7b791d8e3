"""HTML news pages: article text without page furniture, metadata from the head."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from casus.errors import ReadError
from casus.ingest import read_file, read_text
from casus.model import Document
from casus.view import View


@pytest.fixture(scope="module")
def page(samples_dir: Path) -> Document:
    (doc,) = read_file(samples_dir / "boulkessi-attack-2024.html")
    assert isinstance(doc, Document), doc
    return doc


def test_metadata(page: Document) -> None:
    assert page.format == "html"
    assert page.title == "Mali: at least 12 soldiers killed in attack on Boulkessi camp"
    assert page.published == date(2024, 3, 12)
    assert page.lang == "en"
    assert page.url == "https://sahelwire.example/mali/2024/03/12/boulkessi-camp-attack"


def test_article_text_only(page: Document, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    clean = View(page).clean
    assert clean.startswith("BAMAKO – At least 12 Malian soldiers were killed and 9 wounded")
    assert "“intense\n        fighting”" in clean
    assert "Jama’at Nusrat al-Islam wal-Muslimin (JNIM)" in clean
    assert "\n\nA camp attacked before\n\nBoulkessi, in the Mopti region" in clean
    for furniture in ("Subscribe", "cookies", "Share on", "Related", "Tillab", "rights reserved",
                      "About us", "dataLayer", "font-family", "File photo", "By Sahel Wire staff",
                      "<", ">", "&"):
        assert furniture not in clean, furniture
    check_segments(page)
    check_all_ranges(page)


def test_entities_are_replacements(page: Document) -> None:
    replaced = {page.text[s.start : s.end]: s.replacement for s in page.segments if s.end > s.start and s.replacement}
    assert replaced == {"&ndash;": "–", "&ldquo;": "“", "&rdquo;": "”", "&#8217;": "’"}


def test_blocks_are_separated() -> None:
    doc = read_text("<html><body><p>Ten killed</p><p>in Djibo</p><div>Army<br>said</div></body></html>", "x")
    assert View(doc).clean == "Ten killed\n\nin Djibo\n\nArmy\nsaid"
    assert all(s.replacement in ("\n\n", "\n") for s in doc.segments if s.start == s.end)


def test_without_article_or_body() -> None:
    doc = read_text("<p>Gunmen killed <b>five</b> people in Bourem.</p><footer>x</footer>", "x", "html")
    assert View(doc).clean == "Gunmen killed five people in Bourem."


def test_time_element_gives_the_date() -> None:
    doc = read_text('<html><article><time datetime="2024-02-01T08:00">1 Feb</time><p>Clashes.</p></article></html>', "x")
    assert doc.published == date(2024, 2, 1)


@pytest.mark.parametrize("cut", range(1, 3405, 37))
def test_truncated_html_never_crashes(samples_dir: Path, cut: int, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    text = (samples_dir / "boulkessi-attack-2024.html").read_text(encoding="utf-8")[:cut]
    try:
        doc = read_text(text, "cut.html", "html")
    except ReadError as err:
        assert err.reason.startswith("no content")
        return
    check_segments(doc)
    check_all_ranges(doc, step=5)
    assert "<" not in View(doc).clean


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><p>Twelve killed <b>near <i>Djibo</p></div></span>",
        '<html><body><p class="x>Unclosed attribute quote',
        "<html><body><p>Attack</p><!-- comment never closed <p>hidden",
        "<html><body><p>Attack on Léré<script>var x = '</p>';",
        "<html><body><p>AT&T &amp &#99999999; &bogus; fine</p>",
    ],
)
def test_malformed_html(text: str, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    try:
        doc = read_text(text, "bad.html", "html")
    except ReadError as err:
        assert err.reason.startswith("no content")
        return
    check_segments(doc)
    check_all_ranges(doc, step=3)
