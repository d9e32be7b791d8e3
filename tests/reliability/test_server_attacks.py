"""`casus serve` under attack: SQL injection and path traversal on every parameter, oversized and
malformed bodies, missing and wrong tokens, HTML in documents (docs/reliability.md, "Server under
attack and load").

The application is the real one (``create_app``) over a store built by the real pipeline from
samples/ and a document full of HTML (tests/api/conftest.py). Most requests go through httpx's
ASGI transport; requests whose bytes httpx would clean up (``..`` segments, chunked bodies, NUL)
go as raw HTTP/1.1 to a real uvicorn on a free port of 127.0.0.1, never anywhere else."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from casus.api import Settings, create_app
from tests.api.conftest import TOKEN, XSS_DOC, _SyncASGI, build_store

AUTH = {"Authorization": f"Bearer {TOKEN}"}
INJECTIONS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    "\"; DROP TABLE events; --",
    "'; DROP TABLE events; --",
    "%' UNION SELECT event_id, NULL, NULL FROM events --",
    "' UNION SELECT doc_id, text FROM documents --",
    "1; DELETE FROM documents",
    "Mali'); DROP TABLE claims; --",
    "') OR ('a'='a",
    "\\'; SELECT 1; --",
    "x' AND 0 UNION SELECT * FROM read_csv('/etc/passwd') --",
    "Mali\x00' OR 1=1 --",
]
TEXT_FILTERS = ("country", "actor", "event_type")
LISTS = ("/api/events", "/api/events.geojson", "/api/stats")
PASSWD = "root:x:0:0"


# --------------------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Path:
    return build_store(tmp_path_factory.mktemp("attacks") / "casus.duckdb", root)


def _app(db: Path, **kw):
    return create_app(Settings(db=str(db), **kw))


@pytest.fixture(scope="module")
def app(built: Path, tmp_path_factory: pytest.TempPathFactory):
    """A server holding the token over a copy of the store: opened for writing, so a stacked
    ``DROP TABLE`` would succeed if any filter ever reached SQL as text."""
    copy = tmp_path_factory.mktemp("attacks-rw") / "casus.duckdb"
    shutil.copy(built, copy)
    application = _app(copy, token=TOKEN, max_upload_bytes=50_000)
    yield application
    application.state.db.close()


@pytest.fixture(scope="module")
def client(app) -> Iterator[httpx.Client]:
    with httpx.Client(transport=_SyncASGI(app), base_url="http://casus.test") as c:
        yield c


@pytest.fixture(scope="module")
def server(app) -> Iterator[tuple[str, int]]:
    """The same application under a real uvicorn on a free loopback port."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="error", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield sock.getsockname()
    srv.should_exit = True
    thread.join(10)
    sock.close()


def dump(app) -> dict:
    with app.state.db.use() as store:
        return store.dump()


def n_events(app) -> int:
    with app.state.db.use() as store:
        return store.counts()["events"]


def raw(addr: tuple[str, int], request: bytes, timeout: float = 5.0) -> tuple[int, bytes, bytes]:
    """One raw HTTP/1.1 exchange with the loopback server: status, headers, body."""
    assert addr[0] == "127.0.0.1"
    with socket.create_connection(addr, timeout=timeout) as s:
        s.sendall(request)
        data = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, head, body


