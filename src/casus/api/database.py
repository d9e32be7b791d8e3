"""The server's one store connection. DuckDB connections are not safe to share between
threads, so every use goes through ``Database.use()``, which holds a lock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from casus.store import Store, open_store


class Database:
    """A store opened once (read-only unless the server accepts documents)."""

    def __init__(self, url: str, writable: bool) -> None:
        self.url = url
        self.store: Store = open_store(url, read_only=not writable)
        self._lock = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[Store]:
        with self._lock:
            yield self.store

    def close(self) -> None:
        with self._lock:
            self.store.close()
