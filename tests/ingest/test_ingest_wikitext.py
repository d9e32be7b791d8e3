"""MediaWiki wikitext: prose kept, templates, references, files and categories dropped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from casus.errors import ReadError
from casus.ingest import read_file, read_text
from casus.model import Document
from casus.view import View

ARTICLE = """{{Short description|Attack in Niger}}
{{Infobox military conflict
| conflict = Ambush near Tera
| place = near [[Téra]], [[Tillabéri Region]], [[Niger]]
| casualties1 = 7 killed<ref>Defence ministry</ref><br />12 wounded
}}
The '''ambush near Tera''' took place on 9 June 2024 in the [[Tillabéri Region|Tillabéri region]] of [[Niger]].<ref name="mod">{{cite web |title=Communiqué}}</ref> Seven soldiers were killed,<ref name="mod" /> the ''defence ministry'' said &ndash; a figure a local official put at 11.<!-- check --> [[File:Tera.jpg|thumb|Tera in 2010]] See the [https://example.org/report full report].

== Attack ==
The convoy was attacked near the village of {{lang|fr|Bankilaré}} at dawn.
* Seven soldiers killed
* Twelve wounded
{| class="wikitable"
! Side !! Killed
|-
| Army || 7
|}
=== Claims ===
The ministry said about twenty attackers were killed.

== References ==
{{Reflist}}
== See also ==
* [[Tillabéri Region]]

[[Category:2024 in Niger]]
[[fr:Embuscade de Téra]]
"""


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_text(ARTICLE, "tera.wiki", "wikitext", title="Ambush near Tera")


def test_prose_links_and_headings(doc: Document, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    clean = View(doc).clean
    assert clean.startswith(
        "The ambush near Tera took place on 9 June 2024 in the Tillabéri region of Niger. "
        "Seven soldiers were killed, the defence ministry said – a figure a local official put at 11."
    )
    assert "See the full report." in clean
    assert "\n\nAttack\n\nThe convoy was attacked near the village of Bankilaré at dawn." in clean
    assert "\n\nSeven soldiers killed\n\nTwelve wounded\n\nClaims\n\nThe ministry said" in clean
    assert clean.endswith("about twenty attackers were killed.")
    for markup in ("{{", "}}", "[[", "]]", "<ref", "'''", "''", "Communiqué", "thumb", "Tera.jpg",
                   "<!--", "check", "wikitable", "Killed", "Reflist", "Category", "Embuscade",
                   "See also", "References", "https", "Short description"):
        assert markup not in clean, markup
    check_segments(doc)
    check_all_ranges(doc)


def test_link_label_is_a_substring_of_the_original(doc: Document) -> None:
    view = View(doc)
    start = view.clean.index("Tillabéri region")
    quote, spans = view.quote(start, start + len("Tillabéri region"))
    assert quote == "Tillabéri region"
    assert doc.text[spans[0].start : spans[0].end] == "Tillabéri region"


def test_entity_is_a_replacement(doc: Document) -> None:
    (dash,) = [s for s in doc.segments if s.replacement == "–"]
    assert doc.text[dash.start : dash.end] == "&ndash;"


def test_infobox_and_title(doc: Document) -> None:
    assert doc.title == "Ambush near Tera"
    assert doc.infobox == {
        "conflict": "Ambush near Tera",
        "place": "near Téra, Tillabéri Region, Niger",
        "casualties1": "7 killed\n12 wounded",
    }
    assert read_text(ARTICLE, "tera.wiki", "wikitext").title == "Ambush near Tera"


def test_sample(samples_dir: Path, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    (doc,) = read_file(samples_dir / "battle-of-bourem-2024.wiki")
    assert isinstance(doc, Document) and doc.format == "wikitext"
    assert doc.infobox and doc.infobox["casualties1"] == "9 killed, 14 wounded"
    clean = View(doc).clean
    assert "The army said in a statement that nine soldiers were killed and fourteen wounded" in clean
    assert "Residents told local reporters that shells fell" in clean
    check_segments(doc)
    check_all_ranges(doc)


@pytest.mark.parametrize("cut", range(1, len(ARTICLE), 11))
def test_truncated_wikitext_never_crashes(cut: int, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    text = ARTICLE[:cut]
    try:
        doc = read_text(text, "cut.wiki", "wikitext")
    except ReadError as err:
        assert err.reason.startswith(("no content", "no text"))
        return
    check_segments(doc)
    check_all_ranges(doc, step=5)
    assert "<ref" not in View(doc).clean


@pytest.mark.parametrize(
    "text",
    [
        "The '''battle of [[Léré was fought {{cite|x",
        "Fighting near [[Ménaka]]]] and {{Infobox|a=b}}}} [[[x]]]",
        "]]}}== x\n<ref name=a>unclosed ref\nnext line survives",
        "{| class=x\n| a || b\nText after a table left open",
        "Text <!-- comment never closed\nhidden",
    ],
)
def test_unbalanced_wikitext(text: str, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]) -> None:
    doc = read_text(text, "bad.wiki", "wikitext")
    check_segments(doc)
    check_all_ranges(doc, step=3)
