"""casus.extract.quantities: counts of people and things, English and French."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casus.extract.quantities import Quantity, find_quantities, parse_quantity

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "raid-on-dioura-2023.txt"


def spans(text: str, lang: str = "en") -> list[tuple[str, int, int, bool]]:
    return [(q.text, q.low, q.high, q.approx) for q in find_quantities(text, lang)]


# --- whole phrases: (phrase, low, high, approx) ---------------------------------------------

EN_PHRASES = [
    ("98", 98, 98, False),
    ("1,200", 1200, 1200, False),
    ("1 200", 1200, 1200, False),
    ("1\u00a0200", 1200, 1200, False),
    ("1.5 million", 1_500_000, 1_500_000, False),
    ("ninety-eight", 98, 98, False),
    ("eighty-one", 81, 81, False),
    ("five", 5, 5, False),
    ("Fifteen", 15, 15, False),
    ("a hundred", 100, 100, False),
    ("two hundred and fifty", 250, 250, False),
    ("a dozen", 12, 12, False),
    ("two dozen", 24, 24, False),
    ("half a dozen", 6, 6, False),
    ("a couple of", 2, 2, False),
    ("dozens", 24, 96, True),
    ("scores", 40, 99, True),
    ("several", 3, 9, True),
    ("a few", 2, 5, True),
    ("a handful", 2, 5, True),
    ("hundreds", 200, 999, True),
    ("thousands", 2000, 9999, True),
    ("several hundred", 300, 900, True),
    ("tens of thousands", 20_000, 99_999, True),
    ("about 50", 45, 55, True),
    ("around 50", 45, 55, True),
    ("approximately 50", 45, 55, True),
    ("roughly 50", 45, 55, True),
    ("some 20", 20, 20, True),
    ("nearly 50", 45, 49, True),
    ("almost 50", 45, 49, True),
    ("at least 12", 12, 12, True),
    ("at least twelve", 12, 12, True),
    ("more than 30", 31, 36, True),
    ("over 30", 31, 36, True),
    ("more than a dozen", 13, 15, True),
    ("up to 40", 32, 40, True),
    ("as many as 40", 32, 40, True),
    ("fewer than 10", 8, 9, True),
    ("between 10 and 15", 10, 15, True),
    ("between ten and fifteen", 10, 15, True),
    ("10 to 15", 10, 15, True),
    ("from 10 to 15", 10, 15, True),
    ("10-15", 10, 15, True),
    ("10–15", 10, 15, True),
    ("two or three", 2, 3, True),
    ("about 10 to 15", 10, 15, True),
    ("at least dozens", 24, 96, True),
    ("about 2000", 1800, 2200, True),
]

FR_PHRASES = [
    ("quatre-vingt-dix-huit", 98, 98, False),
    ("quatre-vingt-un", 81, 81, False),
    ("cinq", 5, 5, False),
    ("vingt et un", 21, 21, False),
    ("deux cent cinquante", 250, 250, False),
    ("deux millions", 2_000_000, 2_000_000, False),
    ("1 200", 1200, 1200, False),
    ("1\u202f200", 1200, 1200, False),
    ("1.200", 1200, 1200, False),
    ("1,5 million", 1_500_000, 1_500_000, False),
    ("une dizaine", 8, 12, True),
    ("une vingtaine", 16, 24, True),
    ("une centaine", 80, 120, True),
    ("un millier", 800, 1200, True),
    ("des dizaines", 20, 99, True),
    ("des centaines", 200, 999, True),
    ("plusieurs dizaines", 30, 90, True),
    ("plusieurs", 3, 9, True),
    ("quelques", 2, 5, True),
    ("au moins 12", 12, 12, True),
    ("plus de 30", 31, 36, True),
    ("environ 50", 45, 55, True),
    ("près de 50", 45, 49, True),
    ("jusqu'à 40", 32, 40, True),
    ("entre 10 et 15", 10, 15, True),
    ("de 10 à 15", 10, 15, True),
    ("10 à 15", 10, 15, True),
    ("deux ou trois", 2, 3, True),
]


@pytest.mark.parametrize(("phrase", "low", "high", "approx"), EN_PHRASES)
def test_parse_quantity_en(phrase: str, low: int, high: int, approx: bool) -> None:
    q = parse_quantity(phrase, "en")
    assert q is not None, phrase
    assert (q.low, q.high, q.approx, q.text) == (low, high, approx, phrase)


@pytest.mark.parametrize(("phrase", "low", "high", "approx"), FR_PHRASES)
def test_parse_quantity_fr(phrase: str, low: int, high: int, approx: bool) -> None:
    q = parse_quantity(phrase, "fr")
    assert q is not None, phrase
    assert (q.low, q.high, q.approx, q.text) == (low, high, approx, phrase)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [("98", "exact"), ("dozens", "vague"), ("10 to 15", "range"), ("about 50", "about"),
     ("some 20", "point"), ("nearly 50", "nearly"), ("at least 12", "min"),
     ("more than 30", "min_strict"), ("up to 40", "max"), ("fewer than 10", "max_strict")],
)
def test_kind_names_the_rule(phrase: str, kind: str) -> None:
    q = parse_quantity(phrase)
    assert q is not None and q.kind == kind


@pytest.mark.parametrize("phrase", ["", "soldiers", "five soldiers", "the 2023 attack", "about"])
def test_parse_quantity_needs_the_whole_phrase(phrase: str) -> None:
    assert parse_quantity(phrase) is None


def test_parse_quantity_keeps_offsets_into_the_phrase() -> None:
    q = parse_quantity("  about 50 ")
    assert q is not None and (q.start, q.end, q.text) == (2, 10, "about 50")


# --- in running text -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ninety-eight soldiers were killed and dozens were injured.", "en",
         [("Ninety-eight", 98, 98, False), ("dozens", 24, 96, True)]),
        ("killed 12 civilians and wounded 30 others", "en",
         [("12", 12, 12, False), ("30", 30, 30, False)]),
        ("five soldiers and ten civilians", "en", [("five", 5, 5, False), ("ten", 10, 10, False)]),
        ("five, fifteen, ten", "en", [("five", 5, 5, False), ("fifteen", 15, 15, False),
                                      ("ten", 10, 10, False)]),
        ("killed 10 and wounded 15", "en", [("10", 10, 10, False), ("15", 15, 15, False)]),
        ("one soldier was killed", "en", [("one", 1, 1, False)]),
        ("at least 2,000 troops", "en", [("at least 2,000", 2000, 2000, True)]),
        ("une dizaine de soldats ont été tués", "fr", [("une dizaine", 8, 12, True)]),
        ("au moins 12 civils et plus de 30 militaires", "fr",
         [("au moins 12", 12, 12, True), ("plus de 30", 31, 36, True)]),
        ("quatre-vingt-un soldats maliens tués, cinq prisonniers", "fr",
         [("quatre-vingt-un", 81, 81, False), ("cinq", 5, 5, False)]),
    ],
)
def test_find_quantities_in_sentences(text: str, lang: str, expected: list[tuple]) -> None:
    assert spans(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the 2023 attack", "in 2015", "Route 66", "G5 Sahel", "the G5 Sahel force",
        "Operation Barkhane 2", "the 33rd Regiment", "the second report", "the fifth attack",
        "On September 28, 2023", "on 28 September", "Sept. 28", "the night of 27 to 28 September",
        "between 3 and 5 March", "on 2023-09-28", "on 28/09/2023", "at 10:30", "at 5 pm",
        "after two hours of fighting", "two days later", "several hours", "dozens of kilometres",
        "10 km from Dioura", "10km north", "10%", "40 percent", "$5 million", "5 dollars",
        "a Mi-24 helicopter", "an AK-47", "a 5-year plan", "No. 5", "Resolution 2085",
        "no one was hurt", "one another", "2.5", "the 1990s",
    ],
)
def test_not_counts_en(text: str) -> None:
    assert find_quantities(text) == []


def test_may_as_a_verb_is_not_a_month() -> None:
    assert spans("12 may have died") == [("12", 12, 12, False)]


@pytest.mark.parametrize(
    "text",
    ["l'attaque de 2023", "un soldat a été tué", "une attaque", "le 28 septembre",
     "dans la nuit du 27 au 28 septembre", "le 1er octobre", "le 28e régiment",
     "deux heures de combats", "à 10 km de Dioura", "10 %", "Barkhane 2", "le G5 Sahel",
     "plusieurs jours", "deux jours plus tard"],
)
def test_not_counts_fr(text: str) -> None:
    assert find_quantities(text, "fr") == []


def test_offsets_point_into_the_text() -> None:
    text = "On September 28, 2023, about 50 fighters and ninety-eight soldiers, entre 3 et 4."
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        find_quantities("five", "de")


def test_quantity_is_frozen() -> None:
    q = Quantity(0, 1, 5, 5, False, "5")
    with pytest.raises(AttributeError):
        q.low = 6  # type: ignore[misc]


# --- the seed article -----------------------------------------------------------------------

SEED_SENTENCES = [
    ("CSP-PSD spokesman Mohamed Elmaouloud Ramadane announced that ninety-eight Malian soldiers "
     "were killed in the attack, dozens were injured, and five soldiers were taken prisoner and "
     "released shortly afterward.",
     [("ninety-eight", 98, 98, False), ("dozens", 24, 96, True), ("five", 5, 5, False)]),
    ("A second report published by Colonel Moulay Ag Sidi Mola announced a toll of eighty-one "
     "Malian soldiers killed, five prisoners, five vehicles captured, and fifteen other vehicles "
     "destroyed.",
     [("eighty-one", 81, 81, False), ("five", 5, 5, False), ("five", 5, 5, False),
      ("fifteen", 15, 15, False)]),
    ("Sidi Mola stated five CSP-PSD fighters were killed and ten others were injured.",
     [("five", 5, 5, False), ("ten", 10, 10, False)]),
    ("On September 28, 2023, rebels from the CSP-PSD attacked Malian bases in Dioura, Mali.", []),
    ("The CSP-PSD and CMA claimed that they had seized control of the camp at Dioura after two "
     "hours of fighting, and withdrew from the area around midnight after seizing lots of "
     "ammunition, weaponry, and equipment.", []),
    ("Since the start of 2023, tensions had intensified between the Malian junta that took power "
     "in 2021 and the allied", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SEED_SENTENCES)
def test_seed_sentences(sentence: str, expected: list[tuple]) -> None:
    if SEED.exists():
        assert " ".join(sentence.split()) in " ".join(SEED.read_text(encoding="utf-8").split())
    assert spans(sentence) == expected


# --- properties -----------------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=10**7))
def test_any_grouped_figure_reads_back(n: int) -> None:
    text = f"{n:,}" if not 1900 <= n <= 2100 else f"about {n:,}"
    found = find_quantities(text)
    assert len(found) == 1 and found[0].low <= n <= found[0].high


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), st.sampled_from(["en", "fr"]))
def test_never_crashes_and_offsets_hold(text: str, lang: str) -> None:
    for q in find_quantities(text, lang):
        assert text[q.start:q.end] == q.text and 0 <= q.low <= q.high
