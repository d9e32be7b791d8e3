"""Output paths of the commands that write files (``casus export``, ``casus extract``): ``-`` is
standard output; anything else is checked before work starts, and a path that cannot be written
ends the command with one line naming it and the reason (exit 2, docs/cli.md)."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console

err = Console(stderr=True)

STDOUT = "-"


def check_writable(output: str, option: str = "-o") -> None:
    """Exit 2 with one line when ``output`` cannot be created or written."""
    if output == STDOUT:
        return
    path = Path(output)
    folder = path.parent if str(path.parent) else Path(".")
    reason = None
    if path.is_dir():
        reason = "is a folder"
    elif not folder.is_dir():
        reason = f"no such folder {str(folder)!r}"
    elif path.exists() and not os.access(path, os.W_OK):
        reason = "not writable (permission denied)"
    elif not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        reason = f"folder {str(folder)!r} is not writable (permission denied)"
    if reason:
        fail(f"cannot write {output}: {reason}")


def fail(message: str, code: int = 2) -> None:
    err.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)
