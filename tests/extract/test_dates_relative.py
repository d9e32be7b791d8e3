"""Dates resolved against the publication date (issue 12): nights over two days, "since
Friday", "overnight", ACLED-style "On 3 March," and the week given to a report with no date."""

from __future__ import annotations

from datetime import date

import pytest

from casus.extract.dates import DateContext, find_dates, undated
from casus.extract.pipeline import extract
from casus.model import Document

PUB = date(2023, 3, 15)  # a Wednesday


def one(text: str, lang: str = "en", anchor: date = PUB) -> tuple[date, date, int, str | None]:
    found = find_dates(text, anchor, lang)
    assert len(found) == 1, found
    d = found[0]
    return d.date_start, d.date_end, d.prec, d.part_of_day


@pytest.mark.parametrize("text, lang, start, end", [
    ("on the night of the 11th to the 12th", "en", date(2023, 3, 11), date(2023, 3, 12)),
    ("during the night of 11 to 12 March", "en", date(2023, 3, 11), date(2023, 3, 12)),
    ("the night of 28 February into 1 March 2021", "en", date(2021, 2, 28), date(2021, 3, 1)),
    ("dans la nuit du 11 au 12", "fr", date(2023, 3, 11), date(2023, 3, 12)),
    ("dans la nuit du 28 février au 1er mars", "fr", date(2023, 2, 28), date(2023, 3, 1)),
    ("dans la nuit du 20 au 21", "fr", date(2023, 2, 20), date(2023, 2, 21)),  # not yet: last month's
])
def test_a_night_over_two_days_is_both(text: str, lang: str, start: date, end: date) -> None:
    assert one(text, lang) == (start, end, 2, "night")


def test_a_night_that_cannot_be_is_no_date() -> None:
    assert find_dates("the night of 31 to 1", PUB) == []  # no 31 February


@pytest.mark.parametrize("text, lang", [("overnight", "en"), ("last night", "en"), ("cette nuit", "fr"),
                                        ("la nuit dernière", "fr")])
def test_overnight_is_the_night_before_publication(text: str, lang: str) -> None:
    assert one(f"Gunmen attacked the post {text}.", lang) == (date(2023, 3, 14), PUB, 2, "night")


@pytest.mark.parametrize("text, lang", [("fighting since Friday", "en"), ("combats depuis vendredi", "fr")])
def test_since_a_weekday_runs_to_publication(text: str, lang: str) -> None:
    assert one(text, lang) == (date(2023, 3, 10), PUB, 2, None)


def test_this_morning_and_on_wednesday_are_publication_days() -> None:
    assert one("this morning") == (PUB, PUB, 1, "morning")
    assert one("on Wednesday") == (PUB, PUB, 1, None)
    assert one("on Monday") == (date(2023, 3, 13), date(2023, 3, 13), 1, None)
    assert one("ce matin", "fr") == (PUB, PUB, 1, "morning")


def test_acled_note_opening_takes_the_year_of_publication() -> None:
    ctx = DateContext(date(2020, 1, 2))
    [d] = ctx.feed("On 31 December, unknown gunmen killed two civilians in Djibo.")
    assert (d.date_start, d.prec) == (date(2019, 12, 31), 1)  # the last 31 December before publication
    [d] = DateContext(PUB).feed("On 3 March, soldiers clashed with militants near Boni.")
    assert d.date_start == date(2023, 3, 3)


def test_undated_is_the_week_ending_at_publication() -> None:
    week = undated(PUB)
    assert week is not None and (week.date_start, week.date_end, week.prec) == (date(2023, 3, 9), PUB, 3)
    assert undated(None) is None


def test_a_report_without_a_date_is_coded_as_its_week() -> None:
    doc = Document(doc_id="w", text="Gunmen killed five civilians in Bankass, in the Mopti region, residents said.",
                   published=PUB)
    [e] = extract(doc)
    assert (e.date_start, e.date_end, e.date_prec) == (date(2023, 3, 9), PUB, 3)
    bare = Document(doc_id="w2", text=doc.text)  # no publication date: nothing to count from
    assert [e.date_start for e in extract(bare)] == [None]
