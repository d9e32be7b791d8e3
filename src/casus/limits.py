"""Document-level limits: how large a document may be and how long reading it may take.

casus reads text nobody vetted, so every document has a size limit (bytes, checked before a file
is read and again on every text, a JSON Lines document included) and a time limit (seconds,
around reading and around extraction). Going over either is a refusal that names the document,
like any other ``DocumentError``, and the run goes on with the next document.

    CASUS_MAX_BYTES   default 5000000 (5 MB); 0 turns the limit off
    CASUS_TIMEOUT     default 60 (seconds, decimals allowed); 0 turns the limit off

``casus extract`` and ``casus ingest`` set them with ``--max-bytes`` and ``--timeout``
(``configure``), which win over the environment.

The time limit is a real-time interval timer (``signal.setitimer``) in the main thread: no
worker process, no second copy of the spaCy models, nothing to pickle, and it interrupts any
Python code and the ``re`` engine (which checks for signals while it matches). It cannot stop a
C extension that never hands control back to Python, and it does nothing off the main thread or
where there is no SIGALRM (Windows): there the size limit is the only bound. See
docs/reliability.md for why this was chosen over a worker process.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from casus.errors import ConfigError, DocumentError, ExtractError, ReadError

DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_TIMEOUT = 60.0
ENV_MAX_BYTES = "CASUS_MAX_BYTES"
ENV_TIMEOUT = "CASUS_TIMEOUT"
MAX_BYTES_HELP = f"Refuse a document over this many bytes (default {DEFAULT_MAX_BYTES}, env {ENV_MAX_BYTES}; 0: no limit)."
TIMEOUT_HELP = (f"Refuse a document whose reading or extraction takes longer, in seconds "
                f"(default {DEFAULT_TIMEOUT:g}, env {ENV_TIMEOUT}; 0: no limit).")


class TooLarge(ReadError):
    """A document over the size limit."""


class TimedOut(DocumentError):
    """A document whose reading or extraction went over the time limit."""


class ReadTimedOut(TimedOut, ReadError):
    """Reading a document went over the time limit (a ReadError, as every reader's refusal)."""


class ExtractTimedOut(TimedOut, ExtractError):
    """Extracting a document's events went over the time limit."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    """Largest document, in bytes of UTF-8; 0: no limit."""
    timeout: float = DEFAULT_TIMEOUT
    """Longest reading or extraction of one document, in seconds; 0: no limit."""


_configured: dict[str, float | int] = {}


def configure(max_bytes: int | None = None, timeout: float | None = None) -> None:
    """Set the limits for this process (the command line's options); None leaves one as it is.
    Raises ConfigError for a negative limit, or a bad one in the environment."""
    if max_bytes is not None:
        _configured["max_bytes"] = _checked("--max-bytes", max_bytes)
    if timeout is not None:
        _configured["timeout"] = _checked("--timeout", timeout)
    current()  # CASUS_MAX_BYTES and CASUS_TIMEOUT are checked now, not at the first document


def reset() -> None:
    """Back to the environment and the defaults (for tests)."""
    _configured.clear()


def current() -> Limits:
    """The limits in force: ``configure``'s, else the environment's, else the defaults."""
    max_bytes = _configured.get("max_bytes", _from_env(ENV_MAX_BYTES, DEFAULT_MAX_BYTES))
    timeout = _configured.get("timeout", _from_env(ENV_TIMEOUT, DEFAULT_TIMEOUT))
    return Limits(max_bytes=int(max_bytes), timeout=float(timeout))


def check_size(n_bytes: int, doc_id: str) -> None:
    """Refuse a document of ``n_bytes`` bytes when it is over the size limit."""
    limit = current().max_bytes
    if limit and n_bytes > limit:
        raise TooLarge(doc_id, f"too large: {_size(n_bytes)}, over the limit of {_size(limit)} "
                               f"(--max-bytes or {ENV_MAX_BYTES})")


def check_text(text: str, doc_id: str) -> None:
    """``check_size`` for a text, counted in UTF-8 bytes (without encoding it when its length
    alone decides)."""
    limit = current().max_bytes
    if not limit or 4 * len(text) <= limit:
        return
    if len(text) > limit:
        check_size(len(text), doc_id)  # at least one byte a character: over, whatever the rest
    check_size(len(text.encode("utf-8", "surrogatepass")), doc_id)


class _Expired(BaseException):
    """Raised by the timer inside the guarded code. A BaseException, so that no ``except
    Exception`` on the way (casus's own, spaCy's) mistakes it for a failure of that code."""


_active = threading.local()


@contextmanager
def time_limit(doc_id: str, what: str = "extraction", seconds: float | None = None) -> Iterator[None]:
    """Run the block under the time limit; over it, a ``TimedOut`` naming ``doc_id``: a
    ``ReadTimedOut`` when ``what`` is "reading", else an ``ExtractTimedOut``.

    Nested limits leave the outer one in charge. Off the main thread, without SIGALRM, or with
    the limit at 0, the block runs unbounded."""
    limit = current().timeout if seconds is None else seconds
    usable = (
        limit > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and not getattr(_active, "on", False)
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    _active.on = True
    try:
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        error = ReadTimedOut if what == "reading" else ExtractTimedOut
        raise error(doc_id, f"{what} took longer than {limit:g} s, the time limit "
                               f"(--timeout or {ENV_TIMEOUT})") from None
    finally:
        _active.on = False
        signal.signal(signal.SIGALRM, previous)


def _from_env(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return _checked(name, float(raw))
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: not a number") from None


def _checked(name: str, value: float) -> float:
    if value < 0:
        raise ConfigError(f"{name} must be 0 (no limit) or more, not {value:g}")
    return value


def _size(n: int) -> str:
    return f"{n:,} bytes" if n < 10_000 else f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"
