"""A real PostgreSQL server for the tests, started here and stopped after the session; the
conftest files of tests/store and tests/cli import these fixtures.

``initdb``/``pg_ctl`` are found on PATH or under /usr/lib/postgresql/*/bin; when missing they are
installed with apt-get (Debian's ``postgresql``). As root the server runs as the ``postgres``
user (initdb refuses root). Only when there is neither a server nor apt-get are the PostgreSQL
tests skipped, and the reason says so.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    found = shutil.which("initdb")
    candidates = [found] if found else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    for c in candidates:
        if c and Path(c).with_name("pg_ctl").exists():
            return Path(c).parent
    return None


def _install() -> str | None:
    """Install Debian's postgresql; the reason it could not, or None."""
    if shutil.which("apt-get") is None:
        return "PostgreSQL is not installed and apt-get is not available to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False, capture_output=True)
    done = subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"apt-get install postgresql failed:\n{done.stderr[-2000:]}")
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """The base URL of a running throw-away PostgreSQL server."""
    bindir = _bindir()
    if bindir is None:
        reason = _install()
        if reason:
            pytest.skip(reason)
        bindir = _bindir()
        if bindir is None:
            pytest.fail("apt-get installed postgresql but no initdb was found")
    root = Path(tempfile.mkdtemp(prefix="casus-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    root.chmod(0o755)
    data, port = root / "data", _free_port()

    def run(*cmd: str) -> None:
        done = subprocess.run([*as_user, *cmd], capture_output=True, text=True)
        if done.returncode != 0:
            log = (root / "log").read_text() if (root / "log").exists() else ""
            pytest.fail(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}\n{log[-2000:]}")

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
    opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


_counter = itertools.count()


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database on the test server."""
    import psycopg

    name = f"casus_test_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"{postgres_server}/{name}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
