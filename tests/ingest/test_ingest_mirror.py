"""Scraped-mirror pages: navigation debris, link previews and the category blob left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from casus.ingest import read_file, read_text
from casus.model import Document
from casus.view import View

MIRROR_PAGES = ("battle-of-menaka-2022.txt", "siege-of-djibo.txt", "attack-on-boulkessi-2019.txt")


def _read(path: Path) -> Document:
    (doc,) = read_file(path)
    assert isinstance(doc, Document), doc
    return doc


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Document:
    return _read(seed_path)


def test_seed_is_read_as_a_mirror_page(seed: Document, seed_path: Path, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    assert seed.format == "mirror"
    assert seed.title == "Raid On Dioura (2023)"
    assert seed.text == seed_path.read_text(encoding="utf-8")
    check_segments(seed)
    check_all_ranges(seed)


def test_seed_keeps_linked_terms_and_drops_their_previews(seed: Document) -> None:
    clean = View(seed).clean
    for passage in (
        "allied\nWagner Group\nmercenaries against the\n"
        "Permanent Strategic Framework for Peace, Security, and Development\n(CSP-PSD)",
        "former rebel\nCoordination of Azawad Movements\n(CMA) and the pro-government\nPlatform\nmilitias.",
        "signing of the\nAlgiers Accords\nin 2015.",
        "attacked Malian forces in\nBourem\nand Léré.",
        "French media\nLe Monde\nand RFI confirmed",
    ):
        assert passage in clean
    for debris in ("1981", "Iran", "arts centre", "Prigozhin", "Pu ...", "mass media", "commune",
                   "may refer to", "CSP-DPA", "..."):
        assert debris not in clean, debris


def test_seed_drops_navigation_references_and_categories(seed: Document) -> None:
    clean = View(seed).clean
    assert clean.startswith("On September 28, 2023, rebels from the CSP-PSD attacked")
    assert clean.endswith("ten others were injured.")
    for debris in ("HOME", "TheInfoList", "OR:", "References", "DEFAULTSORT", "Battles in 2023"):
        assert debris not in clean


def test_seed_headings_are_paragraphs(seed: Document) -> None:
    paragraphs = View(seed).clean.split("\n\n")
    assert [p for p in paragraphs if p in ("Background", "Attack", "Aftermath")] == [
        "Background",
        "Attack",
        "Aftermath",
    ]
    assert len(paragraphs) == 7


def test_seed_quotes_map_back_to_the_original(seed: Document) -> None:
    view = View(seed)
    start = view.clean.index("ninety-eight Malian soldiers were killed")
    quote, spans = view.quote(start, start + len("ninety-eight Malian soldiers were killed"))
    assert quote == "ninety-eight Malian soldiers were killed"
    assert seed.text[spans[0].start : spans[-1].end] == quote
    start = view.clean.index("allied")
    end = view.clean.index("mercenaries") + len("mercenaries")
    quote, spans = view.quote(start, end)
    assert quote == "allied Wagner Group mercenaries"
    assert len(spans) == 2  # the preview between them is not quoted


@pytest.mark.parametrize("name", MIRROR_PAGES)
def test_other_mirror_pages(data_dir: Path, name: str, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    doc = _read(data_dir / name)
    assert doc.format == "mirror"
    assert doc.title and doc.title in doc.text.splitlines()[0]
    check_segments(doc)
    check_all_ranges(doc)
    clean = View(doc).clean
    assert " ..." not in clean.replace("the east ...", "")
    for debris in ("HOME", "TheInfoList", "DEFAULTSORT", "References", "See also",
                   "External links", "Notes", "is a", "(;", "(, ;"):
        assert debris not in clean, (name, debris)


def test_menaka_page(data_dir: Path) -> None:
    clean = View(_read(data_dir / "battle-of-menaka-2022.txt")).clean
    for passage in (
        "between the\nIslamic State in the Greater Sahara\nand the\n"
        "Movement for the Salvation of Azawad\naround the town of\nMénaka\n.",
        "from the\nMénaka Region\nin early 2022.",
        "jihadist\ngroups had already attacked",  # a link opening a paragraph
        "The\nMalian Army\nsent reinforcements on March 10.",
        # a quotation that ends in "..." is prose, not a preview
        '"They came at dawn on motorbikes, they burned the granaries, then they left towards the east ..."',
    ):
        assert passage in clean
    for debris in ("Salafi", "Acharatoumane", "Route Nationale", "neologism", "Gendarmerie",
                   "List of battles", "Official statement", "Massacres"):
        assert debris not in clean


def test_djibo_page(data_dir: Path) -> None:
    clean = View(_read(data_dir / "siege-of-djibo.txt")).clean
    for passage in (
        "northern\nBurkina Faso\nby fighters of\nJama'at Nasr al-Islam wal Muslimin\nsince February 2022.",
        "between\nDjibo\nand\nOuagadougou\nwas cut",
        "a supply\nconvoy\nof about 150 trucks",
        "soldiers.\nAgence France-Presse\nreported that about 70 drivers",
        "Members of the\nVolunteers for the Defence of the Homeland\ntook part",
        "in the\nSoum Province\n.",
    ):
        assert passage in clean
    for debris in ("landlocked", "Ansar Dine", "livestock", "2,415,266", "Peckinpah", "Havas",
                   "Kaboré", "348,000"):
        assert debris not in clean


def test_mirror_reader_keeps_plain_prose_untouched() -> None:
    text = "Battle report\n\nAt least 12 soldiers were killed near Djibo, the army said.\n"
    doc = read_text(text, "x", "mirror")
    assert View(doc).clean == "Battle report\n\nAt least 12 soldiers were killed near Djibo, the army said."
