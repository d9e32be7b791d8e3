"""casus.limits: the document-level size and time limits, their refusals (naming the document),
their settings (options, environment, defaults), and the bugs the fuzzing found at the door."""

from __future__ import annotations

import threading
import time

import pytest

from casus import limits
from casus.errors import ConfigError, ExtractError, ReadError
from casus.extract.pipeline import extract
from casus.ingest import read_file, read_text
from casus.model import Document
from tests.cli.test_ingest import run


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.delenv(limits.ENV_MAX_BYTES, raising=False)
    monkeypatch.delenv(limits.ENV_TIMEOUT, raising=False)
    limits.reset()
    yield
    limits.reset()


def test_defaults_environment_and_options(monkeypatch):
    assert limits.current() == limits.Limits(5_000_000, 60.0)
    monkeypatch.setenv(limits.ENV_MAX_BYTES, "1000")
    monkeypatch.setenv(limits.ENV_TIMEOUT, "2.5")
    assert limits.current() == limits.Limits(1000, 2.5)
    limits.configure(max_bytes=0)  # an option wins over the environment; 0 is no limit
    assert limits.current() == limits.Limits(0, 2.5)
    with pytest.raises(ConfigError, match="--timeout"):
        limits.configure(timeout=-1)
    monkeypatch.setenv(limits.ENV_TIMEOUT, "soon")
    with pytest.raises(ConfigError, match="CASUS_TIMEOUT='soon'"):
        limits.configure()


def test_size_limit_refuses_files_texts_feed_lines_and_documents(tmp_path):
    limits.configure(max_bytes=100)
    big = tmp_path / "big.txt"
    big.write_text("Gunmen killed twelve soldiers. " * 10)
    [refusal] = read_file(big)
    assert isinstance(refusal, limits.TooLarge) and refusal.doc_id == str(big)
    assert "310 bytes" in refusal.reason and "100 bytes" in refusal.reason
    with pytest.raises(limits.TooLarge, match="^x: too large"):
        read_text("é" * 60, "x")  # 120 bytes of UTF-8 in 60 characters
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "short"}\n{"id": "b", "text": "%s"}\n' % ("long " * 40))
    items = list(read_file(feed))  # the feed is over 100 bytes; each document is checked
    assert isinstance(items[0], Document)
    assert isinstance(items[1], ReadError) and items[1].doc_id == f"{feed}:2" and "too large" in items[1].reason
    with pytest.raises(limits.TooLarge):
        extract(Document(doc_id="made by hand", text="x" * 101))


def test_time_limit_refuses_naming_the_document():
    with pytest.raises(limits.ExtractTimedOut, match=r"^slow: extraction took longer than 0.2 s") as caught:
        with limits.time_limit("slow", seconds=0.2):
            while True:  # a Python loop that never ends
                pass
    assert isinstance(caught.value, ExtractError)
    with pytest.raises(limits.ReadTimedOut) as caught:
        with limits.time_limit("slow", "reading", seconds=0.2):
            time.sleep(5)
    assert isinstance(caught.value, ReadError)


def test_time_limit_passes_through_except_exception_and_restores_the_handler():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(limits.TimedOut):
        with limits.time_limit("doc", seconds=0.1):
            try:
                time.sleep(5)
            except Exception:  # what spaCy or a reader might do: the limit is not swallowed
                pytest.fail("the time limit was caught as an ordinary exception")
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_nested_limits_and_other_threads():
    with limits.time_limit("outer", seconds=5):
        with limits.time_limit("inner", seconds=0.01):
            time.sleep(0.05)  # the outer limit governs: no refusal
    done = []
    thread = threading.Thread(target=lambda: done.append(limits.time_limit("t", seconds=0.01).__enter__()))
    thread.start()
    thread.join()
    assert done == [None]  # off the main thread: unbounded, no signal


def test_extraction_over_the_limit_is_refused(seed_path, events_of):
    events_of("Gunmen killed 12 soldiers in Dioura, Mali.")  # models loaded: not the document's time
    doc = read_text(seed_path.read_text(encoding="utf-8"), "seed")
    limits.configure(timeout=0.01)
    with pytest.raises(limits.ExtractTimedOut, match="^seed: extraction took longer than 0.01 s"):
        extract(doc)
    limits.configure(timeout=60)
    assert extract(doc)


def test_lone_surrogates_are_refused_at_the_door(tmp_path):
    """Found by fuzzing: a JSON feed's "\\ud800" decodes to text no encoder takes; it stopped
    `casus ingest` (UnicodeEncodeError while hashing the document)."""
    with pytest.raises(ReadError, match=r"text: not Unicode text, a lone surrogate"):
        read_text("Gunmen killed 12 soldiers. \ud800", "doc")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a\\ud800", "text": "x"}\n{"id": "b", "text": "y \\udfff"}\n')
    first, second = read_file(feed)
    assert first.doc_id == f"{feed}:1" and "id: not Unicode text" in first.reason
    assert second.doc_id == f"{feed}:2" and "text: not Unicode text" in second.reason


def test_the_command_line_options_and_hostile_ids(tmp_path):
    """--max-bytes and --timeout on both commands; ids and paths that look like rich markup
    ("[/x]", found by fuzzing) and lone surrogates are refused or stored, never a crash."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "[bold]a[red].txt").write_text("Gunmen killed 12 soldiers in Dioura, Mali, on 3 May 2023. " * 40)
    (folder / "feed.jsonl").write_text('{"id": "[/x]", "text": "Gunmen killed 5 soldiers in Gao."}\n'
                                       '{"id": "s", "text": "\\ud800"}\n')
    result = run("extract", folder, "-o", tmp_path / "out.jsonl", "--max-bytes", "1000", "--timeout", "30")
    assert result.returncode == 0, result.stderr
    assert "[bold]a[red].txt: too large" in result.stderr and "lone surrogate" in result.stderr
    db = tmp_path / "x.duckdb"
    result = run("ingest", folder, "--db", db, "--max-bytes", "1000", "-v")
    assert result.returncode == 0, result.stderr
    assert "stored [/x]" in result.stderr and "[bold]a[red].txt: too large" in result.stderr
    assert "1 stored" in result.stderr and "2 refused" in result.stderr
    assert run("ingest", folder, "--db", db, "--timeout", "-1").returncode == 2
