"""Language detection, French dates (anchored to the publication date) and datelines."""

from __future__ import annotations

from datetime import date

import pytest

from casus.extract.dates import DateContext
from casus.extract.lang import detect, scores
from casus.extract.pipeline import extract
from casus.model import Document

# --- language -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "lang"), [
    ("Les rebelles du CSP-PSD ont attaqué le camp militaire de Dioura jeudi soir.", "fr"),
    ("Selon l'armée, une dizaine de terroristes ont été neutralisés.", "fr"),
    ("BAMAKO, 29 sept. (AFP) - L'armée malienne a démenti jeudi les chiffres avancés par les rebelles.", "fr"),
    ("Rebels from the CSP-PSD attacked Malian bases in Dioura, Mali.", "en"),
    ("The army said that twelve soldiers were killed in the ambush near Djibo.", "en"),
    ("According to a security source, at least 20 soldiers died.", "en"),
])
def test_detect(text, lang):
    assert detect(text) == lang


def test_names_and_figures_vote_for_neither():
    assert scores("FAMa CSP-PSD JNIM Dioura 98 2023") == {"en": 0, "fr": 0}
    assert detect("FAMa CSP-PSD Dioura") == "en" and detect("", default="fr") == "fr"


def test_the_seed_is_english_and_its_french_report_french(seed_path, root):
    assert detect(seed_path.read_text(encoding="utf-8")) == "en"
    assert detect((root / "eval/docs/fr/rfi-style__dioura-2023.md").read_text(encoding="utf-8")) == "fr"


def test_pipeline_detects_when_lang_is_none():
    text = "Des jihadistes ont attaqué un poste de l'armée dans la localité de Djibo mardi. Douze soldats ont été tués."
    (event,) = extract(Document(doc_id="t", text=text, published=date(2024, 3, 12)))
    assert [c.low for c in event.claims if c.kind == "killed"] == [12]


# --- dates ----------------------------------------------------------------------------------

PUBLISHED = date(2023, 9, 30)  # a Saturday


@pytest.mark.parametrize(("text", "start", "end", "prec"), [
    ("L'attaque a eu lieu dans la nuit du 27 au 28 septembre.", date(2023, 9, 27), date(2023, 9, 28), 2),
    ("Mercredi soir, des hommes armés ont attaqué le camp.", date(2023, 9, 27), date(2023, 9, 27), 1),
    ("Le jeudi 28 septembre 2023, les rebelles ont attaqué.", date(2023, 9, 28), date(2023, 9, 28), 1),
    ("Dans la soirée du 28 septembre, le camp est tombé.", date(2023, 9, 28), date(2023, 9, 28), 1),
    ("Le 1er octobre 2023, l'armée a repris la ville.", date(2023, 10, 1), date(2023, 10, 1), 1),
    ("Fin août, les combats ont repris.", date(2023, 8, 21), date(2023, 8, 31), 3),
    ("Dimanche dernier, un convoi a sauté sur une mine.", date(2023, 9, 24), date(2023, 9, 24), 1),
])
def test_french_dates(text, start, end, prec):
    (d,) = DateContext(PUBLISHED, "fr").feed(text)
    assert (d.date_start, d.date_end, d.prec) == (start, end, prec)


def test_event_date_from_weekday_and_part_of_day():
    text = "Mercredi soir, des jihadistes ont attaqué un poste de l'armée dans la localité de Djibo. Douze soldats ont été tués."
    (event,) = extract(Document(doc_id="t", text=text, published=PUBLISHED, lang="fr"))
    assert (event.date_start, event.date_prec) == (date(2023, 9, 27), 1)


# --- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize("dateline", ["BAMAKO, 29 sept. (AFP) - ", "BAMAKO (AFP) – ", "OUAGADOUGOU, 29 septembre (Reuters) — "])
def test_dateline_is_not_the_event_place(dateline):
    text = (f"{dateline}Des jihadistes ont attaqué un poste de l'armée dans la localité de Djibo mercredi soir. "
            "Douze soldats ont été tués, selon une source sécuritaire.")
    events = extract(Document(doc_id="t", text=text, published=PUBLISHED, lang="fr"))
    assert [e.location for e in events] == ["Djibo"]
    assert events[0].date_start == date(2023, 9, 27)
