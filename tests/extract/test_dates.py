"""casus.extract.dates: date mentions, their span, UCDP precision and resolution."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casus.extract.dates import DateContext, DateMention, find_dates

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "raid-on-dioura-2023.txt"
PUB = date(2023, 10, 4)  # a Wednesday: the publication date used as anchor below
D = date.fromisoformat


def one(text: str, anchor: date | None = PUB, lang: str = "en", **kw: bool) -> DateMention:
    found = find_dates(text, anchor, lang, **kw)
    assert len(found) == 1, (text, found)
    return found[0]


# (text, mention text, date_start, date_end, prec, relative, part_of_day)
EN = [
    ("On September 28, 2023, rebels attacked.", "September 28, 2023", "2023-09-28", "2023-09-28", 1, False, None),
    ("on 28 September 2023", "28 September 2023", "2023-09-28", "2023-09-28", 1, False, None),
    ("on the 28th of September 2023", "28th of September 2023", "2023-09-28", "2023-09-28", 1, False, None),
    ("Thursday, 28 September 2023", "Thursday, 28 September 2023", "2023-09-28", "2023-09-28", 1, False, None),
    ("on Sept. 28", "Sept. 28", "2023-09-28", "2023-09-28", 1, True, None),
    ("on Sept 28", "Sept 28", "2023-09-28", "2023-09-28", 1, True, None),
    ("on 2023-09-28", "2023-09-28", "2023-09-28", "2023-09-28", 1, False, None),
    ("on 28/09/2023", "28/09/2023", "2023-09-28", "2023-09-28", 1, False, None),
    ("on 09/28/2023", "09/28/2023", "2023-09-28", "2023-09-28", 1, False, None),
    ("on the 28th", "the 28th", "2023-09-28", "2023-09-28", 1, True, None),
    ("on the 5th", "the 5th", "2023-09-05", "2023-09-05", 1, True, None),
    ("on the evening of September 28", "the evening of September 28", "2023-09-28", "2023-09-28", 1, True, "evening"),
    ("the night of 27 to 28 September", "the night of 27 to 28 September", "2023-09-27", "2023-09-28", 2, True, "night"),
    ("between 3 and 5 March", "between 3 and 5 March", "2023-03-03", "2023-03-05", 2, True, None),
    ("September 27–29, 2023", "September 27–29, 2023", "2023-09-27", "2023-09-29", 2, False, None),
    ("from 30 September to 2 October 2023", "from 30 September to 2 October 2023", "2023-09-30", "2023-10-02", 2, False, None),
    ("in August 2023", "August 2023", "2023-08-01", "2023-08-31", 4, False, None),
    ("in August", "August", "2023-08-01", "2023-08-31", 4, True, None),
    ("in November", "November", "2022-11-01", "2022-11-30", 4, True, None),
    ("in October", "October", "2023-10-01", "2023-10-31", 4, True, None),
    ("in 2015", "2015", "2015-01-01", "2015-12-31", 5, False, None),
    ("the 2023 attack", "2023", "2023-01-01", "2023-12-31", 5, False, None),
    ("Since the start of 2023", "the start of 2023", "2023-01-01", "2023-04-30", 5, False, None),
    ("in mid-2023", "mid-2023", "2023-05-01", "2023-08-31", 5, False, None),
    ("in late 2022", "late 2022", "2022-09-01", "2022-12-31", 5, False, None),
    ("between 2012 and 2015", "2012 and 2015", "2012-01-01", "2015-12-31", 5, False, None),
    ("in mid-August", "mid-August", "2023-08-11", "2023-08-20", 3, True, None),
    ("in early September 2023", "early September 2023", "2023-09-01", "2023-09-10", 3, False, None),
    ("in late September", "late September", "2023-09-21", "2023-09-30", 3, True, None),
    ("at the end of August", "the end of August", "2023-08-21", "2023-08-31", 3, True, None),
    ("yesterday", "yesterday", "2023-10-03", "2023-10-03", 1, True, None),
    ("yesterday morning", "yesterday morning", "2023-10-03", "2023-10-03", 1, True, "morning"),
    ("last night", "last night", "2023-10-03", "2023-10-04", 2, True, "night"),  # a night over two days: both
    ("the following day", "the following day", "2023-10-05", "2023-10-05", 1, True, None),
    ("The next day", "The next day", "2023-10-05", "2023-10-05", 1, True, None),
    ("the day before", "the day before", "2023-10-03", "2023-10-03", 1, True, None),
    ("two days later", "two days later", "2023-10-06", "2023-10-06", 1, True, None),
    ("3 days earlier", "3 days earlier", "2023-10-01", "2023-10-01", 1, True, None),
    ("a week ago", "a week ago", "2023-09-24", "2023-09-30", 3, True, None),
    ("on Wednesday", "Wednesday", "2023-10-04", "2023-10-04", 1, True, None),
    ("on Monday", "Monday", "2023-10-02", "2023-10-02", 1, True, None),
    ("on Thursday", "Thursday", "2023-09-28", "2023-09-28", 1, True, None),
    ("last Wednesday", "last Wednesday", "2023-09-27", "2023-09-27", 1, True, None),
    ("on Wednesday evening", "Wednesday evening", "2023-10-04", "2023-10-04", 1, True, "evening"),
    ("last week", "last week", "2023-09-25", "2023-10-01", 3, True, None),
    ("earlier this month", "earlier this month", "2023-10-01", "2023-10-04", 4, True, None),
    ("last month", "last month", "2023-09-01", "2023-09-30", 4, True, None),
    ("last year", "last year", "2022-01-01", "2022-12-31", 5, True, None),
]

FR = [
    ("le 28 septembre 2023", "28 septembre 2023", "2023-09-28", "2023-09-28", 1, False, None),
    ("le 28 septembre", "28 septembre", "2023-09-28", "2023-09-28", 1, True, None),
    ("le jeudi 28 septembre 2023", "jeudi 28 septembre 2023", "2023-09-28", "2023-09-28", 1, False, None),
    ("le 1er octobre", "1er octobre", "2023-10-01", "2023-10-01", 1, True, None),
    ("le premier octobre", "premier octobre", "2023-10-01", "2023-10-01", 1, True, None),
    ("le 28.09.2023", "28.09.2023", "2023-09-28", "2023-09-28", 1, False, None),
    ("en août 2023", "août 2023", "2023-08-01", "2023-08-31", 4, False, None),
    ("en août", "août", "2023-08-01", "2023-08-31", 4, True, None),
    ("au mois d'août", "août", "2023-08-01", "2023-08-31", 4, True, None),
    ("en 2015", "2015", "2015-01-01", "2015-12-31", 5, False, None),
    ("début 2023", "début 2023", "2023-01-01", "2023-04-30", 5, False, None),
    ("fin septembre", "fin septembre", "2023-09-21", "2023-09-30", 3, True, None),
    ("mi-août", "mi-août", "2023-08-11", "2023-08-20", 3, True, None),
    ("à la mi-août", "à la mi-août", "2023-08-11", "2023-08-20", 3, True, None),
    ("début septembre 2023", "début septembre 2023", "2023-09-01", "2023-09-10", 3, False, None),
    ("dans la nuit du 27 au 28 septembre", "la nuit du 27 au 28 septembre", "2023-09-27", "2023-09-28", 2, True, "night"),
    ("entre le 3 et le 5 mars", "entre le 3 et le 5 mars", "2023-03-03", "2023-03-05", 2, True, None),
    ("du 30 septembre au 2 octobre 2023", "du 30 septembre au 2 octobre 2023", "2023-09-30", "2023-10-02", 2, False, None),
    ("le soir du 28 septembre", "le soir du 28 septembre", "2023-09-28", "2023-09-28", 1, True, "evening"),
    ("le 28 septembre au soir", "28 septembre au soir", "2023-09-28", "2023-09-28", 1, True, "evening"),
    ("lundi", "lundi", "2023-10-02", "2023-10-02", 1, True, None),
    ("mercredi soir", "mercredi soir", "2023-10-04", "2023-10-04", 1, True, "evening"),
    ("mercredi dernier", "mercredi dernier", "2023-09-27", "2023-09-27", 1, True, None),
    ("la veille", "la veille", "2023-10-03", "2023-10-03", 1, True, None),
    ("le lendemain", "le lendemain", "2023-10-05", "2023-10-05", 1, True, None),
    ("le lendemain matin", "le lendemain matin", "2023-10-05", "2023-10-05", 1, True, "morning"),
    ("hier", "hier", "2023-10-03", "2023-10-03", 1, True, None),
    ("deux jours plus tard", "deux jours plus tard", "2023-10-06", "2023-10-06", 1, True, None),
    ("trois jours auparavant", "trois jours auparavant", "2023-10-01", "2023-10-01", 1, True, None),
    ("il y a trois jours", "il y a trois jours", "2023-10-01", "2023-10-01", 1, True, None),
    ("la semaine dernière", "la semaine dernière", "2023-09-25", "2023-10-01", 3, True, None),
    ("plus tôt ce mois-ci", "plus tôt ce mois-ci", "2023-10-01", "2023-10-04", 4, True, None),
    ("l'an dernier", "l'an dernier", "2022-01-01", "2022-12-31", 5, True, None),
]


def _check(case: tuple, lang: str) -> None:
    text, said, start, end, prec, relative, pod = case
    m = one(text, PUB, lang)
    assert (m.text, m.date_start, m.date_end, m.prec, m.relative, m.part_of_day) == (
        said, D(start), D(end), prec, relative, pod)
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("case", EN, ids=[c[0] for c in EN])
def test_english(case: tuple) -> None:
    _check(case, "en")


@pytest.mark.parametrize("case", FR, ids=[c[0] for c in FR])
def test_french(case: tuple) -> None:
    _check(case, "fr")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("98 soldiers were killed", "en"), ("the G5 Sahel", "en"), ("Route 66", "en"),
     ("Resolution 2085", "en"), ("480,000 copies", "en"), ("12 may have died", "en"),
     ("they may attack", "en"), ("1,2023 people", "en"), ("after two hours of fighting", "en"),
     ("for two days before withdrawing", "en"), ("March on Bamako", "en"), ("a 33rd Regiment", "en"),
     ("98 soldats", "fr"), ("le G5 Sahel", "fr"), ("le 28e régiment", "fr"), ("10 km", "fr"),
     ("", "en")],
)
def test_not_dates(text: str, lang: str) -> None:
    assert find_dates(text, PUB, lang) == []


# --- anchors ------------------------------------------------------------------------------

def test_without_anchor_only_full_dates_survive() -> None:
    found = find_dates("On 28 September 2023, then on 30 September, two days later, in 2015.", None)
    assert [m.text for m in found] == ["28 September 2023", "2015"]


def test_narrative_anchor_keeps_its_year() -> None:
    # read against a narrative date in January, "in November" is the same year, not the last one
    assert one("in November", D("2023-01-10"), narrative=True).date_start == D("2023-11-01")
    assert one("in November", D("2023-01-10")).date_start == D("2022-11-01")


def test_narrative_weekday_is_the_nearest() -> None:
    thursday = D("2023-09-28")
    assert one("on Saturday", thursday, narrative=True).date_start == D("2023-09-30")
    assert one("on Tuesday", thursday, narrative=True).date_start == D("2023-09-26")
    assert one("on Saturday", thursday).date_start == D("2023-09-23")


def test_next_weekday_is_after_the_anchor() -> None:
    assert one("next Wednesday").date_start == D("2023-10-11")


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        find_dates("28 September 2023", None, "de")


def test_context_chains_the_seed_story() -> None:
    ctx = DateContext(published=D("2023-10-05"))
    first = ctx.feed("On September 28, 2023, rebels from the CSP-PSD attacked Malian bases in Dioura, Mali.")
    assert [(m.date_start, m.prec) for m in first] == [(D("2023-09-28"), 1)]
    assert [(m.date_start, m.part_of_day) for m in ctx.feed(
        "CSP-PSD forces attacked the camp at Dioura on the evening of September 28.")] == [
        (D("2023-09-28"), "evening")]
    later = ctx.feed("Two days later, the rebels withdrew.")
    assert [(m.date_start, m.relative) for m in later] == [(D("2023-09-30"), True)]
    assert [m.date_start for m in ctx.feed("The CSP-PSD published two press releases on September 30.")] == [
        D("2023-09-30")]
    august = ctx.feed("Malian and Wagner forces attacked the town of Ber in August 2023.")
    assert [(m.date_start, m.date_end, m.prec) for m in august] == [(D("2023-08-01"), D("2023-08-31"), 4)]
    bare = ctx.feed("In August, Wagner moved north.")
    assert [(m.date_start, m.prec, m.relative) for m in bare] == [(D("2023-08-01"), 4, True)]
    assert [(m.date_start, m.date_end, m.prec) for m in ctx.feed("Since the start of 2023, tensions grew.")] == [
        (D("2023-01-01"), D("2023-04-30"), 5)]
    assert [m.date_start for m in ctx.feed("The next day, the army denied it.")] == [D("2023-10-01")]


def test_context_ignores_background_dates_for_the_anchor() -> None:
    ctx = DateContext()
    ctx.feed("On 28 September 2023 rebels attacked.")
    ctx.feed("The CMA was founded on 28 October 2014.")
    assert [m.date_start for m in ctx.feed("Two days later they withdrew.")] == [D("2023-09-30")]


def test_context_chains_within_a_sentence_and_in_french() -> None:
    ctx = DateContext(published=D("2023-10-05"), lang="fr")
    found = ctx.feed("Le 28 septembre 2023, les rebelles ont attaqué ; le lendemain, ils se sont retirés.")
    assert [m.date_start for m in found] == [D("2023-09-28"), D("2023-09-29")]
    assert [m.date_start for m in ctx.feed("Deux jours plus tard, l'armée a démenti.")] == [D("2023-10-01")]


def test_context_without_publication_date_uses_the_text_year() -> None:
    ctx = DateContext()
    assert ctx.feed("In the evening of September 28, fighting resumed.") == []
    ctx.feed("Fighting broke out in August 2023.")
    assert [m.date_start for m in ctx.feed("on the evening of September 28")] == [D("2023-09-28")]


def test_seed_article_dates() -> None:
    """The article's own sentences (link previews are dropped by the reader before extraction)."""
    sentences = [
        "On September 28, 2023, rebels from the CSP-PSD attacked Malian bases in Dioura, Mali.",
        "Since the start of 2023, tensions had intensified between the Malian junta that took power in 2021",
        "Malian and Wagner forces attacked the town of Ber in August 2023, the first major clashes",
        "in 2015.",
        "CSP-PSD forces attacked the camp at Dioura on the evening of September 28.",
        "The Malian Army reported during the evening of September 28 that there was a",
        "The CSP-PSD published two conflicting press releases on September 30;",
    ]
    if SEED.exists():
        seed = " ".join(SEED.read_text(encoding="utf-8").split())
        assert all(s in seed for s in sentences)
    ctx = DateContext(published=D("2023-10-05"))
    got = [(m.text, m.date_start.isoformat(), m.date_end.isoformat(), m.prec)
           for s in sentences for m in ctx.feed(s)]
    assert got == [
        ("September 28, 2023", "2023-09-28", "2023-09-28", 1),
        ("the start of 2023", "2023-01-01", "2023-04-30", 5),
        ("2021", "2021-01-01", "2021-12-31", 5),
        ("August 2023", "2023-08-01", "2023-08-31", 4),
        ("2015", "2015-01-01", "2015-12-31", 5),
        ("the evening of September 28", "2023-09-28", "2023-09-28", 1),
        ("the evening of September 28", "2023-09-28", "2023-09-28", 1),
        ("September 30", "2023-09-30", "2023-09-30", 1),
    ]


# --- properties ---------------------------------------------------------------------------

@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_any_written_date_reads_back(d: date) -> None:
    for text, lang in [(d.strftime("%d %B %Y"), "en"), (d.strftime("%B %d, %Y"), "en"),
                       (d.isoformat(), "en"), (d.strftime("%d/%m/%Y"), "fr")]:
        m = one(text, None, lang)
        assert (m.date_start, m.date_end, m.prec) == (d, d, 1)


@given(st.text(max_size=80), st.sampled_from(["en", "fr"]), st.dates(min_value=date(1901, 1, 1)))
def test_never_crashes_and_offsets_hold(text: str, lang: str, anchor: date) -> None:
    for m in find_dates(text, anchor, lang):
        assert text[m.start:m.end] == m.text and m.date_start <= m.date_end and 1 <= m.prec <= 5
