"""A store built by the real pipeline from samples/ (once per session), and HTTP clients over the
API through httpx's ASGI transport."""

from __future__ import annotations

import shutil
from contextlib import chdir
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from casus.api import Settings, create_app

TOKEN = "test-token-0123456789"
XSS_DOC = {
    "id": "wire/xss-2024-05-03",
    "title": "Attack on Djibo <img src=x onerror=\"window.__xss=1\">",
    "published": "2024-05-04",
    "lang": "en",
    "text": (
        "DJIBO, May 4 (Wire) - Gunmen attacked the army post in Djibo, Burkina Faso, on 3 May 2024, "
        "killing 12 soldiers <script>window.__xss=1</script>, the army said. "
        "<img src=x onerror=\"window.__xss=1\"> Residents said <b>dozens</b> of houses were burned.\n"
    ),
}


def build_store(path: Path, root: Path) -> Path:
    """``casus ingest samples/`` into ``path``, then the XSS document, through the store's API."""
    from casus.extract.actors import registry
    from casus.extract.pipeline import extract
    from casus.ingest import read_paths, read_text
    from casus.model import Document
    from casus.store import open_store

    with open_store(str(path)) as store, chdir(root):  # doc ids as `casus ingest samples` gives them
        for doc in read_paths(["samples"]):
            assert isinstance(doc, Document), doc
            store.add(doc, extract(doc), registry())
        xss = read_text(XSS_DOC["text"], XSS_DOC["id"], None, title=XSS_DOC["title"],
                        published=XSS_DOC["published"], lang="en")
        store.add(xss, extract(xss), registry())
    return path


@pytest.fixture(scope="session")
def store_file(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "casus.duckdb", root)


@pytest.fixture(scope="session")
def client(store_file: Path) -> Iterator[httpx.Client]:
    """Reading only (no token): the store opened read-only."""
    yield from _client(Settings(db=str(store_file)))


@pytest.fixture
def writer(store_file: Path, tmp_path: Path) -> Iterator[httpx.Client]:
    """A server with a token over a copy of the store (submissions change it)."""
    copy = tmp_path / "casus.duckdb"
    shutil.copy(store_file, copy)
    yield from _client(Settings(db=str(copy), token=TOKEN, max_upload_bytes=50_000))


def _client(settings: Settings) -> Iterator[httpx.Client]:
    app = create_app(settings)
    with httpx.Client(transport=_SyncASGI(app), base_url="http://casus.test") as c:
        yield c
    app.state.db.close()


class _SyncASGI(httpx.BaseTransport):
    """httpx's ASGI transport, driven from synchronous tests."""

    def __init__(self, app) -> None:
        self.transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        import anyio

        async def send() -> httpx.Response:
            body = b"".join([c async for c in _aiter(request)])
            req = httpx.Request(request.method, request.url, headers=request.headers, content=body)
            response = await self.transport.handle_async_request(req)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        return anyio.run(send)


async def _aiter(request: httpx.Request):
    for chunk in request.stream:  # a synchronous request's body
        yield chunk
