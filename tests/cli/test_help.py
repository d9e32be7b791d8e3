"""``casus --help`` and ``casus extract --help`` through the installed command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CASUS = Path(sys.executable).parent / "casus"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CASUS), *args], capture_output=True, text=True, timeout=120)


def test_root_help_lists_the_extract_command():
    result = run("--help")
    assert result.returncode == 0, result.stderr
    assert "Usage: casus" in result.stdout
    assert "extract" in result.stdout and "--version" in result.stdout


def test_no_arguments_shows_the_help():
    result = run()
    assert "Usage: casus" in result.stdout + result.stderr
    assert "extract" in result.stdout + result.stderr


def test_extract_help_documents_its_options():
    result = run("extract", "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage: casus extract" in result.stdout
    for option in ("--output", "-o", "--lang", "--actors", "--no-summary", "--quiet", "-q"):
        assert option in result.stdout, option
    assert "read recursively" in result.stdout