def get_raw(addr, target: str | bytes) -> tuple[int, bytes, bytes]:
    target = target.encode("latin-1") if isinstance(target, str) else target
    return raw(addr, b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")


# ------------------------------------------------------------------------------- SQL injection

@pytest.fixture(scope="module")
def before(app, client) -> dict:
    """The store's rows before any attack (and a sanity check that it has some)."""
    d = dump(app)
    assert d["events"] and d["documents"]
    return d


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", TEXT_FILTERS)
def test_injection_in_text_filters_matches_nothing(client, before, name, value):
    """No country, actor or event type holds these strings: every list is empty, never a 500."""
    for path in LISTS:
        r = client.get(path, params={name: value})
        assert r.status_code in (200, 422), (path, r.status_code, r.text[:300])
        assert r.headers["content-type"].startswith(("application/json", "application/geo+json"))
        body = r.json()
        if r.status_code == 422:
            assert set(body) == {"detail"}
            continue
        if path == "/api/events":
            assert body["total"] == 0 and body["events"] == []
        elif path == "/api/stats":
            assert body["events"] == 0 and body["per_actor"] == []
        else:
            assert body["features"] == [] and body["total"] == 0


@pytest.mark.parametrize("value", INJECTIONS + ["2023-01-01' OR 1=1 --", "1,2,3,4; DROP TABLE events"])
@pytest.mark.parametrize("name", ["since", "until", "bbox", "limit", "offset"])
def test_injection_in_typed_parameters_is_422(client, before, name, value):
    for path in LISTS:
        if path == "/api/stats" and name in ("limit", "offset"):
            continue  # stats take no page: the parameter is ignored
        r = client.get(path, params={name: value})
        assert r.status_code == 422, (path, name, value, r.text[:300])
        assert set(r.json()) == {"detail"}


def test_injection_next_to_an_honest_filter_never_widens_it(client, before):
    honest = client.get("/api/events", params={"country": "Mali", "limit": 500}).json()
    assert honest["total"] > 0
    for value in INJECTIONS:
        for extra in ({"actor": value}, {"event_type": value}, {"country": "Mali" + value}):
            r = client.get("/api/events", params={"country": "Mali", "limit": 500, **extra})
            assert r.status_code in (200, 422), r.text[:300]
            if r.status_code == 200:
                assert r.json()["total"] <= honest["total"] and r.json()["total"] == 0, (extra, r.json()["total"])


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_ids_is_404(client, before, value):
    for prefix in ("/api/events/", "/api/documents/"):
        r = client.get(prefix + quote(value, safe=""))
        assert r.status_code in (404, 422), (prefix, value, r.status_code, r.text[:300])
        assert set(r.json()) == {"detail"}
    # an existing id with an injection appended is not that id
    event_id = before["events"][0][0]
    doc_id = "samples/raid-on-dioura-2023.txt"
    assert client.get("/api/documents/" + doc_id).status_code == 200
    assert client.get("/api/events/" + quote(event_id + value, safe="")).status_code == 404
    assert client.get("/api/documents/" + quote(doc_id + value, safe="/")).status_code == 404


def test_tables_intact_after_injections(app, client, before):
    """Runs after the injection tests in this module (pytest keeps file order)."""
    for value in INJECTIONS:  # once more, every parameter at once
        params = {n: value for n in (*TEXT_FILTERS, "since", "until", "bbox")}
        for path in LISTS:
            assert client.get(path, params=params).status_code in (200, 422)
    assert dump(app) == before
    with app.state.db.use() as store:
        assert store.check() == []


# ------------------------------------------------------------------------------- path traversal

TRAVERSALS = [
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/..%5c..%5c..%5c..%5cetc%5cpasswd",
    "/static/..\\..\\..\\..\\etc\\passwd",
    "/static/..%c0%af..%c0%af..%c0%afetc%c0%afpasswd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/../__init__.py",
    "/static/%2e%2e/__init__.py",
    "/static/index.html%00.js",
    "/static/%00",
    "/api/documents/../../../../etc/passwd",
    "/api/documents/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/documents/..%5c..%5cetc%5cpasswd",
    "/api/documents//etc/passwd",
    "/api/documents/%2fetc%2fpasswd",
    "/api/documents/samples/../../../etc/passwd",
    "/api/documents/samples%2f..%2f..%2fpyproject.toml",
    "/api/documents/file:///etc/passwd",
    "/api/documents/%00",
    "/api/documents/samples/raid-on-dioura-2023.txt%00",
    "/api/events/../../etc/passwd",
    "/api/events/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/events/%2fetc%2fpasswd",
    "/api/events/%00",
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_traversal_raw(server, target):
    """Sent byte for byte (no client normalising ``..``): 400 or 404, never a file."""
    status, head, body = get_raw(server, target)
    assert status in (400, 404), (target, status, body[:300])
    assert PASSWD.encode() not in body
    assert b"import " not in body and b"[project]" not in body


@pytest.mark.parametrize("target", TRAVERSALS)
def test_traversal_asgi(client, target):
    r = client.get(target)
    assert r.status_code in (400, 404), (target, r.status_code, r.text[:300])
    assert PASSWD not in r.text and "[project]" not in r.text


def test_nul_and_control_bytes_in_the_request_line(server):
    for target in (b"/api/events/\x00", b"/static/\x00../../etc/passwd", b"/api/documents/a\r\nX: y"):
        status, _, body = get_raw(server, target)
        assert status in (0, 400, 404), (target, status)  # 0: uvicorn closed the connection
        assert PASSWD.encode() not in body


def test_static_files_still_served(client):
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/").status_code == 200


# ------------------------------------------------------------------------------------- bodies

def test_oversized_declared_body_is_413_and_stores_nothing(app, client):
    n = n_events(app)
    r = client.post("/api/documents", content=b"{" + b" " * 60_000 + b"}", headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 413 and set(r.json()) == {"detail"}
    big = json.dumps({"id": "big", "text": "Gunmen killed 5 people in Djibo. " * 3000})
    assert client.post("/api/documents", content=big, headers={**AUTH, "content-type": "application/json"}).status_code == 413
    files = {"file": ("big.txt", b"a" * 60_000, "text/plain")}
    assert client.post("/api/documents", files=files, headers=AUTH).status_code == 413
    assert n_events(app) == n


def test_oversized_chunked_body_is_413(server, app):
    """No Content-Length: the limit holds on the bytes as they arrive."""
    n = n_events(app)
    chunk = b"a" * 8192
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(10)) + b"0\r\n\r\n"
    head = (f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode()
    status, _, resp = raw(server, head + body)
    assert status == 413, resp[:300]
    assert n_events(app) == n


def test_lying_content_length_is_refused(server, app):
    """A Content-Length far over the limit is refused before the body is read."""
    n = n_events(app)
    head = (f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
            "Content-Type: application/json\r\nContent-Length: 999999999999\r\nConnection: close\r\n\r\n{}").encode()
    status, _, _ = raw(server, head, timeout=5)
    assert status == 413
    assert n_events(app) == n


@pytest.mark.parametrize("body, ctype", [
    (b"{not json", "application/json"),
    (b"", "application/json"),
    (b"null", "application/json"),
    (b"\"text\"", "application/json"),
    (b"{\"id\": \"x\", \"text\": \"a\"", "application/json"),
    (b"\xff\xfe\x00\x00", "application/json"),
    (b"{\"id\": [\"x\"], \"text\": {\"a\": 1}}", "application/json"),
    (b"{\"id\": \"x\", \"text\": \"Gunmen killed 3.\", \"published\": \"' OR 1=1 --\"}", "application/json"),
    (b"{\"id\": \"x\", \"text\": \"Gunmen killed 3.\", \"lang\": 5}", "application/json"),
    (b"{\"id\": \"x\", \"text\": 1e999}", "application/json"),
    (b"{\"id\": \"x\", \"text\": NaN}", "application/json"),
    (b"[" * 20_000 + b"]" * 20_000, "application/json"),
    (b"{\"a\":" * 10_000 + b"1" + b"}" * 10_000, "application/json"),
    (b"{\"id\": \"x\", \"text\": \"ok\"}", "text/plain"),
    (b"{\"id\": \"x\", \"text\": \"ok\"}", "application/xml"),
    (b"{\"id\": \"x\", \"text\": \"ok\"}", "application/x-www-form-urlencoded"),
    (b"{\"id\": \"x\", \"text\": \"ok\"}", ""),
    (b"--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end", "multipart/form-data; boundary=b"),
    (b"whatever", "multipart/form-data"),
])
def test_malformed_bodies_are_4xx(app, client, body, ctype):
    n = n_events(app)
    headers = {**AUTH, **({"content-type": ctype} if ctype else {})}
    r = client.post("/api/documents", content=body, headers=headers)
    assert 400 <= r.status_code < 500, (body[:40], ctype, r.status_code, r.text[:300])
    assert set(r.json()) == {"detail"}
    assert n_events(app) == n


@pytest.mark.parametrize("text", ["\\ud800", "Gunmen killed 3 people \\udfff in Djibo.", "\\udc80\\ud800x"])
def test_lone_surrogates_are_4xx(app, client, text):
    n = n_events(app)
    body = ('{"id": "surrogate", "text": "' + text + '"}').encode()
    r = client.post("/api/documents", content=body, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 422, (text, r.status_code, r.text[:300])
    assert r.json()["detail"][0]["loc"] == ["text"]
    assert n_events(app) == n


def test_nul_in_text_is_never_a_500(app, client):
    """A NUL is read as U+FFFD (one character for one, so no span moves): stored, never a 500."""
    body = b'{"id": "nul-doc", "text": "Gunmen killed 3 people\\u0000 in Djibo, Burkina Faso."}'
    r = client.post("/api/documents", content=body, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code in (201, 422), r.text[:300]
    if r.status_code == 201:
        got = client.get("/api/documents/nul-doc")
        assert got.status_code == 200 and "people\ufffd in Djibo" in got.json()["text"]


# ------------------------------------------------------------------------------------- tokens

GOOD = {"id": "wire/attack/token", "lang": "en", "published": "2024-06-12",
        "text": "HOMBORI, June 12 (Wire) - Gunmen killed 9 soldiers near Hombori, Mali, on Tuesday, the army said.\n"}


@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    ({"Authorization": ""}, 401),
    ({"Authorization": "Bearer"}, 401),
    ({"Authorization": "Bearer "}, 401),
    ({"Authorization": "Basic " + TOKEN}, 401),
    ({"Authorization": TOKEN}, 401),
    ({"X-Token": TOKEN}, 401),
    ({"Authorization": "Bearer wrong-token-0123456789"}, 403),
    ({"Authorization": "Bearer " + TOKEN[:-1]}, 403),
    ({"Authorization": "Bearer " + TOKEN + "x"}, 403),
    ({"Authorization": "Bearer " + TOKEN.upper()}, 403),
    ({"Authorization": "Bearer ' OR 1=1 --"}, 403),
    ({"Authorization": "Bearer " + "A" * 10_000}, 403),
    ({"Authorization": "Bearer tëst-tökén-0123456789".encode("latin-1")}, 403),
    ({"Authorization": b"Bearer \xff\xfe\x80\x81-0123456789"}, 403),
])
def test_writes_without_the_token_store_nothing(app, client, headers, status):
    n, docs = n_events(app), dump(app)["documents"]
    r = client.post("/api/documents", json=GOOD, headers=headers)
    assert r.status_code == status, (headers, r.status_code, r.text[:300])
    assert set(r.json()) == {"detail"} and "Hombori" not in r.text
    if status == 401:
        assert r.headers.get("www-authenticate") == "Bearer"
    assert n_events(app) == n and dump(app)["documents"] == docs


def test_the_token_in_the_query_string_is_not_a_token(app, client):
    n = n_events(app)
    r = client.post("/api/documents", params={"token": TOKEN, "access_token": TOKEN}, json=GOOD)
    assert r.status_code == 401 and n_events(app) == n


@pytest.fixture(scope="module")
def guarded(built: Path) -> Iterator[httpx.Client]:
    """``--read-token-required``, read-only on the built store."""
    application = _app(built, token=TOKEN, read_token_required=True)
    # the built store is also open read-write in `app`'s copy only; this one is its own file
    with httpx.Client(transport=_SyncASGI(application), base_url="http://casus.test") as c:
        yield c
    application.state.db.close()


@pytest.mark.parametrize("path", ["/api/events", "/api/events.geojson", "/api/stats", "/api/events/{event}",
                                  "/api/documents/samples/raid-on-dioura-2023.txt", "/api/events?country=Mali",
                                  "/api/events/does-not-exist"])
def test_reads_need_the_token_when_required(guarded, before, path):
    path = path.replace("{event}", before["events"][0][0])
    for headers, status in (({}, 401), ({"Authorization": "Bearer nope-nope-nope"}, 403),
                            ({"Authorization": "Basic " + TOKEN}, 401)):
        r = guarded.get(path, headers=headers)
        assert r.status_code == status, (path, headers, r.status_code)
        assert set(r.json()) == {"detail"}
        assert "Dioura" not in r.text and before["events"][0][0] not in r.text and "claims" not in r.text
    ok = guarded.get(path, headers=AUTH)
    assert ok.status_code in (200, 404)


# ---------------------------------------------------------------------------------------- XSS

def test_html_in_documents_is_json_data(client):
    r = client.get("/api/documents/" + XSS_DOC["id"])
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    body = r.json()
    assert body["text"] == XSS_DOC["text"] and body["title"] == XSS_DOC["title"]  # data, unchanged
    assert "<script>" in body["text"]
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    mine = [e for e in events if XSS_DOC["id"] in e["doc_ids"]]
    assert mine, "the XSS document gave no event"
    detail = client.get("/api/events/" + mine[0]["event_id"])
    assert detail.headers["content-type"] == "application/json"
    assert any(d["title"] == XSS_DOC["title"] for d in detail.json()["documents"])


def test_submitted_html_comes_back_as_json(app, client):
    doc = {"id": "wire/x\"><img src=x onerror=alert(1)>", "title": "<script>alert(1)</script>",
           "url": "javascript:alert(1)", "lang": "en", "published": "2024-06-12",
           "text": "DJIBO (Wire) - Gunmen <script>alert(1)</script> killed 4 people in Djibo, Burkina Faso, "
                   "on 11 June 2024, the army said. <svg onload=alert(1)>\n"}
    r = client.post("/api/documents", json=doc, headers=AUTH)
    assert r.status_code in (201, 422), r.text[:300]
    if r.status_code == 201:
        got = client.get("/api/documents/" + quote(doc["id"], safe="/"))
        assert got.status_code == 200 and got.headers["content-type"] == "application/json"
        assert got.json()["text"] == doc["text"]


@pytest.mark.parametrize("path", ["/api/events/<script>alert(1)<%2Fscript>", "/<script>alert(1)</script>",
                                  "/api/events?country=<script>alert(1)</script>&limit=abc"])
def test_errors_echo_input_only_as_json(client, path):
    r = client.get(path)
    assert 400 <= r.status_code < 500
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/", "/docs", "/static/index.html"])
def test_html_pages_carry_the_csp(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = dict(p.strip().split(" ", 1) for p in r.headers["content-security-policy"].split(";"))
    assert csp["script-src"] == "'self'" and csp["object-src"] == "'none'" and csp["frame-ancestors"] == "'none'"
    assert csp["default-src"] == "'self'"
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
