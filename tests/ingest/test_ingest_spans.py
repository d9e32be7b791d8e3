"""Property tests: every clean range quotes back to the original, for every reader, and no
input, however broken, makes a reader fail with anything but a ReadError."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.errors import ReadError
from casus.ingest import read_paths, read_text
from casus.model import Document
from casus.view import View

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DOCS = [d for d in read_paths([SAMPLES, DATA]) if isinstance(d, Document)]
MARKUP = st.sampled_from(
    ["<p>", "</p>", "<div class='share'>", "</div>", "<br>", "&amp;", "&#8217;", "<!--", "-->",
     "<script>", "</script>", "[[", "]]", "|", "{{", "}}", "'''", "''", "<ref>", "</ref>", "==",
     "\n", "\n\n", " ", "---\n", "# ", "**", "*", "_", "[", "](", ")", "![", "[^1]", "- ", "> ",
     " ...", "...\n", "{{DEFAULTSORT:", "The ", " (", " is a ", "Mali", "Ménaka", "12", "killed"]
)
FUZZ = st.lists(st.one_of(MARKUP, st.text(max_size=5)), max_size=40).map("".join)


def test_every_format_is_covered() -> None:
    assert {d.format for d in DOCS} == {"mirror", "wikitext", "markdown", "html", "jsonl"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_clean_ranges_quote_back_to_the_original(data: st.DataObject, check_range: Callable[..., None]) -> None:
    doc = data.draw(st.sampled_from(DOCS), label="doc")
    view = View(doc)
    start = data.draw(st.integers(0, len(view.clean) - 1), label="start")
    end = data.draw(st.integers(start + 1, min(len(view.clean), start + 400)), label="end")
    check_range(doc, view, start, end)


@pytest.mark.parametrize("fmt", ["text", "mirror", "wikitext", "markdown", "html", "jsonl", None])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=FUZZ)
def test_broken_input_reads_or_is_refused(
    fmt: str | None, text: str, check_segments: Callable[..., None], check_all_ranges: Callable[..., None]
) -> None:
    try:
        doc = read_text(text, "fuzz", fmt)
    except ReadError as err:
        assert err.doc_id == "fuzz" and err.reason
        return
    assert doc.text == text.replace("\x00", "\ufffd")  # NUL kept as U+FFFD (issue 15)
    check_segments(doc)
    check_all_ranges(doc, step=3)
