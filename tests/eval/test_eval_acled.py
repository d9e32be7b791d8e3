"""``casus eval acled``: ACLED exports in both layouts read, each note run through casus with a
publication date after the event, and the agreement with ACLED's coding counted (issue 12).
The CSV files under tests/eval/data/ are fictitious notes written in ACLED's format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from casus.evaluation.acled import AcledRow, answer, compare, published, relaxed, sample
from casus.evaluation.acled_csv import AcledFileError, read_acled
from casus.evaluation.report import confusion, shares
from casus.model import Claim, Event, Span

DATA = Path(__file__).parent / "data"
OLD, NEW = DATA / "acled_old.csv", DATA / "acled_new.csv"
CASUS = Path(sys.executable).parent / "casus"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    return subprocess.run([str(CASUS), *map(str, args)], capture_output=True, text=True, env=env, timeout=300)


def row(**kw) -> AcledRow:
    base = dict(event_id="X1", event_date=date(2020, 3, 1), event_type="Battles", sub_event_type="Armed clash",
                actor1="Taliban", actor2="Military Forces of Afghanistan (2014-)", country="Afghanistan",
                admin1="Balkh", latitude=36.7, longitude=67.1, fatalities=10, notes="n", time_precision=1)
    base.update(kw)
    return AcledRow(**base)


def event(**kw) -> Event:
    base = dict(event_id="e", doc_ids=["d"], date_start=date(2020, 3, 1), date_end=date(2020, 3, 1), date_prec=1,
                adm_1="Balkh", latitude=36.72, longitude=67.1, event_type="Battles", sub_event_type="Armed clash",
                side_a="Taliban", fatalities=11)
    base.update(kw)
    return Event(**base)


def test_both_layouts_and_the_hxl_row_are_read() -> None:
    skipped: list[str] = []
    old, new = list(read_acled(OLD, skipped)), list(read_acled(NEW, skipped))
    assert [r.event_id for r in old] == ["TST001", "TST002", "TST003", "TST004"]
    assert [r.event_id for r in new] == ["TST101", "TST102"]  # the '#event+id' row is not an event
    assert new[0].event_date == date(2021, 3, 12)  # "12 March 2021", the older date writing
    assert new[0].fatalities == 8 and new[0].admin1 == "Sahel" and old[1].latitude == 15.029
    assert skipped == [f"{NEW}:5: TST103: no readable event_date"]


def test_a_file_that_is_not_acled_is_refused_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "other.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    try:
        list(read_acled(bad))
    except AcledFileError as exc:
        assert str(exc).startswith(f"{bad}: not an ACLED export (no column event_id_cnty")
    else:
        raise AssertionError("refused")
    r = run("eval", "acled", bad)
    assert r.returncode == 2 and "not an ACLED export" in r.stderr and "Traceback" not in r.stderr


def test_publication_is_one_to_three_days_after_the_event_never_the_day() -> None:
    gaps = {(published(row(event_id=f"E{i}")) - date(2020, 3, 1)).days for i in range(200)}
    assert gaps == {1, 2, 3}
    assert published(row(event_id="E7")) == published(row(event_id="E7"))  # fixed per row


def test_sample_is_deterministic_and_keeps_file_order() -> None:
    rows = [row(event_id=f"E{i}") for i in range(50)]
    a, b = sample(rows, 10), sample(list(reversed(rows)), 10)
    assert len(a) == 10 and {r.event_id for r in a} == {r.event_id for r in b}
    assert a == sorted(a, key=lambda r: int(r.event_id[1:]))


def test_compare_scores_each_field() -> None:
    o = compare(row(), [event()])
    assert o.found and o.date_exact and o.date_in_range and not o.undated and o.admin1
    assert o.km is not None and 2.0 < o.km < 2.5
    assert o.event_type and o.sub_event_type
    assert not o.fatalities and o.fatalities_near  # 11 for 10: within ±10% / ±1
    assert o.actor1 and o.actor1_relaxed and not o.actor2 and not o.actor2_relaxed
    week = compare(row(), [event(date_start=date(2020, 2, 27), date_end=date(2020, 3, 4), date_prec=3, fatalities=13)])
    assert not week.date_exact and week.date_in_range and week.undated and not week.fatalities_near
    assert not compare(row(), []).found


def test_relaxed_actor_names() -> None:
    assert relaxed("Military Forces of Afghanistan", "Military Forces of Afghanistan (2014-)")
    assert relaxed("JNIM", "JNIM: Group for Support of Islam and Muslims")
    assert relaxed("Unidentified Armed Group", "Unidentified Armed Group (Mali)")
    assert not relaxed("Taliban", "Military Forces of Afghanistan (2014-)")
    assert not relaxed("Military Forces of Mali", "Military Forces of Niger")
    assert relaxed(None, "") and not relaxed(None, "Taliban")


def test_the_answer_is_the_event_the_note_leads_with() -> None:
    def with_claim(start: int, eid: str, killed: int) -> Event:
        c = Claim(kind="killed", doc_id="d", quote="q", spans=[Span(start=start, end=start + 5)])
        return event(event_id=eid, claims=[c], fatalities=killed)
    later, first = with_claim(120, "later", 30), with_claim(10, "first", 2)
    assert answer([later, first]).event_id == "first"
    assert answer([event(event_id="bare"), later]).event_id == "later"
    assert answer([]) is None


def test_shares_count_a_missed_row_as_disagreement() -> None:
    outs = [compare(row(event_id="A"), [event()]), compare(row(event_id="B"), [])]
    s = shares(outs)
    assert s["event found"] == {"n": 2, "agree": 1, "share": 0.5}
    assert s["date exact"]["agree"] == 1 and s["date in range (undated)"]["n"] == 0
    assert confusion(outs) == {"Battles": {"Battles": 1, "(no event)": 1}}


def test_the_command_on_both_layouts() -> None:
    r = run("eval", "acled", OLD, NEW, "--json")
    assert r.returncode == 0, r.stderr
    assert "skipped" in r.stderr and "TST103" in r.stderr
    fig = json.loads(r.stdout)
    assert fig["rows"] == 6 and fig["refused"] == 0 and fig["skipped"] == 1
    assert set(fig["by_country"]) == {"Mali", "Burkina Faso"}
    over = fig["overall"]
    # the clash at Boni, the IED at Gossi, the clash at Markoye and the Bankass killings are found,
    # each on its day ("On 6 May 2019," read with the publication 1–3 days later)
    assert over["event found"]["agree"] >= 4 and over["date exact"]["agree"] >= 4
    conf = fig["confusion"]
    assert conf["Battles"].get("Battles") == 2
    assert conf["Explosions/Remote violence"].get("Explosions/Remote violence") == 1
    assert over["fatalities exact"]["agree"] >= 4 and over["admin1"]["agree"] >= 3


def test_country_filter_and_misses() -> None:
    r = run("eval", "acled", OLD, NEW, "--country", "Burkina Faso", "--misses", "5")
    assert r.returncode == 0, r.stderr
    assert "all (n=2)" in r.stdout and "2 rows, 1 skipped, 0 refused" in r.stdout and "Mali" not in r.stdout.split("event types")[0]
