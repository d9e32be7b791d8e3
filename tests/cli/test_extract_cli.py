"""``casus extract`` as users run it: the installed command in a subprocess, on real files,
good and bad (issue 2, "casus extract PATH... -o FILE")."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casus import __version__
from casus.model import Event

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "raid-on-dioura-2023.txt"
CASUS = Path(sys.executable).parent / "casus"
COUNT = re.compile(r"^(\d+) read, (\d+) extracted \((\d+) events\), (\d+) refused$", re.M)


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "CASUS_ACTORS"}}
    return subprocess.run([str(CASUS), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def count(stderr: str) -> tuple[int, int, int, int]:
    found = COUNT.findall(stderr)
    assert len(found) == 1, stderr
    return tuple(int(x) for x in found[0])  # type: ignore[return-value]


def flat(stderr: str) -> str:
    """stderr with line breaks removed: the messages as said, however the console wrapped them
    (see test_long_paths_are_not_wrapped)."""
    return stderr.replace("\n", "")


def events(jsonl: str) -> list[Event]:
    lines = jsonl.splitlines()
    assert lines and all(line.strip() for line in lines)
    return [Event.model_validate_json(line) for line in lines]


@pytest.fixture(scope="module")
def samples_run() -> subprocess.CompletedProcess[str]:
    return run("extract", "samples", "-o", "-", "--no-summary")


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"casus {__version__}"


def test_python_dash_m_casus_is_the_same_command():
    result = subprocess.run([sys.executable, "-m", "casus", "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"casus {__version__}"


def test_stdout_is_json_lines_one_event_a_line(samples_run):
    assert samples_run.returncode == 0, samples_run.stderr
    found = events(samples_run.stdout)
    for line in samples_run.stdout.splitlines():
        assert isinstance(json.loads(line), dict)
    assert len({e.event_id for e in found}) == len(found)
    read, extracted, n_events, refused = count(samples_run.stderr)
    assert (read, extracted, refused) == (7, 7, 0) and n_events == len(found)


def test_folders_are_read_recursively_and_doc_ids_are_paths_as_given_or_jsonl_ids(samples_run):
    doc_ids = {d for e in events(samples_run.stdout) for d in e.doc_ids}
    assert "samples/raid-on-dioura-2023.txt" in doc_ids  # the path as given on the command line
    assert any(d.startswith("sw-2024-") for d in doc_ids)  # a JSON Lines document's own id
    assert not any(d.startswith("/") for d in doc_ids)


def test_same_input_twice_gives_byte_identical_output(samples_run):
    again = run("extract", "samples", "-o", "-", "--no-summary")
    assert again.stdout == samples_run.stdout


def test_output_file(tmp_path: Path):
    out = tmp_path / "events.jsonl"
    result = run("extract", SEED, "-o", out, "--no-summary")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    found = events(out.read_text(encoding="utf-8"))
    assert {e.location for e in found} >= {"Dioura"}
    assert found[0].doc_ids == [str(SEED)]
    assert count(result.stderr) == (1, 1, len(found), 0)


def test_summary_table_by_default_and_no_summary(tmp_path: Path):
    with_table = run("extract", SEED, "-o", tmp_path / "a.jsonl")
    without = run("extract", SEED, "-o", tmp_path / "b.jsonl", "--no-summary")
    assert "Dioura" in with_table.stderr and "side A" in with_table.stderr
    assert "Dioura" not in without.stderr and "side A" not in without.stderr
    assert count(with_table.stderr) == count(without.stderr)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_quiet_writes_nothing_on_stderr(tmp_path: Path):
    result = run("extract", SEED, "-o", tmp_path / "q.jsonl", "-q")
    assert result.returncode == 0 and result.stderr == ""
    assert events((tmp_path / "q.jsonl").read_text(encoding="utf-8"))


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """A folder of good files and bad ones, nested."""
    root = tmp_path_factory.mktemp("mixed")
    (root / "reports" / "2024").mkdir(parents=True)
    (root / "raid.txt").write_bytes(SEED.read_bytes())
    (root / "reports" / "2024" / "bourem.wiki").write_bytes((SAMPLES / "battle-of-bourem-2024.wiki").read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "picture.png").write_bytes(PNG)
    (root / "reports" / "latin.txt").write_bytes(b"Attack \x80\x81\xfe\xff on Ber")
    (root / "reports" / "cut.html").write_text(
        "<html><head><title>Djibo</title></head><body><p>Gunmen killed 12 soldiers near Djibo "
        "on Tuesday, the army said.</p><div><p>More", encoding="utf-8")
    (root / "reports" / "2024" / "cut.wiki").write_text(
        "{{Infobox military conflict\n| conflict = Battle of Ber\n| date = August 2023\n"
        "'''Battle of Ber''' was fought [[Mali|", encoding="utf-8")
    (root / "feed.jsonl").write_text(
        '{"id": "w1", "text": "Gunmen killed 12 soldiers near Djibo on Tuesday, the army said.", "published": "2024-03-12"}\n'
        '{"id": "w2", "text": \n'
        '{"id": "w3", "text": "Jihadists attacked an army post in Boulkessi on Monday, killing 9 soldiers."}\n',
        encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def mixed_run(mixed: Path) -> subprocess.CompletedProcess[str]:
    return run("extract", mixed, "-o", "-", "--no-summary")


def test_a_bad_file_does_not_stop_the_run(mixed, mixed_run):
    assert mixed_run.returncode == 0, mixed_run.stderr
    doc_ids = {d for e in events(mixed_run.stdout) for d in e.doc_ids}
    assert {str(mixed / "raid.txt"), str(mixed / "reports" / "2024" / "bourem.wiki"), "w1", "w3"} <= doc_ids
    assert str(mixed / "reports" / "cut.html") in doc_ids  # truncated HTML is repaired and read
    read, extracted, _, refused = count(mixed_run.stderr)
    assert (read, extracted, refused) == (6, 6, 4)


def test_each_bad_file_is_named_with_its_reason(mixed, mixed_run):
    said = flat(mixed_run.stderr)
    assert f"refused {mixed / 'empty.txt'}: empty file" in said
    assert f"refused {mixed / 'picture.png'}: binary file (a PNG image), not text" in said
    assert f"refused {mixed / 'reports' / 'latin.txt'}: invalid UTF-8" in said
    assert f"refused {mixed / 'feed.jsonl'}:2: invalid JSON" in said
    assert said.count("refused ") == 4


def test_truncated_wikitext_is_read_not_refused(mixed, mixed_run):
    assert str(mixed / "reports" / "2024" / "cut.wiki") not in flat(mixed_run.stderr)


def test_a_missing_path_is_refused_and_the_rest_is_read(tmp_path: Path):
    missing = tmp_path / "no-such-report.txt"
    result = run("extract", missing, SEED, "-o", tmp_path / "out.jsonl", "--no-summary")
    assert result.returncode == 0, result.stderr
    assert f"refused {missing}: no such file or folder" in flat(result.stderr)
    read, extracted, _, refused = count(result.stderr)
    assert (read, extracted, refused) == (1, 1, 1)


def test_exit_code_1_when_nothing_could_be_read(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", tmp_path / "empty.txt", tmp_path / "missing.txt", "-o", "-")
    assert result.returncode == 1
    assert result.stdout == ""
    assert count(result.stderr) == (0, 0, 0, 2)
    assert f"refused {tmp_path / 'missing.txt'}: no such file or folder" in flat(result.stderr)


def test_exit_code_1_for_a_folder_with_nothing_to_read(tmp_path: Path):
    (tmp_path / "nothing").mkdir()
    result = run("extract", tmp_path / "nothing", "-o", "-")
    assert count(result.stderr) == (0, 0, 0, 0)
    assert result.returncode == 1


def test_long_paths_are_not_wrapped(tmp_path: Path):
    deep = tmp_path / ("a-rather-long-folder-name-" * 3) / "and-another-level-of-nesting"
    deep.mkdir(parents=True)
    (deep / "empty-report-from-the-field.txt").write_bytes(b"")
    result = run("extract", deep, "-o", "-")
    assert f"refused {deep / 'empty-report-from-the-field.txt'}: empty file" in result.stderr.splitlines()


def test_brackets_in_file_names_are_printed_as_they_are(tmp_path: Path):
    (tmp_path / "report [draft].txt").write_bytes(b"")
    result = run("extract", tmp_path, "-o", "-")
    assert "report [draft].txt: empty file" in flat(result.stderr)
